#ifndef MS_FUZZER_RTC_RTCP_SENDER_REPORT
#define MS_FUZZER_RTC_RTCP_SENDER_REPORT

#include "common.hpp"
#include "RTC/RTCP/SenderReport.hpp"

namespace FuzzerRtcRtcpSenderReport
{
	void Fuzz(RTC::RTCP::SenderReportPacket* packet);
}

#endif
