#ifndef MS_RTC_DIRECT_TRANSPORT_HPP
#define MS_RTC_DIRECT_TRANSPORT_HPP

#include "common.hpp"
#include "handles/SendCallbacks.hpp"
#include "RTC/Consumer.hpp"
#include "RTC/Transport.hpp"
#include "SharedInterface.hpp"
#include <ankerl/unordered_dense.h>

namespace RTC
{
	class DirectTransport : public RTC::Transport, public RTC::Consumer::Addresser
	{
	public:
		DirectTransport(
		  SharedInterface* shared,
		  const std::string& id,
		  RTC::Transport::Listener* listener,
		  const FBS::DirectTransport::DirectTransportOptions* options);
		~DirectTransport() override;

	public:
		flatbuffers::Offset<FBS::DirectTransport::GetStatsResponse> FillBufferStats(
		  flatbuffers::FlatBufferBuilder& builder);
		flatbuffers::Offset<FBS::DirectTransport::DumpResponse> FillBuffer(
		  flatbuffers::FlatBufferBuilder& builder) const;

	private:
		bool IsCongestionControlSupported() const override
		{
			return false;
		}
		bool IsPipe() const override
		{
			return false;
		}
		bool IsConnected() const override;
		size_t GetPacketOverhead() const override;
		void SendRtpPacket(RTC::Consumer* consumer, RTC::RTP::Packet* packet, onSendCallback cb = {}) override;
		void SendRtcpPacket(RTC::RTCP::Packet* packet) override;
		void SendRtcpCompoundPacket(RTC::RTCP::CompoundPacket* packet) override;
		void SendMessage(
		  RTC::DataConsumer* dataConsumer,
		  RTC::SCTP::Message message,
		  onMessageQueuedCallback cb = {}) override;
		bool SendData(const uint8_t* data, size_t len) override;
		void RecvStreamClosed(uint32_t ssrc) override;
		void SendStreamClosed(uint32_t ssrc) override;

		/* sfu patch (issue #16): packets addressed to Consumers. */
	private:
		void AddressConsumer(const std::string& consumerId, uint32_t address);
		void SendRtpBatch(const uint8_t* data, size_t left, int64_t receivedAtUs);

		/* Pure virtual methods inherited from RTC::Consumer::Addresser. */
	public:
		void OnAddressedConsumerClosed(RTC::Consumer* consumer) override;

		/* Methods inherited from Channel::ChannelSocket::RequestHandler. */
	public:
		void HandleRequest(Channel::ChannelRequest* request) override;

		/* Methods inherited from Channel::ChannelSocket::NotificationHandler. */
	public:
		void HandleNotification(Channel::ChannelNotification* notification) override;

	private:
		// sfu patch (issue #16): a Consumer that batches address, with the Producer it
		// consumed when it was addressed. A Consumer moved to another Producer since
		// (consumer.changeProducer) takes no addressed packets until it is back.
		struct AddressedConsumer
		{
			RTC::Consumer* consumer;
			std::string producerId;
		};
		ankerl::unordered_dense::map<uint32_t, AddressedConsumer> mapAddressConsumer;
	};
} // namespace RTC

#endif
