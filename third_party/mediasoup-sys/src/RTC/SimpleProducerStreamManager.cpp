#define MS_CLASS "RTC::SimpleProducerStreamManager"
// #define MS_LOG_DEV_LEVEL 3

#include "RTC/SimpleProducerStreamManager.hpp"
#include "Logger.hpp"

namespace RTC
{
	/* Instance methods. */

	SimpleProducerStreamManager::SimpleProducerStreamManager(
	  const std::vector<RTC::RtpEncodingParameters>& consumableRtpEncodings,
	  const RTC::ConsumerTypes::VideoLayers& preferredLayers,
	  std::unique_ptr<RTC::RTP::Codecs::EncodingContext> encodingContext,
	  RTC::Media::Kind kind,
	  bool keyFrameSupported,
	  Listener* listener,
	  SharedInterface* shared)
	  : ProducerStreamManager(
	      consumableRtpEncodings,
	      preferredLayers,
	      std::move(encodingContext),
	      kind,
	      keyFrameSupported,
	      listener,
	      shared)
	{
		MS_TRACE();
	}

	std::vector<RTC::RTP::RtpStreamRecv*> SimpleProducerStreamManager::GetProducerRtpStreams() const
	{
		MS_TRACE();

		auto* const producerCurrentRtpStream = GetProducerCurrentRtpStream();

		if (!producerCurrentRtpStream)
		{
			return {};
		}

		return { producerCurrentRtpStream };
	}

	RTC::RTP::RtpStreamRecv* SimpleProducerStreamManager::GetProducerCurrentRtpStream() const
	{
		MS_TRACE();

		return this->producerRtpStream;
	}

	RTC::RTP::RtpStreamRecv* SimpleProducerStreamManager::GetProducerTargetRtpStream() const
	{
		MS_TRACE();

		return this->producerRtpStream;
	}

	bool SimpleProducerStreamManager::IsActive() const
	{
		MS_TRACE();

		// clang-format off
		return (
		  this->listener->IsActive() &&
		  this->producerRtpStream &&
		  // If there is no RTP inactivity check do not consider the stream
		  // inactive despite it has score 0.
		  (this->producerRtpStream->GetScore() > 0 || !this->producerRtpStream->HasRtpInactivityCheckEnabled())
		);
		// clang-format on
	}

	void SimpleProducerStreamManager::ProducerRtpStream(
	  RTC::RTP::RtpStreamRecv* rtpStream, uint32_t /*mappedSsrc*/)
	{
		MS_TRACE();

		this->producerRtpStream = rtpStream;
	}

	void SimpleProducerStreamManager::ProducerNewRtpStream(
	  RTC::RTP::RtpStreamRecv* rtpStream, uint32_t /*mappedSsrc*/)
	{
		MS_TRACE();

		this->producerRtpStream = rtpStream;

		// Emit the score event.
		this->listener->OnProducerStreamManagerScore();
	}

	void SimpleProducerStreamManager::ProducerRtpStreamScore(
	  RTC::RTP::RtpStreamRecv* /*rtpStream*/, uint8_t /*score*/, uint8_t /*previousScore*/)
	{
		MS_TRACE();
	}

	void SimpleProducerStreamManager::ProducerRtcpSenderReport(
	  RTC::RTP::RtpStreamRecv* /*rtpStream*/, bool /*first*/)
	{
		MS_TRACE();

		// Do nothing.
	}

	RTC::BWE::BitrateAllocator::Candidate::BitrateOptions SimpleProducerStreamManager::GetBitrateOptions(
	  int64_t nowMs) const
	{
		MS_TRACE();

		// A single stream with no layers has nowhere to go, so it offers the single
		// point it is putting out.
		const int64_t outputBitrate =
		  this->producerRtpStream ? this->producerRtpStream->GetBitrate(nowMs) : 0;

		return { .options = { { .bitrate = outputBitrate, .layers = {} } }, .currentOption = 0 };
	}

	void SimpleProducerStreamManager::SetBitrateOption(
	  const RTC::BWE::BitrateAllocator::Candidate::BitrateOption& /*option*/)
	{
		MS_TRACE();

		MS_ABORT("a single point to run at, so it is never given any");
	}

	int64_t SimpleProducerStreamManager::GetDesiredBitrate(int64_t nowMs) const
	{
		MS_TRACE();

		// What it is putting out is what it wants, since it has no way of wanting
		// anything else. Leaving it out would ask the estimator for less than what
		// is going to be sent, while the allocation takes its bitrate off the top
		// all the same.
		if (!this->producerRtpStream)
		{
			return 0;
		}

		return this->producerRtpStream->GetBitrate(nowMs);
	}

	ProducerStreamManager::RtpPacketProcessResult SimpleProducerStreamManager::ProcessRtpPacket(
	  RTC::RTP::Packet* packet,
	  bool /*lastSentPacketHasMarker*/,
	  uint32_t /*clockRate*/,
	  uint32_t /*maxPacketTs*/)
	{
		MS_TRACE();

		RtpPacketProcessResult result;

		// If we need to sync, support key frames and this is not a key frame,
		// ignore the packet.
		if (this->syncRequired && this->keyFrameSupported && !packet->IsKeyFrame())
		{
			// NOTE: No need to drop the packet in the RTP sequence manager since here
			// we are blocking all packets but the key frame that would trigger sync
			// below.

			// Store the packet for the scenario in which this packet is part of the
			// key frame and it arrived before the first packet of the key frame.
			result.type = RtpPacketProcessResult::Type::BUFFER;

#ifdef MS_RTC_LOGGER_RTP
			packet->logger.Discarded(RTC::RtcLogger::RtpPacket::DiscardReason::NOT_A_KEYFRAME);
#endif

			return result;
		}

		// Packets with only padding are not forwarded.
		if (packet->GetPayloadLength() == 0)
		{
			result.type = RtpPacketProcessResult::Type::DROP;

#ifdef MS_RTC_LOGGER_RTP
			packet->logger.Discarded(RTC::RtcLogger::RtpPacket::DiscardReason::EMPTY_PAYLOAD);
#endif

			return result;
		}

		// Preserve the original marker bit. ProcessPayload may update it.
		bool marker{ packet->HasMarker() };

		// Process the payload if needed. Drop packet if necessary.
		if (this->encodingContext && !packet->ProcessPayload(this->encodingContext.get(), marker))
		{
			MS_DEBUG_DEV(
			  "discarding packet [ssrc:%" PRIu32 ", seq:%" PRIu16 ", ts:%" PRIu32 "]",
			  packet->GetSsrc(),
			  packet->GetSequenceNumber(),
			  packet->GetTimestamp());

			result.type = RtpPacketProcessResult::Type::DROP;

#ifdef MS_RTC_LOGGER_RTP
			packet->logger.Discarded(RTC::RtcLogger::RtpPacket::DiscardReason::DROPPED_BY_CODEC);
#endif

			return result;
		}

		// Whether this is the first packet after re-sync.
		const bool isSyncPacket = this->syncRequired;

		// Whether packets stored in the target layer retransmission buffer must be
		// sent once this packet is sent.
		bool sendBufferedPackets{ false };

		// Sync sequence number and timestamp if required.
		if (isSyncPacket)
		{
			if (packet->IsKeyFrame())
			{
				MS_DEBUG_TAG(
				  rtp,
				  "sync key frame received [ssrc:%" PRIu32 ", seq:%" PRIu16 ", ts:%" PRIu32 "]",
				  packet->GetSsrc(),
				  packet->GetSequenceNumber(),
				  packet->GetTimestamp());

				sendBufferedPackets = true;
			}

			result.isSyncPacket = true;
			result.syncSeqValue = packet->GetSequenceNumber() - 1;

			this->syncRequired = false;
		}

		// Set forward action.
		result.type                = RtpPacketProcessResult::Type::FORWARD;
		result.tsOffset            = 0;
		result.marker              = marker;
		result.sendBufferedPackets = sendBufferedPackets;

		return result;
	}

	void SimpleProducerStreamManager::RequestKeyFrame()
	{
		MS_TRACE();

		if (this->kind != RTC::Media::Kind::VIDEO)
		{
			return;
		}

		auto mappedSsrc = this->consumableRtpEncodings[0].ssrc;

		this->listener->OnProducerStreamManagerKeyFrameRequested(mappedSsrc);
	}

	void SimpleProducerStreamManager::RequestKeyFrameForTargetSpatialLayer()
	{
		MS_TRACE();

		RequestKeyFrame();
	}

	void SimpleProducerStreamManager::RequestKeyFrameForCurrentSpatialLayer()
	{
		MS_TRACE();

		RequestKeyFrame();
	}

	void SimpleProducerStreamManager::UpdateTargetLayers(int16_t /*spatial*/, int16_t /*temporal*/)
	{
		MS_TRACE();
	}

	bool SimpleProducerStreamManager::RecalculateTargetLayers(
	  RTC::ConsumerTypes::VideoLayers& /*newTargetLayers*/) const
	{
		MS_TRACE();

		// No layer changes possible for Simple.
		return false;
	}

	void SimpleProducerStreamManager::OnTransportConnected()
	{
		MS_TRACE();

		this->syncRequired = true;

		if (IsActive())
		{
			RequestKeyFrame();
		}
	}

	void SimpleProducerStreamManager::OnTransportDisconnected()
	{
		MS_TRACE();

		// Nothing specific for Simple.
	}

	void SimpleProducerStreamManager::OnPaused()
	{
		MS_TRACE();

		// There are no layers to drop here, but what this one was putting in the link
		// it is not putting any more, and that goes to whoever can use it.
		if (this->bweManaged)
		{
			this->listener->OnProducerStreamManagerNeedBitrateChange();
		}
	}

	void SimpleProducerStreamManager::OnResumed()
	{
		MS_TRACE();

		this->syncRequired = true;

		if (IsActive())
		{
			RequestKeyFrame();

			// It is putting something in the link again, so what the others were given
			// while it was quiet has to be worked out afresh.
			if (this->bweManaged)
			{
				this->listener->OnProducerStreamManagerNeedBitrateChange();
			}
		}
	}

	void SimpleProducerStreamManager::ProducerChanged(uint32_t mappedSsrc)
	{
		MS_TRACE();

		// sfu patch (issue #16): key frame requests go to the new Producer's stream,
		// whose RtpStreamRecv the Router hands over next (none until its first
		// packet), and the next packet re-syncs sequence numbers (for video, the
		// next key frame).
		this->consumableRtpEncodings[0].ssrc = mappedSsrc;
		this->producerRtpStream              = nullptr;
		this->syncRequired                   = true;

		if (this->encodingContext)
		{
			this->encodingContext->SyncRequired();
		}
	}
} // namespace RTC
