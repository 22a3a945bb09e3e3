#ifndef MS_FUZZER_RTC_RTP_CODECS_VP9_HPP
#define MS_FUZZER_RTC_RTP_CODECS_VP9_HPP

#include "common.hpp"

namespace FuzzerRtcRtpCodecsVP9
{

	void Fuzz(const uint8_t* data, size_t len);
}

#endif
