#define MS_CLASS "RTC::SCTP::OutOfResourceErrorCause"
// #define MS_LOG_DEV_LEVEL 3

#include "RTC/SCTP/packet/errorCauses/OutOfResourceErrorCause.hpp"
#include "Logger.hpp"
#include "MediaSoupErrors.hpp"

namespace RTC
{
	namespace SCTP
	{
		/* Class methods. */

		OutOfResourceErrorCause* OutOfResourceErrorCause::Parse(const uint8_t* buffer, size_t bufferLength)
		{
			MS_TRACE();

			ErrorCause::ErrorCauseCode causeCode;
			uint16_t causeLength;
			uint8_t padding;

			if (!ErrorCause::IsErrorCause(buffer, bufferLength, causeCode, causeLength, padding))
			{
				return nullptr;
			}

			if (causeCode != ErrorCause::ErrorCauseCode::OUT_OF_RESOURCE)
			{
				MS_WARN_DEV("invalid error cause code");

				return nullptr;
			}

			return OutOfResourceErrorCause::ParseStrict(buffer, bufferLength, causeLength, padding);
		}

		OutOfResourceErrorCause* OutOfResourceErrorCause::Factory(uint8_t* buffer, size_t bufferLength)
		{
			MS_TRACE();

			if (bufferLength < ErrorCause::ErrorCauseHeaderLength)
			{
				MS_THROW_TYPE_ERROR("buffer too small");
			}

			auto* errorCause = new OutOfResourceErrorCause(buffer, bufferLength);

			errorCause->InitializeHeader(
			  ErrorCause::ErrorCauseCode::OUT_OF_RESOURCE, ErrorCause::ErrorCauseHeaderLength);

			// No need to invoke SetLength() since parent constructor invoked it.

			return errorCause;
		}

		OutOfResourceErrorCause* OutOfResourceErrorCause::ParseStrict(
		  const uint8_t* buffer, size_t bufferLength, uint16_t causeLength, uint8_t /*padding*/)
		{
			MS_TRACE();

			if (causeLength != ErrorCause::ErrorCauseHeaderLength)
			{
				MS_WARN_TAG(
				  sctp, "OutOfResourceErrorCause length field must be %zu", ErrorCause::ErrorCauseHeaderLength);

				return nullptr;
			}

			auto* errorCause = new OutOfResourceErrorCause(const_cast<uint8_t*>(buffer), bufferLength);

			return errorCause;
		}

		/* Instance methods. */

		OutOfResourceErrorCause::OutOfResourceErrorCause(uint8_t* buffer, size_t bufferLength)
		  : ErrorCause(buffer, bufferLength)
		{
			MS_TRACE();

			SetLength(ErrorCause::ErrorCauseHeaderLength);
		}

		OutOfResourceErrorCause::~OutOfResourceErrorCause()
		{
			MS_TRACE();
		}

		void OutOfResourceErrorCause::Dump(int indentation) const
		{
			MS_TRACE();

			MS_DUMP_CLEAN(indentation, "<SCTP::OutOfResourceErrorCause>");
			DumpCommon(indentation);
			MS_DUMP_CLEAN(indentation, "</SCTP::OutOfResourceErrorCause>");
		}

		OutOfResourceErrorCause* OutOfResourceErrorCause::Clone(uint8_t* buffer, size_t bufferLength) const
		{
			MS_TRACE();

			auto* clonedErrorCause = new OutOfResourceErrorCause(buffer, bufferLength);

			CloneInto(clonedErrorCause);

			return clonedErrorCause;
		}

		OutOfResourceErrorCause* OutOfResourceErrorCause::SoftClone(const uint8_t* buffer) const
		{
			MS_TRACE();

			auto* softClonedErrorCause =
			  new OutOfResourceErrorCause(const_cast<uint8_t*>(buffer), GetLength());

			SoftCloneInto(softClonedErrorCause);

			return softClonedErrorCause;
		}
	} // namespace SCTP
} // namespace RTC
