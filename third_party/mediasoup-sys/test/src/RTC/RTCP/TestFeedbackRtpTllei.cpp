#include "common.hpp"
#include "RTC/RTCP/FeedbackRtpTllei.hpp"
#include <catch2/catch_test_macros.hpp>
#include <cstring> // std::memcmp()

SCENARIO("RTCP Feedback RTP TLLEI", "[rtcp][feedback-rtp][tllei]")
{
	// RTCP TLLEI packet.

	// clang-format off
	alignas(4) uint8_t buffer[] =
	{
		0x87, 0xcd, 0x00, 0x03, // Type: 205 (Generic RTP feedback), Count: 7 (TLLEI) Length: 3
		0x00, 0x00, 0x00, 0x01, // Sender SSRC: 0x00000001
		0x03, 0x30, 0xbd, 0xee, // Media source SSRC: 0x0330bdee
		0x00, 0x01, 0xaa, 0x55
	};
	// clang-format on

	// TLLEI values.
	const uint32_t senderSsrc{ 0x00000001 };
	const uint32_t mediaSsrc{ 0x0330bdee };
	const uint16_t packetId{ 1 };
	const uint16_t lostPacketBitmask{ 0b1010101001010101 };

	// NOTE: No need to pass const integers to the lambda.
	const auto verify = [](RTC::RTCP::FeedbackRtpTlleiPacket* packet)
	{
		REQUIRE(packet->GetSenderSsrc() == senderSsrc);
		REQUIRE(packet->GetMediaSsrc() == mediaSsrc);

		auto it          = packet->Begin();
		const auto* item = *it;

		REQUIRE(item);
		REQUIRE(item->GetPacketId() == packetId);
		REQUIRE(item->GetLostPacketBitmask() == lostPacketBitmask);
	};

	SECTION("alignof() RTCP structs")
	{
		REQUIRE(alignof(RTC::RTCP::FeedbackRtpTlleiItem::Header) == 2);
	}

	SECTION("parse RTC::RTCP::FeedbackRtpTlleiPacket")
	{
		std::unique_ptr<RTC::RTCP::FeedbackRtpTlleiPacket> packet{
			RTC::RTCP::FeedbackRtpTlleiPacket::Parse(buffer, sizeof(buffer))
		};

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
}
