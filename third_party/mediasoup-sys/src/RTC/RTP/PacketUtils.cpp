#define MS_CLASS "RTC::RTP::PacketUtils"
// #define MS_LOG_DEV_LEVEL 3

#include "RTC/RTP/PacketUtils.hpp"
#include "Logger.hpp"
#include "RTC/Serializable.hpp"
#include <new> // std::align_val_t

namespace RTC
{
	namespace RTP
	{
		/* Static. */

		// When cloning a RTP packet, a buffer is allocated for it and its length is
		// the length of the packet plus this value (in bytes).
		static constexpr size_t PacketBufferLengthIncrement{ 100 };
#ifdef MS_DUMP_RTP_SHARED_PACKET_MEMORY_USAGE
		// Total memory currently allocated by cloned RTP packets.
		static thread_local uint64_t allocatedMemory{ 0 };
#endif
		// Callback given to every cloned RTP packet to deallocate the buffer we
		// allocated for it.
		static thread_local Serializable::BufferReleasedListener PacketBufferReleasedListener =
		  // NOLINTNEXTLINE(misc-unused-parameters, readability-non-const-parameter)
		  [](const Serializable* packet, uint8_t* buffer)
		{
			// NOTE: Needed since we allocated it using
			::operator delete[](buffer, std::align_val_t{ 4 });

#ifdef MS_DUMP_RTP_SHARED_PACKET_MEMORY_USAGE
			allocatedMemory -= packet->GetBufferLength();

			MS_DUMP_CLEAN(
			  0,
			  "[worker.pid:%" PRIu64
			  "] [RTC::RTP::PacketUtils] memory deallocated [packet buffer:%zu, total allocated memory:%" PRIu64
			  "]",
			  Logger::Pid,
			  packet->GetBufferLength(),
			  allocatedMemory);
#endif
		};

		/* Class methods. */

		std::shared_ptr<RTP::Packet> PacketUtils::ClonePacket(const RTP::Packet* packet)
		{
			MS_TRACE();

			const size_t bufferLength = packet->GetLength() + PacketBufferLengthIncrement;

			// NOTE: Buffer must be 4-byte aligned since RTP packet parsing casts it to
			// structs (e.g. FixedHeader, HeaderExtension) that require 4-byte alignment.
			auto* buffer = static_cast<uint8_t*>(::operator new[](bufferLength, std::align_val_t{ 4 }));
			auto* clonedPacket = packet->Clone(buffer, bufferLength);

			// Set a listener in the packet to deallocate the buffer above once the
			// packet releases it.
			clonedPacket->SetBufferReleasedListener(std::addressof(PacketBufferReleasedListener));

#ifdef MS_DUMP_RTP_SHARED_PACKET_MEMORY_USAGE
			allocatedMemory += bufferLength;

			MS_DUMP_CLEAN(
			  0,
			  "[worker.pid:%" PRIu64
			  "] [RTC::RTP::PacketUtils] memory allocated [packet buffer:%zu, total allocated memory:%" PRIu64
			  "]",
			  Logger::Pid,
			  clonedPacket->GetBufferLength(),
			  allocatedMemory);
#endif

			// NOTE: The buffer is freed by PacketBufferReleasedListener above and not
			// by a custom deleter of the shared pointer. Deleting the cloned packet is
			// hence all this shared pointer must do, so the default deleter is used.
			return std::shared_ptr<RTP::Packet>{ clonedPacket };
		}

		void PacketUtils::AssertSamePacket(
		  const std::shared_ptr<RTP::Packet>& sharedPacket, const RTP::Packet* otherPacket)
		{
			MS_TRACE();

			const auto* packet = sharedPacket.get();

			if (!packet && !otherPacket)
			{
				return;
			}
			else if (packet && !otherPacket)
			{
				MS_ABORT("there is a packet in sharedPacket but given otherPacket doesn't have value");
			}
			else if (!packet && otherPacket)
			{
				MS_ABORT("there is no packet in sharedPacket but given otherPacket has value");
			}
			else
			{
				MS_ASSERT(
				  packet->GetSsrc() == otherPacket->GetSsrc(),
				  "SSRC %" PRIu32 " in packet in sharedPacket != SSRC %" PRIu32 " in otherPacket",
				  packet->GetSsrc(),
				  otherPacket->GetSsrc());

				MS_ASSERT(
				  packet->GetSequenceNumber() == otherPacket->GetSequenceNumber(),
				  "seq %" PRIu16 " in packet in sharedPacket != seq %" PRIu16 " in otherPacket",
				  packet->GetSequenceNumber(),
				  otherPacket->GetSequenceNumber());

				MS_ASSERT(
				  packet->GetTimestamp() == otherPacket->GetTimestamp(),
				  "timestamp %" PRIu32 " in packet in sharedPacket != timestamp %" PRIu32 " in otherPacket",
				  packet->GetTimestamp(),
				  otherPacket->GetTimestamp());

				MS_ASSERT(
				  packet->GetLength() == otherPacket->GetLength(),
				  "length %zu of packet in sharedPacket != length %zu of otherPacket",
				  packet->GetLength(),
				  otherPacket->GetLength());
			}
		}
	} // namespace RTP
} // namespace RTC
