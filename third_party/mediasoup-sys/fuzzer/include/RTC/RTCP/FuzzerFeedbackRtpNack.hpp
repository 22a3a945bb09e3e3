#ifndef MS_FUZZER_RTC_RTCP_FEEDBACK_RTP_NACK
#define MS_FUZZER_RTC_RTCP_FEEDBACK_RTP_NACK

#include "common.hpp"
#include "RTC/RTCP/FeedbackRtpNack.hpp"

namespace FuzzerRtcRtcpFeedbackRtpNack
{
	void Fuzz(RTC::RTCP::FeedbackRtpNackPacket* packet);
}

#endif
