#define MS_CLASS "RTC::DirectTransport"
// #define MS_LOG_DEV_LEVEL 3

#include "RTC/DirectTransport.hpp"
#include "Logger.hpp"
#include "MediaSoupErrors.hpp"
#include "RTC/Consts.hpp"
#include "Utils.hpp"
#include <cstring>

namespace RTC
{
	/* Static. */

	// sfu patch: where each packet of a batch is copied so that it can be expanded later
	// (as Producer.cpp does for a single packet).
	static constexpr size_t BatchPacketBufferSize{ 65536 };
	thread_local static uint8_t BatchPacketBuffer[BatchPacketBufferSize];

	/* Instance methods. */

	// NOLINTNEXTLINE(cppcoreguidelines-pro-type-member-init)
	DirectTransport::DirectTransport(
	  SharedInterface* shared,
	  const std::string& id,
	  RTC::Transport::Listener* listener,
	  const FBS::DirectTransport::DirectTransportOptions* options)
	  // DirectTransport doesn't support SCTP, so State Cookie authentication is
	  // irrelevant here.
	  : RTC::Transport::Transport(
	      shared, id, listener, options->base(), /*requireSctpStateCookieAuthentication*/ false)
	{
		MS_TRACE();

		// NOTE: This may throw.
		this->shared->GetChannelMessageRegistrator()->RegisterHandler(
		  this->id,
		  /*channelRequestHandler*/ this,
		  /*channelNotificationHandler*/ this);

		// NOTE: A DirectTransport is connected from the moment it exists, and this is
		// the earliest point at which it can be told, since the parent constructor
		// cannot reach the methods of this class.
		RTC::Transport::Connected();
	}

	DirectTransport::~DirectTransport()
	{
		MS_TRACE();

		// Tell the Transport parent class that we are about to destroy
		// the class instance.
		SetDestroying();

		// sfu patch (issue #16): the Consumers this addresses outlive it.
		for (auto& [address, addressed] : this->mapAddressConsumer)
		{
			addressed.consumer->SetAddresser(nullptr);
		}

		this->mapAddressConsumer.clear();

		this->shared->GetChannelMessageRegistrator()->UnregisterHandler(this->id);
	}

	flatbuffers::Offset<FBS::DirectTransport::DumpResponse> DirectTransport::FillBuffer(
	  flatbuffers::FlatBufferBuilder& builder) const
	{
		MS_TRACE();

		// Add base transport dump.
		auto base = Transport::FillBuffer(builder);

		return FBS::DirectTransport::CreateDumpResponse(builder, base);
	}

	flatbuffers::Offset<FBS::DirectTransport::GetStatsResponse> DirectTransport::FillBufferStats(
	  flatbuffers::FlatBufferBuilder& builder)
	{
		MS_TRACE();

		// Base Transport stats.
		auto base = Transport::FillBufferStats(builder);

		return FBS::DirectTransport::CreateGetStatsResponse(builder, base);
	}

	void DirectTransport::HandleRequest(Channel::ChannelRequest* request)
	{
		MS_TRACE();

		switch (request->method)
		{
			case Channel::ChannelRequest::Method::TRANSPORT_GET_STATS:
			{
				auto responseOffset = FillBufferStats(request->GetBufferBuilder());

				request->Accept(FBS::Response::Body::DirectTransport_GetStatsResponse, responseOffset);

				break;
			}

			case Channel::ChannelRequest::Method::TRANSPORT_DUMP:
			{
				auto dumpOffset = FillBuffer(request->GetBufferBuilder());

				request->Accept(FBS::Response::Body::DirectTransport_DumpResponse, dumpOffset);

				break;
			}

			// sfu patch (issue #16).
			case Channel::ChannelRequest::Method::DIRECTTRANSPORT_ADDRESS_CONSUMER:
			{
				const auto* body = request->data->body_as<FBS::DirectTransport::AddressConsumerRequest>();

				// This may throw.
				AddressConsumer(body->consumerId()->str(), body->address());

				request->Accept();

				break;
			}

			default:
			{
				// Pass it to the parent class.
				RTC::Transport::HandleRequest(request);
			}
		}
	}

	void DirectTransport::HandleNotification(Channel::ChannelNotification* notification)
	{
		MS_TRACE();

		switch (notification->data->event())
		{
			case Channel::ChannelNotification::Event::TRANSPORT_SEND_RTCP:
			{
				const auto* body = notification->data->body_as<FBS::Transport::SendRtcpNotification>();
				const size_t len = body->data()->size();

				// Increase receive transmission.
				RTC::Transport::DataReceived(len);

				if (len > RTC::Consts::IncomingRtcpPacketMaxSize)
				{
					MS_WARN_TAG(
					  rtcp,
					  "ignoring RTCP packet exceeding maximum size [len:%zu, max len:%zu]",
					  len,
					  RTC::Consts::IncomingRtcpPacketMaxSize);

					return;
				}

				auto* packet = RTC::RTCP::Packet::Parse(body->data()->data(), len);

				if (!packet)
				{
					MS_WARN_TAG(rtcp, "received data is not a valid RTCP compound or single packet");

					return;
				}

				// Pass the packet to the parent transport.
				RTC::Transport::ReceiveRtcpPacket(packet, notification->receivedAtUs);

				break;
			}

			// sfu patch: one message carrying many packets for this transport's producers
			// (and, issue #16, for Consumers it addresses).
			case Channel::ChannelNotification::Event::DIRECTTRANSPORT_SEND_RTP_BATCH:
			{
				const auto* body =
				  notification->data->body_as<FBS::DirectTransport::SendRtpBatchNotification>();

				SendRtpBatch(body->data()->data(), body->data()->size(), notification->receivedAtUs);

				break;
			}

			default:
			{
				// Pass it to the parent class.
				RTC::Transport::HandleNotification(notification);
			}
		}
	}

	// sfu patch (issue #16).
	void DirectTransport::AddressConsumer(const std::string& consumerId, uint32_t address)
	{
		MS_TRACE();

		if (address == 0)
		{
			MS_THROW_TYPE_ERROR("address 0 means no Consumer");
		}

		if (this->mapAddressConsumer.contains(address))
		{
			MS_THROW_ERROR("address %" PRIu32 " already in use", address);
		}

		auto* consumer = GetRouterConsumer(consumerId);

		if (!consumer)
		{
			MS_THROW_ERROR("Consumer not found in this Router [consumerId:%s]", consumerId.c_str());
		}

		if (!consumer->CanBeAddressed())
		{
			MS_THROW_TYPE_ERROR(
			  "only a simple audio Consumer that keeps DTX packets can be addressed [consumerId:%s]",
			  consumerId.c_str());
		}

		if (consumer->GetAddresser())
		{
			MS_THROW_ERROR("Consumer already addressed [consumerId:%s]", consumerId.c_str());
		}

		consumer->SetAddresser(this);

		this->mapAddressConsumer.emplace(
		  address, AddressedConsumer{ .consumer = consumer, .producerId = consumer->producerId });
	}

	// sfu patch (issue #16).
	void DirectTransport::OnAddressedConsumerClosed(RTC::Consumer* consumer)
	{
		MS_TRACE();

		// Rare (a Consumer closing), and a Consumer has one address at most.
		for (auto it = this->mapAddressConsumer.begin(); it != this->mapAddressConsumer.end(); ++it)
		{
			if (it->second.consumer == consumer)
			{
				this->mapAddressConsumer.erase(it);

				break;
			}
		}
	}

	// sfu patch: the packets of a batch, each preceded by its length (2 bytes) and
	// its address (4 bytes, issue #16), big endian.
	void DirectTransport::SendRtpBatch(const uint8_t* data, size_t left, int64_t receivedAtUs)
	{
		MS_TRACE();

		static constexpr size_t FrameHeaderLength{ 6 };

		size_t received{ 0 };

		while (left >= FrameHeaderLength)
		{
			const size_t len        = Utils::Byte::Get2Bytes(data, 0);
			const uint32_t address = Utils::Byte::Get4Bytes(data, 2);

			data += FrameHeaderLength;
			left -= FrameHeaderLength;

			if (len > left)
			{
				MS_WARN_TAG(rtp, "truncated RTP batch [len:%zu, left:%zu]", len, left);

				left = 0;

				break;
			}

			received += len;

			if (len > RTC::Consts::IncomingRtpPacketMaxSize)
			{
				MS_WARN_TAG(
				  rtp,
				  "ignoring RTP packet exceeding maximum size [len:%zu, max len:%zu]",
				  len,
				  RTC::Consts::IncomingRtpPacketMaxSize);
			}
			else
			{
				std::memcpy(BatchPacketBuffer, data, len);

				auto* packet = RTC::RTP::Packet::Parse(BatchPacketBuffer, len, BatchPacketBufferSize);

				if (!packet)
				{
					MS_WARN_TAG(rtp, "batched data is not a valid RTP packet");
				}
				else if (address == 0)
				{
					// A packet made on this host: the light path (sfu patch).
					RTC::Transport::ReceiveLocalRtpPacket(packet, receivedAtUs);

					delete packet;
				}
				else
				{
					const auto it = this->mapAddressConsumer.find(address);

					// Not (or no longer) addressed, or moved to another Producer: dropped,
					// as a packet of a Producer that has no Consumer.
					if (it == this->mapAddressConsumer.end())
					{
						MS_DEBUG_TAG(rtp, "no Consumer at address %" PRIu32, address);
					}
					else if (it->second.consumer->producerId != it->second.producerId)
					{
						MS_DEBUG_TAG(rtp, "Consumer at address %" PRIu32 " consumes another Producer", address);
					}
					else
					{
						RTC::Transport::ReceiveAddressedRtpPacket(it->second.consumer, packet);
					}

					delete packet;
				}
			}

			data += len;
			left -= len;
		}

		if (left != 0)
		{
			MS_WARN_TAG(rtp, "trailing bytes in RTP batch [len:%zu]", left);
		}

		// Increase receive transmission, once for the whole batch.
		if (received != 0)
		{
			RTC::Transport::DataReceived(received);
		}
	}

	inline bool DirectTransport::IsConnected() const
	{
		MS_TRACE();

		return true;
	}

	inline size_t DirectTransport::GetPacketOverhead() const
	{
		MS_TRACE();

		// Nothing sent through this reaches a socket, so there is no network to
		// carry anything on top of the packet.
		return 0;
	}

	void DirectTransport::SendRtpPacket(
	  RTC::Consumer* consumer, RTC::RTP::Packet* packet, onSendCallback cb)
	{
		MS_TRACE();

		if (!consumer)
		{
			MS_WARN_TAG(rtp, "cannot send RTP packet not associated to a Consumer");

			if (cb)
			{
				cb(false);
			}

			return;
		}

		const auto data = this->shared->GetChannelNotifier()->GetBufferBuilder().CreateVector(
		  packet->GetBuffer(), packet->GetLength());

		auto notification = FBS::Consumer::CreateRtpNotification(
		  this->shared->GetChannelNotifier()->GetBufferBuilder(), data);

		this->shared->GetChannelNotifier()->Emit(
		  consumer->id,
		  FBS::Notification::Event::CONSUMER_RTP,
		  FBS::Notification::Body::Consumer_RtpNotification,
		  notification);

		if (cb)
		{
			cb(true);
		}

		// Increase send transmission.
		RTC::Transport::DataSent(packet->GetLength());
	}

	void DirectTransport::SendRtcpPacket(RTC::RTCP::Packet* packet)
	{
		MS_TRACE();

		// Notify the Node DirectTransport.
		const auto data = this->shared->GetChannelNotifier()->GetBufferBuilder().CreateVector(
		  packet->GetData(), packet->GetSize());

		auto notification = FBS::DirectTransport::CreateRtcpNotification(
		  this->shared->GetChannelNotifier()->GetBufferBuilder(), data);

		this->shared->GetChannelNotifier()->Emit(
		  this->id,
		  FBS::Notification::Event::DIRECTTRANSPORT_RTCP,
		  FBS::Notification::Body::DirectTransport_RtcpNotification,
		  notification);

		// Increase send transmission.
		RTC::Transport::DataSent(packet->GetSize());
	}

	void DirectTransport::SendRtcpCompoundPacket(RTC::RTCP::CompoundPacket* packet)
	{
		MS_TRACE();

		packet->Serialize(RTC::RTCP::SerializationBuffer);

		const auto data = this->shared->GetChannelNotifier()->GetBufferBuilder().CreateVector(
		  packet->GetData(), packet->GetSize());

		auto notification = FBS::DirectTransport::CreateRtcpNotification(
		  this->shared->GetChannelNotifier()->GetBufferBuilder(), data);

		this->shared->GetChannelNotifier()->Emit(
		  this->id,
		  FBS::Notification::Event::DIRECTTRANSPORT_RTCP,
		  FBS::Notification::Body::DirectTransport_RtcpNotification,
		  notification);
	}

	void DirectTransport::SendMessage(
	  RTC::DataConsumer* dataConsumer, RTC::SCTP::Message message, onMessageQueuedCallback cb)
	{
		MS_TRACE();

		// Notify the Node DirectTransport.
		auto data = this->shared->GetChannelNotifier()->GetBufferBuilder().CreateVector(
		  message.GetPayload().data(), message.GetPayloadLength());

		auto notification = FBS::DataConsumer::CreateMessageNotification(
		  this->shared->GetChannelNotifier()->GetBufferBuilder(), message.GetPayloadProtocolId(), data);

		this->shared->GetChannelNotifier()->Emit(
		  dataConsumer->id,
		  FBS::Notification::Event::DATACONSUMER_MESSAGE,
		  FBS::Notification::Body::DataConsumer_MessageNotification,
		  notification);

		if (cb)
		{
			cb(true, /*isSendBufferFull*/ false);
		}

		// Increase send transmission.
		RTC::Transport::DataSent(message.GetPayloadLength());
	}

	bool DirectTransport::SendData(const uint8_t* /*data*/, size_t /*len*/)
	{
		MS_TRACE();

		// Do nothing.

		return false;
	}

	void DirectTransport::RecvStreamClosed(uint32_t /*ssrc*/)
	{
		MS_TRACE();

		// Do nothing.
	}

	void DirectTransport::SendStreamClosed(uint32_t /*ssrc*/)
	{
		MS_TRACE();

		// Do nothing.
	}
} // namespace RTC
