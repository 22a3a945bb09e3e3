#include "common.hpp"
#include "RTC/RTCP/FeedbackPsRemb.hpp"
#include <catch2/catch_test_macros.hpp>
#include <cstring> // std::memcmp()

SCENARIO("RTCP Feedback PS REMB", "[rtcp][feedback-ps][remb]")
{
	// RTCP REMB packet.

	// clang-format off
	alignas(4) uint8_t buffer[] =
	{
		0x8f, 0xce, 0x00, 0x06, // Type: 206 (Payload Specific), Count: 15 (AFB), Length: 6
		0xfa, 0x17, 0xfa, 0x17, // Sender SSRC: 0xfa17fa17
		0x00, 0x00, 0x00, 0x00, // Media source SSRC: 0x00000000
		0x52, 0x45, 0x4d, 0x42, // Unique Identifier: REMB
		0x02, 0x01, 0xdf, 0x82, // SSRCs: 2, BR exp: 0, Mantissa: 122754
		0x02, 0xd0, 0x37, 0x02, // SSRC1: 0x02d03702
		0x04, 0xa7, 0x67, 0x47  // SSRC2: 0x04a76747
	};
	// clang-format on

	// REMB values.
	const uint32_t senderSsrc{ 0xfa17fa17 };
	const uint32_t mediaSsrc{ 0 };
	const int64_t bitrate{ 122754 };
	const std::vector<uint32_t> ssrcs{ 0x02d03702, 0x04a76747 };

	// NOTE: No need to pass const integers to the lambda.
	const auto verify = [&ssrcs](RTC::RTCP::FeedbackPsRembPacket* packet)
	{
		REQUIRE(packet->GetSenderSsrc() == senderSsrc);
		REQUIRE(packet->GetMediaSsrc() == mediaSsrc);
		REQUIRE(packet->GetBitrate() == bitrate);
		REQUIRE(packet->GetSsrcs() == ssrcs);
	};

	SECTION("parse FeedbackPsRembPacket")
	{
		std::unique_ptr<RTC::RTCP::FeedbackPsRembPacket> packet{ RTC::RTCP::FeedbackPsRembPacket::Parse(
			buffer, sizeof(buffer)) };

		REQUIRE(packet);

		verify(packet.get());

		SECTION("serialize packet instance")
		{
			alignas(4) uint8_t serialized[sizeof(buffer)] = { 0 };

			packet->Serialize(serialized);

			SECTION("compare serialized packet with original buffer")
			{
				REQUIRE(std::memcmp(buffer, serialized, sizeof(buffer)) == 0);
			}
		}
	}

	SECTION("create FeedbackPsRembPacket")
	{
		RTC::RTCP::FeedbackPsRembPacket packet(senderSsrc, mediaSsrc);

		packet.SetSsrcs(ssrcs);
		packet.SetBitrate(bitrate);

		verify(&packet);
	}

	SECTION("more ssrcs than the packet can count are dropped")
	{
		RTC::RTCP::FeedbackPsRembPacket packet(senderSsrc, mediaSsrc);

		// One more than fits, since the field that counts them is a single byte.
		std::vector<uint32_t> manySsrcs;

		manySsrcs.reserve(RTC::RTCP::FeedbackPsRembPacket::MaxNumberOfSsrcs + 1);

		for (uint32_t ssrc{ 1 }; ssrc <= RTC::RTCP::FeedbackPsRembPacket::MaxNumberOfSsrcs + 1; ++ssrc)
		{
			manySsrcs.push_back(ssrc);
		}

		packet.SetSsrcs(manySsrcs);

		REQUIRE(packet.GetSsrcs().size() == RTC::RTCP::FeedbackPsRembPacket::MaxNumberOfSsrcs);
	}
}
