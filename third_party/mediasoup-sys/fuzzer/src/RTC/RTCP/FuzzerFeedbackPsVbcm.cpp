#include "RTC/RTCP/FuzzerFeedbackPsVbcm.hpp"

void FuzzerRtcRtcpFeedbackPsVbcm::Fuzz(RTC::RTCP::FeedbackPsVbcmPacket* packet)
{
	// Triggers a crash in fuzzer.
	// TODO: Verify that there is buffer enough for the announce length.
	// packet->Serialize(RTC::RTCP::SerializationBuffer);
	packet->GetCount();
	packet->GetSize();

	// TODO.
	// AddItem(Item* item);

	for (auto it = packet->Begin(); it != packet->End(); ++it)
	{
		auto& item = (*it);

		// Triggers a crash in fuzzer.
		// item->Serialize(RTC::RTCP::SerializationBuffer);
		item->GetSize();
		item->GetSsrc();
		item->GetSequenceNumber();
		item->GetPayloadType();
		item->GetLength();
		item->GetValue();
	}
}
