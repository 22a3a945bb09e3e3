#ifndef MS_UDP_SOCKET_HANDLE_HPP
#define MS_UDP_SOCKET_HANDLE_HPP

#include "common.hpp"
#include "handles/SendCallbacks.hpp"
#include <uv.h>
#include <string>

class UdpSocketHandle
{
public:
	/* Struct for the data field of uv_req_t when sending a datagram. */
	struct UvSendData
	{
		explicit UvSendData(size_t storeSize) : store(new uint8_t[storeSize])
		{
		}

		// Disable copy constructor because of the dynamically allocated data (store).
		UvSendData(const UvSendData&) = delete;

		~UvSendData()
		{
			delete[] this->store;
		}

		uv_udp_send_t req{};
		uint8_t* const store;
		onSendCallback cb;
	};

public:
	/**
	 * uvHandle must be an already initialized and binded uv_udp_t pointer.
	 */
	explicit UdpSocketHandle(uv_udp_t* uvHandle);
	UdpSocketHandle& operator=(const UdpSocketHandle&) = delete;
	UdpSocketHandle(const UdpSocketHandle&)            = delete;
	virtual ~UdpSocketHandle();

public:
	bool IsClosed() const
	{
		return this->closed;
	}
	void Dump(int indentation = 0) const;
	void Send(const uint8_t* data, size_t len, const struct sockaddr* addr, onSendCallback cb);
	const struct sockaddr* GetLocalAddress() const
	{
		return reinterpret_cast<const struct sockaddr*>(std::addressof(this->localAddr));
	}
	int GetLocalFamily() const
	{
		return reinterpret_cast<const struct sockaddr*>(std::addressof(this->localAddr))->sa_family;
	}
	const std::string& GetLocalIp() const
	{
		return this->localIp;
	}
	uint16_t GetLocalPort() const
	{
		return this->localPort;
	}
	size_t GetRecvBytes() const
	{
		return this->recvBytes;
	}
	size_t GetSentBytes() const
	{
		return this->sentBytes;
	}
	uint32_t GetSendBufferSize() const;
	void SetSendBufferSize(uint32_t size);
	uint32_t GetRecvBufferSize() const;
	void SetRecvBufferSize(uint32_t size);

private:
	void InternalClose();
	bool SetLocalAddress();

	/* Callbacks fired by UV events. */
public:
	void OnUvRecvAlloc(size_t suggestedSize, uv_buf_t* buf);
	void OnUvRecv(ssize_t nread, const uv_buf_t* buf, const struct sockaddr* addr, unsigned int flags);
	void OnUvSend(int status, const onSendCallback& cb);

	/* Pure virtual methods that must be implemented by the subclass. */
protected:
	virtual void UserOnUdpDatagramReceived(
	  const uint8_t* data, size_t len, size_t bufferLen, const struct sockaddr* addr) = 0;

protected:
	sockaddr_storage localAddr{};
	std::string localIp;
	uint16_t localPort{ 0 };

private:
	// Allocated by this (may be passed by argument).
	uv_udp_t* const uvHandle;
	// Others.
	bool closed{ false };
	size_t recvBytes{ 0 };
	size_t sentBytes{ 0 };
};

#endif
