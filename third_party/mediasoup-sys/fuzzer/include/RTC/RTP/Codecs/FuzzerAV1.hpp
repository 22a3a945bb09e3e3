#ifndef MS_FUZZER_RTC_RTP_CODECS_AV1_HPP
#define MS_FUZZER_RTC_RTP_CODECS_AV1_HPP

#include "common.hpp"

namespace FuzzerRtcRtpCodecsAV1
{
	void Fuzz(const uint8_t* data, size_t len);
}

#endif
