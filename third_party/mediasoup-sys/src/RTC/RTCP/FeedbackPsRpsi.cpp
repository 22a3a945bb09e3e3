#define MS_CLASS "RTC::RTCP::FeedbackPsRpsi"
// #define MS_LOG_DEV_LEVEL 3

#include "RTC/RTCP/FeedbackPsRpsi.hpp"
#include "Logger.hpp"
#include "Utils.hpp"
#include <cstring>

namespace RTC
{
	namespace RTCP
	{
		/* Instance methods. */

		FeedbackPsRpsiItem::FeedbackPsRpsiItem(Header* header)
		{
			MS_TRACE();

			this->header = header;

			// Calculate bitString length.
			if (this->header->paddingBits % 8 != 0)
			{
				MS_WARN_TAG(rtcp, "invalid Rpsi packet with fractional padding bytes value");

				isCorrect = false;
			}

			const size_t paddingBytes = this->header->paddingBits / 8;

			if (paddingBytes > FeedbackPsRpsiItem::MaxBitStringSize)
			{
				MS_WARN_TAG(rtcp, "invalid Rpsi packet with too many padding bytes");

				isCorrect = false;
			}

			this->length = FeedbackPsRpsiItem::MaxBitStringSize - paddingBytes;
		}

		FeedbackPsRpsiItem::FeedbackPsRpsiItem(uint8_t payloadType, uint8_t* bitString, size_t length)
		{
			MS_TRACE();

			MS_ASSERT(payloadType <= 0x7f, "rpsi payload type exceeds the maximum value");
			MS_ASSERT(
			  length <= FeedbackPsRpsiItem::MaxBitStringSize,
			  "rpsi bit string length exceeds the maximum value");

			this->header = reinterpret_cast<Header*>(this->raw);

			// 32 bits padding.
			const auto padding = static_cast<uint8_t>(Utils::Byte::PadTo4Bytes(length) - length);

			this->header->paddingBits = padding * 8;
			this->header->zero        = 0;
			std::memcpy(this->header->bitString, bitString, length);

			this->raw = new uint8_t[FeedbackPsRpsiItem::HeaderSize + padding];

			// Fill padding.
			for (uint8_t i{ 0 }; i < padding; ++i)
			{
				this->raw[FeedbackPsRpsiItem::HeaderSize + i - 1] = 0;
			}
		}

		size_t FeedbackPsRpsiItem::Serialize(uint8_t* buffer)
		{
			MS_TRACE();

			std::memcpy(buffer, this->header, FeedbackPsRpsiItem::HeaderSize);

			return FeedbackPsRpsiItem::HeaderSize;
		}

		void FeedbackPsRpsiItem::Dump(int indentation) const
		{
			MS_TRACE();

			MS_DUMP_CLEAN(indentation, "<FeedbackPsRpsiItem>");
			MS_DUMP_CLEAN(indentation, "  padding bits %" PRIu8, this->header->paddingBits);
			MS_DUMP_CLEAN(indentation, "  payload type: %" PRIu8, this->GetPayloadType());
			MS_DUMP_CLEAN(indentation, "  length: %zu", this->GetLength());
			MS_DUMP_CLEAN(indentation, "</FeedbackPsRpsiItem>");
		}
	} // namespace RTCP
} // namespace RTC
