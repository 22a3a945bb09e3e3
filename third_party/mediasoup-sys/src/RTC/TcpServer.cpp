#define MS_CLASS "RTC::TcpServer"
// #define MS_LOG_DEV_LEVEL 3

#include "RTC/TcpServer.hpp"
#include "Logger.hpp"
#include "RTC/PortManager.hpp"
#include <string>

namespace RTC
{
	/* Static. */

	static constexpr size_t TcpConnectionBufferSize{ 65536 };

	/* Instance methods. */

	TcpServer::TcpServer(
	  Listener* listener,
	  RTC::TcpConnection::Listener* connListener,
	  SharedInterface* shared,
	  std::string& ip,
	  uint16_t port,
	  RTC::Transport::SocketFlags& flags)
	  : // This may throw.
	    ::TcpServerHandle::TcpServerHandle(RTC::PortManager::BindTcp(ip, port, flags)),
	    listener(listener),
	    connListener(connListener),
	    shared(shared),
	    fixedPort(true)
	{
		MS_TRACE();
	}

	TcpServer::TcpServer(
	  Listener* listener,
	  RTC::TcpConnection::Listener* connListener,
	  SharedInterface* shared,
	  std::string& ip,
	  uint16_t minPort,
	  uint16_t maxPort,
	  RTC::Transport::SocketFlags& flags,
	  RTC::PortManager::PortRangeKey& portRangeKey)
	  : // This may throw.
	    ::TcpServerHandle::TcpServerHandle(
	      RTC::PortManager::BindTcp(ip, minPort, maxPort, flags, portRangeKey)),
	    listener(listener),
	    connListener(connListener),
	    shared(shared)
	{
		MS_TRACE();

		this->portRangeKey = portRangeKey;
	}

	TcpServer::~TcpServer()
	{
		MS_TRACE();

		if (!this->fixedPort)
		{
			RTC::PortManager::Unbind(this->portRangeKey, this->localPort);
		}
	}

	void TcpServer::UserOnTcpConnectionAlloc()
	{
		MS_TRACE();

		// Allocate a new RTC::TcpConnection for the TcpServer to handle it.
		auto* connection =
		  new RTC::TcpConnection(this->connListener, this->shared, TcpConnectionBufferSize);

		// Accept it.
		AcceptTcpConnection(connection);
	}

	void TcpServer::UserOnTcpConnectionClosed(::TcpConnectionHandle* connection)
	{
		MS_TRACE();

		this->listener->OnRtcTcpConnectionClosed(this, static_cast<RTC::TcpConnection*>(connection));
	}
} // namespace RTC
