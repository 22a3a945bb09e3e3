#include "RTC/RTCP/FuzzerFeedbackRtpSrReq.hpp"

void FuzzerRtcRtcpFeedbackRtpSrReq::Fuzz(RTC::RTCP::FeedbackRtpSrReqPacket* packet)
{
	// TODO
}
