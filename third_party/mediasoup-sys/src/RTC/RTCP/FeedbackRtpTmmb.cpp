#define MS_CLASS "RTC::RTCP::FeedbackRtpTmmb"
// #define MS_LOG_DEV_LEVEL 3

#include "RTC/RTCP/FeedbackRtpTmmb.hpp"
#include "Logger.hpp"
#include "Utils.hpp"

namespace RTC
{
	namespace RTCP
	{
		/* Instance methods. */
		template<typename T>
		FeedbackRtpTmmbItem<T>::FeedbackRtpTmmbItem(const Header* header)
		  : FeedbackRtpTmmbItem<T>(reinterpret_cast<const uint8_t*>(header))
		{
			MS_TRACE();
		}

		template<typename T>
		FeedbackRtpTmmbItem<T>::FeedbackRtpTmmbItem(const uint8_t* data)
		{
			MS_TRACE();

			this->ssrc = Utils::Byte::Get4Bytes(data, 0);

			// Read the 4 bytes block.
			const uint32_t compact = Utils::Byte::Get4Bytes(data, 4);
			// Read each component.
			const uint8_t exponent  = compact >> 26;            // 6 bits.
			const uint64_t mantissa = (compact >> 9) & 0x1ffff; // 17 bits.

			this->overhead = compact & 0x1ff; // 9 bits.
			// Get the bitrate out of exponent and mantissa.
			// NOTE: The exponent is 6 bits wide, so a remote endpoint can craft a shift
			// that overflows. The checks below reject both an overflowing shift and a
			// value that does not fit in the signed 64 bits bitrate.
			const uint64_t rawBitrate = (mantissa << exponent);

			if (
			  (rawBitrate >> exponent) != mantissa ||
			  rawBitrate > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
			{
				MS_WARN_TAG(rtcp, "invalid TMMB bitrate value : %" PRIu64 " x 2^%" PRIu8, mantissa, exponent);

				this->isCorrect = false;

				return;
			}

			this->bitrate = static_cast<int64_t>(rawBitrate);
		}

		template<typename T>
		size_t FeedbackRtpTmmbItem<T>::Serialize(uint8_t* buffer)
		{
			MS_TRACE();

			static constexpr uint32_t MaxMantissa{ 0x1ffff }; // 17 bits.

			auto mantissa = static_cast<uint64_t>(std::max<int64_t>(this->bitrate, 0));
			uint32_t exponent{ 0 };

			while (mantissa > MaxMantissa)
			{
				mantissa >>= 1;
				++exponent;
			}

			Utils::Byte::Set4Bytes(buffer, 0, this->ssrc);

			const uint32_t compact = (exponent << 26) | (mantissa << 9) | this->overhead;

			Utils::Byte::Set4Bytes(buffer, 4, compact);

			return HeaderSize;
		}

		template<typename T>
		void FeedbackRtpTmmbItem<T>::Dump(int indentation) const
		{
			MS_TRACE();

			MS_DUMP_CLEAN(indentation, "<FeedbackRtpTmmbItem>");
			MS_DUMP_CLEAN(indentation, "  ssrc: %" PRIu32, this->GetSsrc());
			MS_DUMP_CLEAN(indentation, "  bitrate: %" PRIi64, this->GetBitrate());
			MS_DUMP_CLEAN(indentation, "  overhead: %" PRIu16, this->GetOverhead());
			MS_DUMP_CLEAN(indentation, "</FeedbackRtpTmmbItem>");
		}

		/* Specialization for Tmmbr class. */

		template<>
		const FeedbackRtp::MessageType FeedbackRtpTmmbItem<FeedbackRtpTmmbr>::MessageType =
		  FeedbackRtp::MessageType::TMMBR;

		/* Specialization for Tmmbn class. */

		template<>
		const FeedbackRtp::MessageType FeedbackRtpTmmbItem<FeedbackRtpTmmbn>::MessageType =
		  FeedbackRtp::MessageType::TMMBN;

		// Explicit instantiation to have all FeedbackRtpTmmbItem definitions in this file.
		template class FeedbackRtpTmmbItem<FeedbackRtpTmmbr>;
		template class FeedbackRtpTmmbItem<FeedbackRtpTmmbn>;
	} // namespace RTCP
} // namespace RTC
