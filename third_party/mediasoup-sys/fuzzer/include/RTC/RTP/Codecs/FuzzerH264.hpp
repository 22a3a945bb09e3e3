#ifndef MS_FUZZER_RTC_RTP_CODECS_H264_HPP
#define MS_FUZZER_RTC_RTP_CODECS_H264_HPP

#include "common.hpp"

namespace FuzzerRtcRtpCodecsH264
{
	void Fuzz(const uint8_t* data, size_t len);
}

#endif
