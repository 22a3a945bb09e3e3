#ifndef MS_RTC_PIPE_TRANSPORT_HPP
#define MS_RTC_PIPE_TRANSPORT_HPP

#include "common.hpp"
#include "FBS/pipeTransport.h"
#include "handles/SendCallbacks.hpp"
#include "RTC/SrtpSession.hpp"
#include "RTC/Transport.hpp"
#include "RTC/TransportTuple.hpp"
#include "RTC/UdpSocket.hpp"
#include "SharedInterface.hpp"

namespace RTC
{
	class PipeTransport : public RTC::Transport, public RTC::UdpSocket::Listener
	{
	private:
		static RTC::SrtpSession::CryptoSuite srtpCryptoSuite;
		static std::string srtpCryptoSuiteString;
		static size_t srtpMasterLength;

	public:
		PipeTransport(
		  SharedInterface* shared,
		  const std::string& id,
		  RTC::Transport::Listener* listener,
		  const FBS::PipeTransport::PipeTransportOptions* options);
		~PipeTransport() override;

	public:
		flatbuffers::Offset<FBS::PipeTransport::GetStatsResponse> FillBufferStats(
		  flatbuffers::FlatBufferBuilder& builder);
		flatbuffers::Offset<FBS::PipeTransport::DumpResponse> FillBuffer(
		  flatbuffers::FlatBufferBuilder& builder) const;

		/* Methods inherited from Channel::ChannelSocket::RequestHandler. */
	public:
		void HandleRequest(Channel::ChannelRequest* request) override;

		/* Methods inherited from Channel::ChannelSocket::NotificationHandler. */
	public:
		void HandleNotification(Channel::ChannelNotification* notification) override;

	private:
		bool IsCongestionControlSupported() const override
		{
			return false;
		}
		bool IsPipe() const override
		{
			return true;
		}
		bool IsConnected() const override;
		size_t GetPacketOverhead() const override;
		bool HasSrtp() const;
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
		std::unique_ptr<RTC::TransportTuple> tuple;
		std::unique_ptr<RTC::SrtpSession> srtpRecvSession;
		std::unique_ptr<RTC::SrtpSession> srtpSendSession;
		// Others.
		ListenInfo listenInfo;
		sockaddr_storage remoteAddrStorage{};
		const bool rtx;
		std::string srtpKey;
		std::string srtpKeyBase64;
	};
} // namespace RTC

#endif
