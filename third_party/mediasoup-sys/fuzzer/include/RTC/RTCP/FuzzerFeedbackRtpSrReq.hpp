#ifndef MS_FUZZER_RTC_RTCP_FEEDBACK_RTP_SR_REQ
#define MS_FUZZER_RTC_RTCP_FEEDBACK_RTP_SR_REQ

#include "common.hpp"
#include "RTC/RTCP/FeedbackRtpSrReq.hpp"

namespace FuzzerRtcRtcpFeedbackRtpSrReq
{
	void Fuzz(RTC::RTCP::FeedbackRtpSrReqPacket* packet);
}

#endif
