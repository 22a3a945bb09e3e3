#include "RTC/RTCP/FuzzerFeedbackRtpTmmb.hpp"

void FuzzerRtcRtcpFeedbackRtpTmmbn::Fuzz(RTC::RTCP::FeedbackRtpTmmbnPacket* packet)
{
	packet->Serialize(RTC::RTCP::SerializationBuffer);
	packet->GetCount();
	packet->GetSize();

	// TODO.
	// AddItem(Item* item);

	for (auto it = packet->Begin(); it != packet->End(); ++it)
	{
		auto& item = (*it);

		item->Serialize(RTC::RTCP::SerializationBuffer);
		item->GetSize();
		item->GetSsrc();
		item->SetSsrc(1111);
		item->GetBitrate();
		item->SetBitrate(2222);
		item->GetOverhead();
		item->SetOverhead(3333);
	}
}

void FuzzerRtcRtcpFeedbackRtpTmmbr::Fuzz(RTC::RTCP::FeedbackRtpTmmbrPacket* packet)
{
	packet->Serialize(RTC::RTCP::SerializationBuffer);
	packet->GetCount();
	packet->GetSize();

	// TODO.
	// AddItem(Item* item);

	for (auto it = packet->Begin(); it != packet->End(); ++it)
	{
		auto& item = (*it);

		item->Serialize(RTC::RTCP::SerializationBuffer);
		item->GetSize();
		item->GetSsrc();
		item->SetSsrc(1111);
		item->GetBitrate();
		item->SetBitrate(2222);
		item->GetOverhead();
		item->SetOverhead(3333);
	}
}
