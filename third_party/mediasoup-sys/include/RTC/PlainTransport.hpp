#ifndef MS_RTC_PLAIN_TRANSPORT_HPP
#define MS_RTC_PLAIN_TRANSPORT_HPP

#include "common.hpp"
#include "FBS/plainTransport.h"
#include "handles/SendCallbacks.hpp"
#include "RTC/SrtpSession.hpp"
#include "RTC/Transport.hpp"
#include "RTC/TransportTuple.hpp"
#include "RTC/UdpSocket.hpp"
#include "SharedInterface.hpp"

namespace RTC
{
	class PlainTransport : public RTC::Transport, public RTC::UdpSocket::Listener
	{
	public:
		PlainTransport(
		  SharedInterface* shared,
		  const std::string& id,
		  RTC::Transport::Listener* listener,
		  const FBS::PlainTransport::PlainTransportOptions* options);
		~PlainTransport() override;

	public:
		flatbuffers::Offset<FBS::PlainTransport::GetStatsResponse> FillBufferStats(
		  flatbuffers::FlatBufferBuilder& builder);
		flatbuffers::Offset<FBS::PlainTransport::DumpResponse> FillBuffer(
		  flatbuffers::FlatBufferBuilder& builder) const;

		/* Methods inherited from Channel::ChannelSocket::RequestHandler. */
	public:
		void HandleRequest(Channel::ChannelRequest* request) override;
		void HandleNotification(Channel::ChannelNotification* notification) override;

	private:
		bool IsCongestionControlSupported() const override
		{
			return true;
		}
		bool IsPipe() const override
		{
			return false;
		}
		bool IsConnected() const override;
		size_t GetPacketOverhead() const override;
		bool HasSrtp() const;
		bool IsSrtpReady() const;
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
		void OnPacketReceived(
		  RTC::TransportTuple* tuple,
		  const uint8_t* data,
		  size_t len,
		  size_t bufferLen,
		  int64_t receivedAtUs);
		void OnRtpDataReceived(
		  RTC::TransportTuple* tuple,
		  const uint8_t* data,
		  size_t len,
		  size_t bufferLen,
		  int64_t receivedAtUs);
		void OnRtcpDataReceived(
		  RTC::TransportTuple* tuple, const uint8_t* data, size_t len, int64_t receivedAtUs);
		void OnSctpDataReceived(
		  RTC::TransportTuple* tuple, const uint8_t* data, size_t len, int64_t receivedAtUs);
		void EmitTuple() const;
		void EmitRtcpTuple() const;

		/* Pure virtual methods inherited from RTC::UdpSocket::Listener. */
	public:
		void OnUdpSocketPacketReceived(
		  RTC::UdpSocket* socket,
		  const uint8_t* data,
		  size_t len,
		  size_t bufferLen,
		  const struct sockaddr* remoteAddr,
		  int64_t receivedAtUs) override;

	private:
		// Allocated by this.
		std::unique_ptr<RTC::UdpSocket> udpSocket;
		std::unique_ptr<RTC::UdpSocket> rtcpUdpSocket;
		std::unique_ptr<RTC::TransportTuple> tuple;
		std::unique_ptr<RTC::TransportTuple> rtcpTuple;
		std::unique_ptr<RTC::SrtpSession> srtpRecvSession;
		std::unique_ptr<RTC::SrtpSession> srtpSendSession;
		// Others.
		ListenInfo listenInfo;
		ListenInfo rtcpListenInfo;
		const bool rtcpMux;
		const bool comedia;
		sockaddr_storage remoteAddrStorage{};
		sockaddr_storage rtcpRemoteAddrStorage{};
		RTC::SrtpSession::CryptoSuite srtpCryptoSuite{
			RTC::SrtpSession::CryptoSuite::AES_CM_128_HMAC_SHA1_80
		};
		std::string srtpKey;
		size_t srtpMasterLength{ 0 };
		std::string srtpKeyBase64;
		bool connectCalled{ false }; // Whether connect() was succesfully called.
	};
} // namespace RTC

#endif
