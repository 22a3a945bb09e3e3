#ifndef MS_RTC_TRANSPORT_HPP
#define MS_RTC_TRANSPORT_HPP

#include "common.hpp"
#include "Channel/ChannelNotification.hpp"
#include "Channel/ChannelRequest.hpp"
#include "Channel/ChannelSocket.hpp"
#include "FBS/transport.h"
#include "handles/SendCallbacks.hpp"
#include "handles/TimerHandleInterface.hpp"
#include "RTC/BWE/BitrateAllocator.hpp"
#include "RTC/BWE/ReceiverTransportCongestionController.hpp"
#include "RTC/BWE/SenderTransportCongestionController.hpp"
#include "RTC/Consumer.hpp"
#include "RTC/DataConsumer.hpp"
#include "RTC/DataProducer.hpp"
#include "RTC/Producer.hpp"
#include "RTC/RTCP/CompoundPacket.hpp"
#include "RTC/RTCP/Packet.hpp"
#include "RTC/RTP/HeaderExtensionIds.hpp"
#include "RTC/RTP/Packet.hpp"
#include "RTC/RateCalculator.hpp"
#include "RTC/RemoteCaptureTimeEstimator.hpp"
#include "RTC/RtpListener.hpp"
#include "RTC/RttCalculator.hpp"
#include "RTC/SCTP/public/AssociationInterface.hpp"
#include "RTC/SCTP/public/AssociationListenerInterface.hpp"
#include "RTC/SCTP/public/Message.hpp"
#include "RTC/SCTP/public/SctpTypes.hpp"
#include "RTC/SctpListener.hpp"
#include "SharedInterface.hpp"
#ifdef MS_RTC_LOGGER_SEND_BURST
#include "RTC/RtcLogger/SendBurst.hpp"
#endif
#include <ankerl/unordered_dense.h>
#include <string>
#include <vector>

namespace RTC
{
	class Transport : public RTC::Producer::Listener,
	                  public RTC::Consumer::Listener,
	                  public RTC::DataProducer::Listener,
	                  public RTC::DataConsumer::Listener,
	                  public RTC::SCTP::AssociationListenerInterface,
	                  public RTC::RttCalculator::Listener,
	                  public RTC::BWE::SenderTransportCongestionController::Listener,
	                  public RTC::BWE::ReceiverTransportCongestionController::Listener,
	                  public Channel::ChannelSocket::RequestHandler,
	                  public Channel::ChannelSocket::NotificationHandler,
	                  public TimerHandleInterface::Listener
	{
	public:
		class Listener
		{
		public:
			virtual ~Listener() = default;

		public:
			virtual void OnTransportNewProducer(RTC::Transport* transport, RTC::Producer* producer) = 0;
			virtual void OnTransportProducerClosed(RTC::Transport* transport, RTC::Producer* producer) = 0;
			virtual void OnTransportProducerPaused(RTC::Transport* transport, RTC::Producer* producer) = 0;
			virtual void OnTransportProducerResumed(RTC::Transport* transport, RTC::Producer* producer) = 0;
			virtual void OnTransportProducerNewRtpStream(
			  RTC::Transport* transport,
			  RTC::Producer* producer,
			  RTC::RTP::RtpStreamRecv* rtpStream,
			  uint32_t mappedSsrc) = 0;
			virtual void OnTransportProducerRtpStreamScore(
			  RTC::Transport* transport,
			  RTC::Producer* producer,
			  RTC::RTP::RtpStreamRecv* rtpStream,
			  uint8_t score,
			  uint8_t previousScore) = 0;
			virtual void OnTransportProducerRtcpSenderReport(
			  RTC::Transport* transport,
			  RTC::Producer* producer,
			  RTC::RTP::RtpStreamRecv* rtpStream,
			  bool first) = 0;
			virtual void OnTransportProducerSpatialLayerActivityChanged(
			  RTC::Transport* transport,
			  RTC::Producer* producer,
			  RTC::RTP::RtpStreamRecv* rtpStream,
			  uint8_t spatialLayer,
			  bool isActive) = 0;
			virtual void OnTransportProducerRtpPacketReceived(
			  RTC::Transport* transport, RTC::Producer* producer, RTC::RTP::Packet* packet) = 0;
			/**
			 * Obtains the worst remote fraction lost of all the Consumers consuming the
			 * given mapped SSRC of the given Producer.
			 */
			virtual uint8_t OnTransportNeedWorstRemoteFractionLost(
			  RTC::Transport* transport, RTC::Producer* producer, uint32_t mappedSsrc) = 0;
			virtual void OnTransportNewConsumer(
			  RTC::Transport* transport, RTC::Consumer* consumer, const std::string& producerId) = 0;
			virtual void OnTransportConsumerClosed(RTC::Transport* transport, RTC::Consumer* consumer) = 0;
			// sfu patch (issue #16): the Consumer `consumerId` of this Router (on any of
			// its Transports), or null.
			virtual RTC::Consumer* OnTransportGetConsumer(
			  RTC::Transport* transport, const std::string& consumerId) = 0;
			// sfu patch (issue #16): see Consumer::Listener::OnConsumerChangeProducer.
			virtual void OnTransportConsumerChangeProducer(
			  RTC::Transport* transport,
			  RTC::Consumer* consumer,
			  const std::string& producerId,
			  uint32_t mappedSsrc) = 0;
			virtual void OnTransportConsumerProducerClosed(
			  RTC::Transport* transport, RTC::Consumer* consumer) = 0;
			virtual void OnTransportDataProducerPaused(
			  RTC::Transport* transport, RTC::DataProducer* dataProducer) = 0;
			virtual void OnTransportDataProducerResumed(
			  RTC::Transport* transport, RTC::DataProducer* dataProducer) = 0;
			virtual void OnTransportConsumerKeyFrameRequested(
			  RTC::Transport* transport, RTC::Consumer* consumer, uint32_t mappedSsrc) = 0;
			virtual void OnTransportNewDataProducer(
			  RTC::Transport* transport, RTC::DataProducer* dataProducer) = 0;
			virtual void OnTransportDataProducerClosed(
			  RTC::Transport* transport, RTC::DataProducer* dataProducer) = 0;
			virtual void OnTransportDataProducerMessageReceived(
			  RTC::Transport* transport,
			  RTC::DataProducer* dataProducer,
			  RTC::SCTP::Message message,
			  std::vector<uint16_t>& subchannels,
			  std::optional<uint16_t> requiredSubchannel,
			  std::optional<uint16_t> ignoredSubchannel) = 0;
			virtual void OnTransportNewDataConsumer(
			  RTC::Transport* transport,
			  RTC::DataConsumer* dataConsumer,
			  const std::string& dataProducerId) = 0;
			virtual void OnTransportDataConsumerClosed(
			  RTC::Transport* transport, RTC::DataConsumer* dataConsumer) = 0;
			virtual void OnTransportDataConsumerDataProducerClosed(
			  RTC::Transport* transport, RTC::DataConsumer* dataConsumer)         = 0;
			virtual void OnTransportListenServerClosed(RTC::Transport* transport) = 0;
		};

	public:
		struct SocketFlags
		{
			bool ipv6Only{ false };
			bool udpReusePort{ false };
		};

		struct PortRange
		{
			uint16_t min{ 0 };
			uint16_t max{ 0 };
		};

		struct ListenInfo
		{
			std::string ip;
			std::string announcedAddress;
			uint16_t port{ 0 };
			PortRange portRange;
			SocketFlags flags;
			uint32_t sendBufferSize{ 0 };
			uint32_t recvBufferSize{ 0 };
		};

	private:
		struct TraceEventTypes
		{
			bool probation{ false };
			bool bwe{ false };
		};

	public:
		Transport(
		  SharedInterface* shared,
		  const std::string& id,
		  RTC::Transport::Listener* listener,
		  const FBS::Transport::Options* options,
		  /**
			 * Whether the SCTP association (if enabled) must authenticate received
			 * State Cookies. This must be `true` for transports whose SCTP traffic
			 * is not protected by DTLS (PlainTransport and PipeTransport).
			 */
		  bool requireSctpStateCookieAuthentication);
		~Transport() override;

	public:
		void CloseProducersAndConsumers();
		void ListenServerClosed();
		// Subclasses must also invoke the parent Close().
		flatbuffers::Offset<FBS::Transport::Stats> FillBufferStats(flatbuffers::FlatBufferBuilder& builder);
		flatbuffers::Offset<FBS::Transport::Dump> FillBuffer(flatbuffers::FlatBufferBuilder& builder) const;

		/* Methods inherited from Channel::ChannelSocket::RequestHandler. */
	public:
		void HandleRequest(Channel::ChannelRequest* request) override;

		/* Methods inherited from Channel::ChannelSocket::NotificationHandler. */
	public:
		void HandleNotification(Channel::ChannelNotification* notification) override;

	protected:
		// Must be called from the subclass.
		virtual void SetDestroying() final;
		virtual void Connected() final;
		virtual void Disconnected() final;
		virtual void RouteChanged() final;
		virtual void DataReceived(size_t len) final
		{
			this->recvTransmission.Update(len, this->shared->GetTimeMs());
		}
		virtual void DataSent(size_t len) final
		{
			this->sendTransmission.Update(len, this->shared->GetTimeMs());
		}
		virtual void ReceiveRtpPacket(RTC::RTP::Packet* packet, int64_t receivedAtUs) final;
		/**
		 * sfu patch: an RTP packet the application made on this host (a
		 * `DirectTransport` batch). Goes to its Producer as `ReceiveRtpPacket()` sends
		 * a packet, with `local` set, counted without a bitrate and without the
		 * transport-cc feedback a network sender needs. The caller counts the bytes
		 * (`DataReceived()`) and deletes the packet.
		 */
		void ReceiveLocalRtpPacket(RTC::RTP::Packet* packet, int64_t receivedAtUs);
		/**
		 * sfu patch (issue #16): an RTP packet the application made on this host for
		 * `consumer`, a Consumer of this Transport's Router that CanBeAddressed() (a
		 * `DirectTransport` batch). Handed to the Consumer as the Router hands it a
		 * packet of its Producer, without the Producer and the Router: the packet's
		 * payload type must already be the Router's; its header extensions are laid
		 * out as the Producer lays out those of an audio packet (MID, transport-wide
		 * sequence number, audio level by the Router's ids). Counted as received
		 * like a local packet. The caller counts the bytes (`DataReceived()`) and
		 * deletes the packet.
		 */
		void ReceiveAddressedRtpPacket(RTC::Consumer* consumer, RTC::RTP::Packet* packet);
		virtual void ReceiveRtcpPacket(RTC::RTCP::Packet* packet, int64_t receivedAtUs) final;
		virtual void ReceiveSctpData(const uint8_t* data, size_t len, int64_t receivedAtUs) final;
		virtual void SendSctpMessage(
		  RTC::DataConsumer* dataConsumer,
		  RTC::SCTP::Message message,
		  onMessageQueuedCallback cb = {}) final;

	private:
		virtual bool IsCongestionControlSupported() const = 0;
		virtual bool IsPipe() const                       = 0;
		virtual RTC::Producer* AssertAndGetProducerById(
		  const std::string& producerId, const std::string& method) const final;
		virtual RTC::Consumer* AssertAndGetConsumerById(
		  const std::string& consumerId, const std::string& method) const final;
		virtual RTC::Consumer* GetConsumerByMediaSsrc(uint32_t ssrc) const final;
		virtual RTC::Consumer* GetConsumerByRtxSsrc(uint32_t ssrc) const final;
		virtual RTC::DataProducer* AssertAndGetDataProducerById(
		  const std::string& dataProducerId, const std::string& method) const final;
		virtual RTC::DataConsumer* AssertAndGetDataConsumerById(
		  const std::string& dataConsumerId, const std::string& method) const final;
		virtual RTC::DataConsumer* GetSctpDataConsumerByStreamId(uint16_t streamId) const final;
		virtual void CheckNoProducer(const std::string& producerId, const std::string& method) const final;
		virtual void CheckNoConsumer(const std::string& consumerId, const std::string& method) const final;
		virtual void CheckNoDataProducer(
		  const std::string& dataProducerId, const std::string& method) const final;
		virtual void CheckNoDataConsumer(
		  const std::string& dataConsumerId, const std::string& method) const final;
		virtual void CheckNoSctpDataConsumer(uint16_t streamId, const std::string& method) const final;
		virtual bool IsConnected() const = 0;
		/**
		 * Bytes that every packet sent through this transport carries on top of its
		 * own length once it's on the network, or zero while no path has been
		 * chosen yet.
		 */
		virtual size_t GetPacketOverhead() const = 0;
		virtual void SendRtpPacket(
		  RTC::Consumer* consumer, RTC::RTP::Packet* packet, onSendCallback cb = {}) = 0;
		virtual void HandleRtcpPacket(RTC::RTCP::Packet* packet, int64_t receivedAtUs) final;
		virtual void SendRtcp(int64_t nowUs) final;
		virtual void SendRtcpPacket(RTC::RTCP::Packet* packet)                 = 0;
		virtual void SendRtcpCompoundPacket(RTC::RTCP::CompoundPacket* packet) = 0;
		virtual void SendMessage(
		  RTC::DataConsumer* dataConsumer, RTC::SCTP::Message message, onMessageQueuedCallback cb = {}) = 0;
		virtual bool SendData(const uint8_t* data, size_t len) = 0;
		virtual void RecvStreamClosed(uint32_t ssrc)           = 0;
		virtual void SendStreamClosed(uint32_t ssrc)           = 0;
		/**
		 * Build the sender congestion controller if this Transport may run one, is
		 * connected and has something to send, and tell it what depends on the
		 * Consumers and on the path, which both change over time.
		 *
		 * @remarks
		 * - A Transport with no Consumer must not run it, since telling it that the
		 *   network is available is what starts the RTP probing.
		 * - It is called again whenever a Consumer is added and whenever the
		 *   Transport connects, so it must be safe to call with it already built.
		 * - It must also be called whenever the path to the remote endpoint
		 *   changes, since the overhead of every packet is read again here and a
		 *   path of another kind carries a different one, which moves what the rate
		 *   control believes it sent.
		 *
		 * @returns Whether this call is the one that built it, which is what tells
		 *   the caller that whatever only applies once has to be done now.
		 */
		virtual bool MayCreateOrUpdateSenderTransportCongestionController() final;
		/**
		 * Build the receiver congestion controller if this Transport may run one, is
		 * connected and receives a stream whose sender can be told about the link.
		 *
		 * @remarks
		 * - A peer that negotiated neither transport-cc nor REMB cannot be told
		 *   anything, so there is nothing to run.
		 *
		 * @returns Whether this call is the one that built it, which is what tells
		 *   the caller that whatever only applies once has to be done now.
		 */
		virtual bool MayCreateReceiverTransportCongestionController() final;
		/**
		 * Bring the bitrate bounds and the initial available outgoing bitrate into
		 * a set of values that make sense together.
		 *
		 * @remarks
		 * - Called after every change of any of them, so that whoever reads them
		 *   never has to wonder.
		 */
		virtual void MayFixBweBitrateLimits() final;
		virtual void DistributeAvailableOutgoingBitrate() final;
		virtual void ComputeOutgoingDesiredBitrate() final;
		virtual void EmitTraceEventProbationType(RTC::RTP::Packet* packet) const final;
		virtual void EmitTraceEventBweType() const final;

		/* Pure virtual methods inherited from RTC::Producer::Listener. */
	public:
		void OnProducerReceiveData(RTC::Producer* /*producer*/, size_t len) override
		{
			this->DataReceived(len);
		}
		void OnProducerReceiveRtpPacket(
		  RTC::Producer* /*producer*/, RTC::RTP::Packet* packet, int64_t receivedAtUs) override
		{
			this->ReceiveRtpPacket(packet, receivedAtUs);
		}
		void OnProducerPaused(RTC::Producer* producer) override;
		void OnProducerResumed(RTC::Producer* producer) override;
		void OnProducerNewRtpStream(
		  RTC::Producer* producer, RTC::RTP::RtpStreamRecv* rtpStream, uint32_t mappedSsrc) override;
		void OnProducerRtpStreamScore(
		  RTC::Producer* producer,
		  RTC::RTP::RtpStreamRecv* rtpStream,
		  uint8_t score,
		  uint8_t previousScore) override;
		void OnProducerRtcpSenderReport(
		  RTC::Producer* producer, RTC::RTP::RtpStreamRecv* rtpStream, bool first) override;
		void OnProducerSpatialLayerActivityChanged(
		  RTC::Producer* producer,
		  RTC::RTP::RtpStreamRecv* rtpStream,
		  uint8_t spatialLayer,
		  bool isActive) override;
		void OnProducerRtpPacketReceived(RTC::Producer* producer, RTC::RTP::Packet* packet) override;
		void OnProducerSendRtcpPacket(RTC::Producer* producer, RTC::RTCP::Packet* packet) override;
		uint8_t OnProducerNeedWorstRemoteFractionLost(RTC::Producer* producer, uint32_t mappedSsrc) override;
		std::optional<int64_t> OnProducerNeedLocalCaptureAtUs(
		  RTC::Producer* producer, const RTC::RTP::RtpStreamRecv* rtpStream, uint32_t ts) override;
		std::optional<int64_t> OnProducerNeedRemoteClockOffsetUs(const RTC::Producer* producer) override;

		/* Pure virtual methods inherited from RTC::Consumer::Listener. */
	public:
		void OnConsumerSendRtpPacket(RTC::Consumer* consumer, RTC::RTP::Packet* packet) override;
		void OnConsumerRetransmitRtpPacket(RTC::Consumer* consumer, RTC::RTP::Packet* packet) override;
		void OnConsumerKeyFrameRequested(RTC::Consumer* consumer, uint32_t mappedSsrc) override;
		void OnConsumerNeedBitrateChange(RTC::Consumer* consumer) override;
		void OnConsumerProducerClosed(RTC::Consumer* consumer) override;
		void OnConsumerChangeProducer(
		  RTC::Consumer* consumer, const std::string& producerId, uint32_t mappedSsrc) override;

		/* Pure virtual methods inherited from RTC::DataProducer::Listener. */
	public:
		void OnDataProducerReceiveData(RTC::DataProducer* /*dataProducer*/, size_t len) override
		{
			this->DataReceived(len);
		}
		void OnDataProducerMessageReceived(
		  RTC::DataProducer* dataProducer,
		  RTC::SCTP::Message message,
		  std::vector<uint16_t>& subchannels,
		  std::optional<uint16_t> requiredSubchannel,
		  std::optional<uint16_t> ignoredSubchannel) override;
		void OnDataProducerPaused(RTC::DataProducer* dataProducer) override;
		void OnDataProducerResumed(RTC::DataProducer* dataProducer) override;

		/* Pure virtual methods inherited from RTC::DataConsumer::Listener. */
	public:
		void OnDataConsumerSendMessage(
		  RTC::DataConsumer* dataConsumer, RTC::SCTP::Message message, onMessageQueuedCallback cb) override;
		void OnDataConsumerNeedBufferedAmount(
		  const RTC::DataConsumer* dataConsumer, uint32_t& bufferedAmount) const override;
		void OnDataConsumerNeedBufferedAmountLowThreshold(
		  const RTC::DataConsumer* dataConsumer, uint32_t& bufferedAmountLowThreshold) const override;
		void OnDataConsumerSetBufferedAmountLowThreshold(
		  const RTC::DataConsumer* dataConsumer, uint32_t bytes) const override;
		void OnDataConsumerDataProducerClosed(RTC::DataConsumer* dataConsumer) override;

		/* Pure virtual methods inherited from RTC::SCTP::AssociationListenerInterface. */
	public:
		bool OnAssociationSendData(const uint8_t* data, size_t len) override;
		void OnAssociationConnecting() override;
		void OnAssociationConnected() override;
		void OnAssociationFailed(RTC::SCTP::Types::ErrorKind errorKind, std::string_view errorMessage) override;
		void OnAssociationClosed(RTC::SCTP::Types::ErrorKind errorKind, std::string_view errorMessage) override;
		void OnAssociationRestarted() override;
		void OnAssociationError(RTC::SCTP::Types::ErrorKind errorKind, std::string_view errorMessage) override;
		void OnAssociationMessageReceived(RTC::SCTP::Message message) override;
		void OnAssociationStreamsResetPerformed(std::span<const uint16_t> outboundStreamIds) override;
		void OnAssociationStreamsResetFailed(
		  std::span<const uint16_t> outboundStreamIds, std::string_view errorMessage) override;
		void OnAssociationInboundStreamsReset(std::span<const uint16_t> inboundStreamIds) override;
		void OnAssociationStreamBufferedAmountLow(uint16_t streamId) override;
		void OnAssociationTotalBufferedAmountLow() override;
		bool OnAssociationIsTransportReadyForSctp() override;

		/* Pure virtual methods inherited from RTC::RttCalculator::Listener. */
	public:
		void OnRttCalculatorRttUpdated(RTC::RttCalculator* rttCalculator, int64_t avgRttMs) override;

		/* Pure virtual methods inherited from RTC::BWE::SenderTransportCongestionController::Listener. */
	public:
		void OnSenderTransportCongestionControllerTargetBitrate(
		  RTC::BWE::SenderTransportCongestionController* senderTransportCongestionController,
		  int64_t targetBitrate) override;
		void OnSenderTransportCongestionControllerSendRtpProbePacket(
		  RTC::BWE::SenderTransportCongestionController* senderTransportCongestionController,
		  RTC::RTP::Packet* packet,
		  std::optional<int64_t> sequenceNumber) override;

		/* Pure virtual methods inherited from RTC::BWE::ReceiverTransportCongestionController::Listener. */
	public:
		void OnReceiverTransportCongestionControllerSendRtcpPacket(
		  RTC::BWE::ReceiverTransportCongestionController* receiverTransportCongestionController,
		  RTC::RTCP::Packet* packet) override;

		/* Pure virtual methods inherited from TimerHandleInterface::Listener. */
	public:
		void OnTimer(TimerHandleInterface* timer) override;

	public:
		// Passed by argument.
		const std::string id;

	protected:
		SharedInterface* shared;

	protected:
		// sfu patch (issue #16): the Consumer `consumerId` of this Transport's Router,
		// or null.
		RTC::Consumer* GetRouterConsumer(const std::string& consumerId)
		{
			return this->listener->OnTransportGetConsumer(this, consumerId);
		}

	private:
		// Passed by argument.
		Listener* const listener;
		// Allocated by this.
		ankerl::unordered_dense::map<std::string, RTC::Producer*> mapProducers;
		ankerl::unordered_dense::map<std::string, RTC::Consumer*> mapConsumers;
		ankerl::unordered_dense::map<std::string, RTC::DataProducer*> mapDataProducers;
		ankerl::unordered_dense::map<std::string, RTC::DataConsumer*> mapDataConsumers;
		ankerl::unordered_dense::map<uint16_t, RTC::DataConsumer*> mapSctpStreamIdDataConsumers;
		ankerl::unordered_dense::map<uint32_t, RTC::Consumer*> mapSsrcConsumer;
		ankerl::unordered_dense::map<uint32_t, RTC::Consumer*> mapRtxSsrcConsumer;
		// Capture time estimator of each sender publishing to this Transport, keyed by
		// its CNAME.
		ankerl::unordered_dense::map<std::string, RTC::RemoteCaptureTimeEstimator>
		  mapCnameRemoteCaptureTimeEstimator;
		const std::unique_ptr<TimerHandleInterface> rtcpTimer;
		// Allocated by this.
		std::unique_ptr<RTC::SCTP::AssociationInterface> sctpAssociation{ nullptr };
		const bool enableBwe;
		// NOTE: Shared pointer rather than unique because the send callbacks hold a
		// weak reference to it, since they may be invoked after this Transport is
		// gone.
		std::shared_ptr<RTC::BWE::SenderTransportCongestionController> senderTransportCongestionController{
			nullptr
		};
		std::unique_ptr<RTC::BWE::ReceiverTransportCongestionController>
		  receiverTransportCongestionController{ nullptr };
		// Others.
		const bool direct; // Whether this Transport allows direct communication.
		bool isDestroying{ false };
		RTC::RTP::HeaderExtensionIds recvRtpHeaderExtensionIds;
		RTC::RtpListener rtpListener;
		RTC::SctpListener sctpListener;
		RTC::RateCalculator recvTransmission;
		RTC::RateCalculator sendTransmission;
		RTC::RtpDataCounter recvRtpTransmission;
		RTC::RtpDataCounter sendRtpTransmission;
		RTC::RtpDataCounter recvRtxTransmission;
		RTC::RtpDataCounter sendRtxTransmission;
		RTC::RtpDataCounter sendProbationTransmission;
		// Shares the available outgoing bitrate out among the Consumers.
		RTC::BWE::BitrateAllocator bitrateAllocator;
		// Round trip time of this Transport, out of what its RTP streams measure.
		RTC::RttCalculator rttCalculator;
		bool sendSupportsTransportCc{ false };
		bool sendSupportsRemb{ false };
		bool recvSupportsTransportCc{ false };
		bool recvSupportsRemb{ false };
		int64_t initialAvailableOutgoingBitrate{ 0 };
		int64_t maxIncomingBitrate{ 0 };
		int64_t maxOutgoingBitrate{ 0 };
		int64_t minOutgoingBitrate{ 0 };
		int64_t outgoingDesiredBitrate{ 0 };
		// For SCTP capable transports and for direct transport.
		size_t maxSendMessageSize;
		size_t maxReceiveMessageSize;
		TraceEventTypes traceEventTypes;
#ifdef MS_RTC_LOGGER_SEND_BURST
		RTC::RtcLogger::SendBurst sendBurstLogger;
		// Allocated by this.
		const std::unique_ptr<TimerHandleInterface> sendBurstLoggerTimer;
#endif
	};
} // namespace RTC

#endif
