#ifndef MS_FUZZER_RTC_RTP_CODECS_VP8_HPP
#define MS_FUZZER_RTC_RTP_CODECS_VP8_HPP

#include "common.hpp"

namespace FuzzerRtcRtpCodecsVP8
{

	void Fuzz(const uint8_t* data, size_t len);
}

#endif
