#include "common.hpp"
#include "handles/BackoffTimerHandleInterface.hpp"
#include "RTC/SCTP/association/AssociationListenerDeferrer.hpp"
#include "RTC/SCTP/association/StreamResetHandler.hpp"
#include "RTC/SCTP/packet/Packet.hpp"
#include "RTC/SCTP/packet/UserData.hpp"
#include "RTC/SCTP/packet/chunks/AnyForwardTsnChunk.hpp"
#include "RTC/SCTP/packet/chunks/DataChunk.hpp"
#include "RTC/SCTP/packet/chunks/ReConfigChunk.hpp"
#include "RTC/SCTP/packet/parameters/IncomingSsnResetRequestParameter.hpp"
#include "RTC/SCTP/packet/parameters/OutgoingSsnResetRequestParameter.hpp"
#include "RTC/SCTP/packet/parameters/ReconfigurationResponseParameter.hpp"
#include "RTC/SCTP/public/SctpOptions.hpp"
#include "RTC/SCTP/rx/DataTracker.hpp"
#include "RTC/SCTP/rx/ReassemblyQueue.hpp"
#include "RTC/SCTP/tx/RetransmissionQueue.hpp"
#include "RTC/SCTP/tx/RoundRobinSendQueue.hpp"
#include "mocks/include/MockShared.hpp"
#include "mocks/include/RTC/SCTP/association/MockAssociationListener.hpp"
#include "mocks/include/RTC/SCTP/association/MockTransmissionControlBlockContext.hpp"
#include <catch2/catch_test_macros.hpp>
#include <span>
#include <vector>

namespace
{
	constexpr uint32_t Arwnd{ 131072 };
	constexpr uint32_t LocalInitialTsn{ 0 };
	constexpr uint32_t RemoteInitialTsn{ 0 };
	constexpr int64_t InitialNowUs{ 10000 * 1000 };
	constexpr int64_t RtoMs{ 250 };
	const std::vector<uint8_t> ShortPayload{ 1, 2, 3, 4 };

	/**
	 * A RTC::SCTP::StreamResetHandler under test, together with all the (real)
	 * components it depends on, its simulated clock and listener.
	 */
	class TestStreamResetHandler
	{
	public:
		TestStreamResetHandler()
		  // NOTE: The order in which these members are initialized is **critical**.
		  : shared(/*getTimeUs*/
			         [this]() -> int64_t
			         {
			           return this->nowUs;
		           }),
		    tcbContext(this->associationListener, this->sctpOptions),
		    delayedAckTimer(this->shared.CreateBackoffTimer(
		      BackoffTimerHandleInterface::BackoffTimerHandleOptions{
		        .listener         = std::addressof(this->backoffTimerListener),
		        .label            = "mock-sctp-delayed-ack",
		        .baseTimeoutMs    = this->sctpOptions.initialRtoMs,
		        .backoffAlgorithm = BackoffTimerHandleInterface::BackoffAlgorithm::FIXED })),
		    t3RtxTimer(this->shared.CreateBackoffTimer(
		      BackoffTimerHandleInterface::BackoffTimerHandleOptions{
		        .listener         = std::addressof(this->backoffTimerListener),
		        .label            = "mock-sctp-t3-rtx",
		        .baseTimeoutMs    = this->sctpOptions.initialRtoMs,
		        .backoffAlgorithm = BackoffTimerHandleInterface::BackoffAlgorithm::EXPONENTIAL })),
		    sendQueue(
		      this->associationListener,
		      this->sctpOptions.mtu,
		      this->sctpOptions.defaultStreamPriority,
		      this->sctpOptions.defaultStreamBufferedAmountLowThreshold,
		      this->sctpOptions.totalBufferedAmountLowThreshold),
		    dataTracker(this->delayedAckTimer.get(), RemoteInitialTsn),
		    reassemblyQueue(this->sctpOptions.maxReceiverWindowBufferSize),
		    retransmissionQueue(
		      std::addressof(this->retransmissionQueueListener),
		      this->associationListener,
		      LocalInitialTsn,
		      Arwnd,
		      this->sendQueue,
		      this->t3RtxTimer.get(),
		      this->sctpOptions,
		      /*supportsPartialReliability*/ true,
		      /*useMessageInterleaving*/ false),
		    streamResetHandler(
		      this->associationListenerDeferrer,
		      std::addressof(this->shared),
		      std::addressof(this->tcbContext),
		      std::addressof(this->dataTracker),
		      std::addressof(this->reassemblyQueue),
		      std::addressof(this->retransmissionQueue))
		{
			this->tcbContext.WillGetCurrentRtoUsOnce(
			  []()
			  {
				  return static_cast<int64_t>(RtoMs * 1000);
			  });
		}

	public:
		/**
		 * Advances the simulated clock by `incrementMs`.
		 *
		 * @remarks
		 * - The increment is given in milliseconds since it comes from the SCTP
		 *   options and the timers, which work in milliseconds.
		 */
		void AdvanceNowMs(int64_t incrementMs)
		{
			this->nowUs += incrementMs * 1000;
		}

		/**
		 * Handles a received RE-CONFIG chunk within a deferrer scope, just like
		 * association does before dispatching to the handler.
		 */
		void HandleReceivedReConfigChunk(const RTC::SCTP::ReConfigChunk* receivedReConfigChunk)
		{
			const RTC::SCTP::AssociationListenerDeferrer::ScopedDeferrer deferrer(
			  this->associationListenerDeferrer);

			this->streamResetHandler.HandleReceivedReConfigChunk(receivedReConfigChunk);
		}

	private:
		/**
		 * A no-op BackoffTimerHandle listener for the timers owned directly by this
		 * fixture (the ones owned by the handler are driven by the handler itself).
		 */
		class BackoffTimerListener : public BackoffTimerHandleInterface::Listener
		{
		public:
			void OnBackoffTimer(
			  BackoffTimerHandleInterface* /*backoffTimer*/, int64_t& /*baseTimeoutMs*/, bool& /*stop*/) override
			{
			}
		};

		/**
		 * A no-op RTC::SCTP::RetransmissionQueue listener.
		 */
		class RetransmissionQueueListener : public RTC::SCTP::RetransmissionQueue::Listener
		{
		public:
			void OnRetransmissionQueueNewRttUs(int64_t /*rttUs*/) override
			{
			}

			void OnRetransmissionQueueClearRetransmissionCounter() override
			{
			}
		};

		// NOTE: Public members for testing.
	public:
		int64_t nowUs{ InitialNowUs };
		const RTC::SCTP::SctpOptions sctpOptions;
		BackoffTimerListener backoffTimerListener;
		RetransmissionQueueListener retransmissionQueueListener;
		mocks::RTC::SCTP::MockAssociationListener associationListener;
		RTC::SCTP::AssociationListenerDeferrer associationListenerDeferrer{ std::addressof(
			this->associationListener) };
		mocks::MockShared shared;
		mocks::RTC::SCTP::MockTransmissionControlBlockContext tcbContext;
		const std::unique_ptr<BackoffTimerHandleInterface> delayedAckTimer;
		const std::unique_ptr<BackoffTimerHandleInterface> t3RtxTimer;
		RTC::SCTP::RoundRobinSendQueue sendQueue;
		RTC::SCTP::DataTracker dataTracker;
		RTC::SCTP::ReassemblyQueue reassemblyQueue;
		RTC::SCTP::RetransmissionQueue retransmissionQueue;
		RTC::SCTP::StreamResetHandler streamResetHandler;
	};
} // namespace

SCENARIO("SCTP RTC::SCTP::StreamResetHandler", "[sctp][streamresethandler]")
{
	SECTION("a chunk with no parameters returns an error")
	{
		TestStreamResetHandler test;

		std::vector<uint8_t> buffer(test.sctpOptions.mtu);

		const std::unique_ptr<RTC::SCTP::ReConfigChunk> reConfigChunk{ RTC::SCTP::ReConfigChunk::Factory(
			buffer.data(), buffer.size()) };

		test.HandleReceivedReConfigChunk(reConfigChunk.get());

		REQUIRE(test.associationListener.HasErrored() == true);
		REQUIRE(test.associationListener.HasSentPackets() == false);
	}

	SECTION("a chunk with invalid parameters returns an error")
	{
		TestStreamResetHandler test;

		std::vector<uint8_t> buffer(test.sctpOptions.mtu);

		const std::unique_ptr<RTC::SCTP::ReConfigChunk> reConfigChunk{ RTC::SCTP::ReConfigChunk::Factory(
			buffer.data(), buffer.size()) };

		// Two RTC::SCTP::OutgoingSsnResetRequestParameter in a RE-CONFIG is not valid.
		for (const uint32_t reqSeqNbr : { 1, 2 })
		{
			auto* parameter =
			  reConfigChunk->BuildParameterInPlace<RTC::SCTP::OutgoingSsnResetRequestParameter>();

			parameter->SetReconfigurationRequestSequenceNumber(reqSeqNbr);
			parameter->SetReconfigurationResponseSequenceNumber(10);
			parameter->SetSenderLastAssignedTsn(RemoteInitialTsn);
			parameter->AddStreamId(static_cast<uint16_t>(reqSeqNbr));
			parameter->Consolidate();
		}

		test.HandleReceivedReConfigChunk(reConfigChunk.get());

		REQUIRE(test.associationListener.HasErrored() == true);
		REQUIRE(test.associationListener.HasSentPackets() == false);
	}

	SECTION("sends an outgoing request directly")
	{
		TestStreamResetHandler test;

		const std::vector<uint16_t> streamIds{ 42 };

		test.streamResetHandler.ResetStreams(streamIds);

		REQUIRE(test.streamResetHandler.ShouldSendStreamResetRequest() == true);

		const auto packet = test.tcbContext.CreatePacket();

		REQUIRE(test.streamResetHandler.AddStreamResetRequest(packet.get()) == true);

		const auto* reConfigChunk = packet->GetFirstChunkOfType<RTC::SCTP::ReConfigChunk>();

		REQUIRE(reConfigChunk);

		const auto* parameter =
		  reConfigChunk->GetFirstParameterOfType<RTC::SCTP::OutgoingSsnResetRequestParameter>();

		REQUIRE(parameter);
		REQUIRE(parameter->GetStreamIds() == std::vector<uint16_t>{ 42 });
	}

	SECTION("doesn't add an outgoing request that does not fit in the packet")
	{
		TestStreamResetHandler test;

		test.streamResetHandler.ResetStreams(std::vector<uint16_t>{ 42 });

		REQUIRE(test.streamResetHandler.ShouldSendStreamResetRequest() == true);

		// Builds a packet of maximum size with a DATA chunk of given payload
		// length already in it.
		const auto buildPacketWithDataChunk =
		  [&test](uint16_t payloadLength) -> std::unique_ptr<RTC::SCTP::Packet>
		{
			const std::vector<uint8_t> payload(payloadLength);

			auto packet = test.tcbContext.CreatePacket();

			auto* const dataChunk = packet->BuildChunkInPlace<RTC::SCTP::DataChunk>();

			dataChunk->SetUserDataPayload(payload.data(), payloadLength);
			dataChunk->Consolidate();

			return packet;
		};

		// The RE-CONFIG chunk takes 4 bytes of header plus the Outgoing SSN Reset
		// Request parameter, which is 16 bytes plus 2 per stream padded to 4
		// bytes, so 24 bytes in total. An empty packet has room for the MTU
		// (1191) minus 12 bytes of common header, so 1179 bytes. A DATA chunk with
		// 1140 bytes of payload takes 1156 bytes and leaves room for 23, which is
		// one short.
		auto packet = buildPacketWithDataChunk(1140);

		REQUIRE(packet->GetAvailableLength() == 23);

		REQUIRE(test.streamResetHandler.AddStreamResetRequest(packet.get()) == false);

		REQUIRE(packet->GetChunksCount() == 1);
		// The request remains to be sent.
		REQUIRE(test.streamResetHandler.ShouldSendStreamResetRequest() == true);

		// Chunks are padded to 4 bytes, so the next possible room is 27, and it
		// fits.
		packet = buildPacketWithDataChunk(1136);

		REQUIRE(packet->GetAvailableLength() == 27);

		REQUIRE(test.streamResetHandler.AddStreamResetRequest(packet.get()) == true);

		REQUIRE(packet->GetAvailableLength() == 3);
		REQUIRE(test.streamResetHandler.ShouldSendStreamResetRequest() == false);
	}

	SECTION("cancels an outgoing request that does not fit even in an empty packet")
	{
		// An empty packet has room for the MTU (1191) minus 12 bytes of common
		// header, so 1179 bytes. The RE-CONFIG chunk takes 4 bytes of header plus
		// the Outgoing SSN Reset Request parameter, which is 16 bytes plus 2 per
		// stream padded to 4 bytes. So 578 streams take 1176 bytes and 579 take
		// 1180.
		const auto buildStreamIds = [](uint16_t count) -> std::vector<uint16_t>
		{
			std::vector<uint16_t> streamIds;

			for (uint16_t streamId{ 0 }; streamId < count; ++streamId)
			{
				streamIds.push_back(streamId);
			}

			return streamIds;
		};

		// 578 streams fit.
		{
			TestStreamResetHandler test;

			test.streamResetHandler.ResetStreams(buildStreamIds(578));

			const auto packet = test.tcbContext.CreatePacket();

			REQUIRE(test.streamResetHandler.AddStreamResetRequest(packet.get()) == true);

			REQUIRE(packet->GetAvailableLength() == 3);
		}

		// 579 streams do not fit, so their reset is cancelled.
		TestStreamResetHandler test;

		test.streamResetHandler.ResetStreams(buildStreamIds(579));

		REQUIRE(test.streamResetHandler.ShouldSendStreamResetRequest() == true);

		{
			const RTC::SCTP::AssociationListenerDeferrer::ScopedDeferrer deferrer(
			  test.associationListenerDeferrer);

			const auto packet = test.tcbContext.CreatePacket();

			REQUIRE(test.streamResetHandler.AddStreamResetRequest(packet.get()) == false);

			REQUIRE(packet->GetChunksCount() == 0);
		}

		REQUIRE(test.streamResetHandler.ShouldSendStreamResetRequest() == false);
		REQUIRE(test.associationListener.HasStreamsResetFailedForStreamId(0) == true);
		REQUIRE(test.associationListener.HasStreamsResetFailedForStreamId(578) == true);

		// The streams are resumed, so any of them can be reset again.
		test.streamResetHandler.ResetStreams(std::vector<uint16_t>{ 42 });

		const auto packet = test.tcbContext.CreatePacket();

		REQUIRE(test.streamResetHandler.AddStreamResetRequest(packet.get()) == true);

		const auto* parameter =
		  packet->GetFirstChunkOfType<RTC::SCTP::ReConfigChunk>()
		    ->GetFirstParameterOfType<RTC::SCTP::OutgoingSsnResetRequestParameter>();

		REQUIRE(parameter);
		REQUIRE(parameter->GetStreamIds() == std::vector<uint16_t>{ 42 });
	}

	SECTION("resets multiple streams in one request")
	{
		TestStreamResetHandler test;

		test.streamResetHandler.ResetStreams(std::vector<uint16_t>{ 42 });
		test.streamResetHandler.ResetStreams(std::vector<uint16_t>{ 43, 44, 41 });
		test.streamResetHandler.ResetStreams(std::vector<uint16_t>{ 42, 40 });

		REQUIRE(test.streamResetHandler.ShouldSendStreamResetRequest() == true);

		const auto packet = test.tcbContext.CreatePacket();

		REQUIRE(test.streamResetHandler.AddStreamResetRequest(packet.get()) == true);

		const auto* reConfigChunk = packet->GetFirstChunkOfType<RTC::SCTP::ReConfigChunk>();

		REQUIRE(reConfigChunk);

		const auto* parameter =
		  reConfigChunk->GetFirstParameterOfType<RTC::SCTP::OutgoingSsnResetRequestParameter>();

		REQUIRE(parameter);

		auto streamIds = parameter->GetStreamIds();

		std::ranges::sort(streamIds);

		REQUIRE(streamIds == std::vector<uint16_t>{ 40, 41, 42, 43, 44 });
	}

	SECTION("commits the reset on a positive response")
	{
		TestStreamResetHandler test;

		test.streamResetHandler.ResetStreams(std::vector<uint16_t>{ 42 });

		REQUIRE(test.streamResetHandler.ShouldSendStreamResetRequest() == true);

		const auto packet = test.tcbContext.CreatePacket();

		REQUIRE(test.streamResetHandler.AddStreamResetRequest(packet.get()) == true);

		const auto* parameter =
		  packet->GetFirstChunkOfType<RTC::SCTP::ReConfigChunk>()
		    ->GetFirstParameterOfType<RTC::SCTP::OutgoingSsnResetRequestParameter>();

		REQUIRE(parameter);

		const uint32_t reqSeqNbr = parameter->GetReconfigurationRequestSequenceNumber();

		// Build a RE-CONFIG response with a successful result.
		std::vector<uint8_t> responseBuffer(test.sctpOptions.mtu);
		const std::unique_ptr<RTC::SCTP::ReConfigChunk> responseChunk{ RTC::SCTP::ReConfigChunk::Factory(
			responseBuffer.data(), responseBuffer.size()) };

		auto* response =
		  responseChunk->BuildParameterInPlace<RTC::SCTP::ReconfigurationResponseParameter>();

		response->SetReconfigurationResponseSequenceNumber(reqSeqNbr);
		response->SetResult(RTC::SCTP::ReconfigurationResponseParameter::Result::SUCCESS_PERFORMED);
		response->Consolidate();

		test.HandleReceivedReConfigChunk(responseChunk.get());

		REQUIRE(test.associationListener.HasStreamsResetPerformedForStreamId(42) == true);
	}

	SECTION("rolls back the reset on an error response")
	{
		TestStreamResetHandler test;

		test.streamResetHandler.ResetStreams(std::vector<uint16_t>{ 42 });

		REQUIRE(test.streamResetHandler.ShouldSendStreamResetRequest() == true);

		const auto packet = test.tcbContext.CreatePacket();

		REQUIRE(test.streamResetHandler.AddStreamResetRequest(packet.get()) == true);

		const auto* parameter =
		  packet->GetFirstChunkOfType<RTC::SCTP::ReConfigChunk>()
		    ->GetFirstParameterOfType<RTC::SCTP::OutgoingSsnResetRequestParameter>();

		REQUIRE(parameter);

		const uint32_t reqSeqNbr = parameter->GetReconfigurationRequestSequenceNumber();

		// Build a RE-CONFIG response with an error result.
		std::vector<uint8_t> responseBuffer(test.sctpOptions.mtu);
		const std::unique_ptr<RTC::SCTP::ReConfigChunk> responseChunk{ RTC::SCTP::ReConfigChunk::Factory(
			responseBuffer.data(), responseBuffer.size()) };

		auto* response =
		  responseChunk->BuildParameterInPlace<RTC::SCTP::ReconfigurationResponseParameter>();

		response->SetReconfigurationResponseSequenceNumber(reqSeqNbr);
		response->SetResult(
		  RTC::SCTP::ReconfigurationResponseParameter::Result::ERROR_BAD_SEQUENCE_NUMBER);
		response->Consolidate();

		test.HandleReceivedReConfigChunk(responseChunk.get());

		REQUIRE(test.associationListener.HasStreamsResetFailedForStreamId(42) == true);
	}

	SECTION("an incoming stream reset request returns nothing performed")
	{
		TestStreamResetHandler test;

		std::vector<uint8_t> buffer(test.sctpOptions.mtu);
		const std::unique_ptr<RTC::SCTP::ReConfigChunk> reConfigChunk{ RTC::SCTP::ReConfigChunk::Factory(
			buffer.data(), buffer.size()) };

		auto* parameter =
		  reConfigChunk->BuildParameterInPlace<RTC::SCTP::IncomingSsnResetRequestParameter>();

		parameter->SetReconfigurationRequestSequenceNumber(RemoteInitialTsn);
		parameter->AddStreamId(1);
		parameter->Consolidate();

		test.HandleReceivedReConfigChunk(reConfigChunk.get());

		// A RE-CONFIG response is sent back.
		const auto sentBuffer = test.associationListener.ConsumeFirstSentPacket();

		REQUIRE(!sentBuffer.empty());

		const std::unique_ptr<RTC::SCTP::Packet> sentPacket{ RTC::SCTP::Packet::Parse(
			sentBuffer.data(), sentBuffer.size()) };

		REQUIRE(sentPacket);

		const auto* response = sentPacket->GetFirstChunkOfType<RTC::SCTP::ReConfigChunk>()
		                         ->GetFirstParameterOfType<RTC::SCTP::ReconfigurationResponseParameter>();

		REQUIRE(response);
		REQUIRE(
		  response->GetResult() ==
		  RTC::SCTP::ReconfigurationResponseParameter::Result::SUCCESS_NOTHING_TO_DO);
	}

	SECTION("a reset request with no stream ids defers all streams")
	{
		// https://datatracker.ietf.org/doc/html/rfc6525#section-5.2.2
		//
		// E3) "If no stream numbers are listed in the parameter, then all incoming
		// streams MUST be reset to 0 as the next expected SSN."
		//
		// So a request with an empty stream id list must defer incoming data of
		// every stream, not of none.

		TestStreamResetHandler test;

		// Makes the peer request an outgoing stream reset of all streams (no stream
		// ids listed) with the given sender's last assigned TSN.
		const auto handleReceivedOutgoingSsnResetRequestForAllStreams =
		  [&test](uint32_t reqSeqNbr, uint32_t senderLastAssignedTsn) -> void
		{
			std::vector<uint8_t> buffer(test.sctpOptions.mtu);

			const std::unique_ptr<RTC::SCTP::ReConfigChunk> reConfigChunk{
				RTC::SCTP::ReConfigChunk::Factory(buffer.data(), buffer.size())
			};

			auto* parameter =
			  reConfigChunk->BuildParameterInPlace<RTC::SCTP::OutgoingSsnResetRequestParameter>();

			parameter->SetReconfigurationRequestSequenceNumber(reqSeqNbr);
			parameter->SetReconfigurationResponseSequenceNumber(0);
			parameter->SetSenderLastAssignedTsn(senderLastAssignedTsn);

			// NOTE: No AddStreamId() call here, which is what means "all streams".
			parameter->Consolidate();

			test.HandleReceivedReConfigChunk(reConfigChunk.get());
		};

		// Returns the result of the RE-CONFIG response sent back to the peer.
		const auto consumeSentReConfigResponseResult =
		  [&test]() -> RTC::SCTP::ReconfigurationResponseParameter::Result
		{
			const auto sentBuffer = test.associationListener.ConsumeFirstSentPacket();

			REQUIRE(!sentBuffer.empty());

			const std::unique_ptr<RTC::SCTP::Packet> sentPacket{ RTC::SCTP::Packet::Parse(
				sentBuffer.data(), sentBuffer.size()) };

			REQUIRE(sentPacket);

			const auto* response =
			  sentPacket->GetFirstChunkOfType<RTC::SCTP::ReConfigChunk>()
			    ->GetFirstParameterOfType<RTC::SCTP::ReconfigurationResponseParameter>();

			REQUIRE(response);

			return response->GetResult();
		};

		// Feeds a received ordered chunk, complete in itself, to the receive side.
		const auto handleReceivedOrderedData = [&test](uint32_t tsn, uint16_t ssn, uint32_t ppid) -> void
		{
			test.dataTracker.Observe(tsn);

			test.reassemblyQueue.AddData(
			  tsn,
			  RTC::SCTP::UserData(
			    /*streamId*/ 1,
			    /*ssn*/ ssn,
			    /*mid*/ 0,
			    /*fsn*/ 0,
			    /*ppid*/ ppid,
			    /*payload*/ ShortPayload,
			    /*isBeginning*/ true,
			    /*isEnd*/ true,
			    /*isUnordered*/ false));
		};

		// Takes the next reassembled message and requires it to be the expected one.
		const auto requireNextMessageIs = [&test](uint16_t streamId, uint32_t ppid) -> void
		{
			const auto message = test.reassemblyQueue.GetNextMessage();

			REQUIRE(message.has_value());
			REQUIRE(message->GetStreamId() == streamId);
			REQUIRE(message->GetPayloadProtocolId() == ppid);

			const auto payload = message->GetPayload();

			REQUIRE(std::vector<uint8_t>(payload.begin(), payload.end()) == ShortPayload);
		};

		// A first message is received and delivered, so stream 1 now expects SSN 1.
		handleReceivedOrderedData(
		  /*tsn*/ RemoteInitialTsn, /*ssn*/ 0, /*ppid*/ 1001);

		requireNextMessageIs(/*streamId*/ 1, /*ppid*/ 1001);

		// The peer requests a reset of all streams with a sender's last assigned TSN
		// that has not been reached yet, so the receive side enters deferred reset
		// processing and replies "in progress".
		handleReceivedOutgoingSsnResetRequestForAllStreams(
		  /*reqSeqNbr*/ RemoteInitialTsn, /*senderLastAssignedTsn*/ RemoteInitialTsn + 1);

		REQUIRE(
		  consumeSentReConfigResponseResult() ==
		  RTC::SCTP::ReconfigurationResponseParameter::Result::IN_PROGRESS);

		// A post-reset message arrives before the pre-reset one. Its TSN is beyond
		// the sender's last assigned TSN, so it must be deferred even though the
		// request listed no stream ids.
		handleReceivedOrderedData(
		  /*tsn*/ RemoteInitialTsn + 2, /*ssn*/ 0, /*ppid*/ 1003);

		REQUIRE(test.reassemblyQueue.HasMessages() == false);

		// The delayed pre-reset message arrives and is delivered.
		handleReceivedOrderedData(
		  /*tsn*/ RemoteInitialTsn + 1, /*ssn*/ 1, /*ppid*/ 1002);

		requireNextMessageIs(/*streamId*/ 1, /*ppid*/ 1002);

		// The peer retransmits the reset request now that its sender's last assigned
		// TSN has been reached, so the reset is performed.
		handleReceivedOutgoingSsnResetRequestForAllStreams(
		  /*reqSeqNbr*/ RemoteInitialTsn, /*senderLastAssignedTsn*/ RemoteInitialTsn + 1);

		REQUIRE(
		  consumeSentReConfigResponseResult() ==
		  RTC::SCTP::ReconfigurationResponseParameter::Result::SUCCESS_PERFORMED);

		// The inbound streams reset is reported with an empty stream id list, which
		// is what tells the application that all of them were reset.
		REQUIRE(test.associationListener.CountOnInboundStreamsResetCalls() == 1);
		REQUIRE(test.associationListener.HasInboundStreamsResetForStreamId(1) == false);

		// And the deferred post-reset message is now reassembled and delivered.
		requireNextMessageIs(/*streamId*/ 1, /*ppid*/ 1003);

		REQUIRE(test.reassemblyQueue.HasMessages() == false);
	}

	SECTION("a reset request with stream ids defers only those streams")
	{
		// https://datatracker.ietf.org/doc/html/rfc6525#section-5.2.2
		//
		// E3) "If specific stream numbers are listed, then only these specific
		// streams MUST be reset to 0, and all other non-listed SSNs remain
		// unchanged."

		TestStreamResetHandler test;

		// Makes the peer request an outgoing stream reset of the given streams with
		// the given sender's last assigned TSN.
		const auto handleReceivedOutgoingSsnResetRequest = [&test](
		                                                     uint32_t reqSeqNbr,
		                                                     uint32_t senderLastAssignedTsn,
		                                                     std::span<const uint16_t> streamIds) -> void
		{
			std::vector<uint8_t> buffer(test.sctpOptions.mtu);

			const std::unique_ptr<RTC::SCTP::ReConfigChunk> reConfigChunk{
				RTC::SCTP::ReConfigChunk::Factory(buffer.data(), buffer.size())
			};

			auto* parameter =
			  reConfigChunk->BuildParameterInPlace<RTC::SCTP::OutgoingSsnResetRequestParameter>();

			parameter->SetReconfigurationRequestSequenceNumber(reqSeqNbr);
			parameter->SetReconfigurationResponseSequenceNumber(0);
			parameter->SetSenderLastAssignedTsn(senderLastAssignedTsn);

			for (const auto streamId : streamIds)
			{
				parameter->AddStreamId(streamId);
			}

			parameter->Consolidate();

			test.HandleReceivedReConfigChunk(reConfigChunk.get());
		};

		// Returns the result of the RE-CONFIG response sent back to the peer.
		const auto consumeSentReConfigResponseResult =
		  [&test]() -> RTC::SCTP::ReconfigurationResponseParameter::Result
		{
			const auto sentBuffer = test.associationListener.ConsumeFirstSentPacket();

			REQUIRE(!sentBuffer.empty());

			const std::unique_ptr<RTC::SCTP::Packet> sentPacket{ RTC::SCTP::Packet::Parse(
				sentBuffer.data(), sentBuffer.size()) };

			REQUIRE(sentPacket);

			const auto* response =
			  sentPacket->GetFirstChunkOfType<RTC::SCTP::ReConfigChunk>()
			    ->GetFirstParameterOfType<RTC::SCTP::ReconfigurationResponseParameter>();

			REQUIRE(response);

			return response->GetResult();
		};

		// Feeds a received ordered chunk, complete in itself, to the receive side.
		const auto handleReceivedOrderedData =
		  [&test](uint32_t tsn, uint16_t streamId, uint16_t ssn, uint32_t ppid) -> void
		{
			test.dataTracker.Observe(tsn);

			test.reassemblyQueue.AddData(
			  tsn,
			  RTC::SCTP::UserData(
			    /*streamId*/ streamId,
			    /*ssn*/ ssn,
			    /*mid*/ 0,
			    /*fsn*/ 0,
			    /*ppid*/ ppid,
			    /*payload*/ ShortPayload,
			    /*isBeginning*/ true,
			    /*isEnd*/ true,
			    /*isUnordered*/ false));
		};

		// Takes the next reassembled message and requires it to be the expected one.
		const auto requireNextMessageIs = [&test](uint16_t streamId, uint32_t ppid) -> void
		{
			const auto message = test.reassemblyQueue.GetNextMessage();

			REQUIRE(message.has_value());
			REQUIRE(message->GetStreamId() == streamId);
			REQUIRE(message->GetPayloadProtocolId() == ppid);

			const auto payload = message->GetPayload();

			REQUIRE(std::vector<uint8_t>(payload.begin(), payload.end()) == ShortPayload);
		};

		const std::vector<uint16_t> resetStreamIds{ 1, 2 };

		// The peer requests a reset of streams 1 and 2 only, with a sender's last
		// assigned TSN that has not been reached yet.
		handleReceivedOutgoingSsnResetRequest(
		  /*reqSeqNbr*/ 0, /*senderLastAssignedTsn*/ RemoteInitialTsn + 2, resetStreamIds);

		REQUIRE(
		  consumeSentReConfigResponseResult() ==
		  RTC::SCTP::ReconfigurationResponseParameter::Result::IN_PROGRESS);

		// Before the sender's last assigned TSN, so all of them are delivered.
		handleReceivedOrderedData(
		  /*tsn*/ RemoteInitialTsn, /*streamId*/ 1, /*ssn*/ 0, /*ppid*/ 1001);
		handleReceivedOrderedData(
		  /*tsn*/ RemoteInitialTsn + 1, /*streamId*/ 2, /*ssn*/ 0, /*ppid*/ 1002);

		// At the sender's last assigned TSN, not beyond it, so delivered too.
		handleReceivedOrderedData(
		  /*tsn*/ RemoteInitialTsn + 2, /*streamId*/ 3, /*ssn*/ 0, /*ppid*/ 1003);

		// Beyond the sender's last assigned TSN and on a listed stream, so deferred.
		handleReceivedOrderedData(
		  /*tsn*/ RemoteInitialTsn + 3, /*streamId*/ 1, /*ssn*/ 0, /*ppid*/ 1004);
		handleReceivedOrderedData(
		  /*tsn*/ RemoteInitialTsn + 4, /*streamId*/ 2, /*ssn*/ 0, /*ppid*/ 1005);

		// Beyond it as well, but stream 3 is not listed, so it is delivered.
		handleReceivedOrderedData(
		  /*tsn*/ RemoteInitialTsn + 5, /*streamId*/ 3, /*ssn*/ 1, /*ppid*/ 1006);

		requireNextMessageIs(/*streamId*/ 1, /*ppid*/ 1001);
		requireNextMessageIs(/*streamId*/ 2, /*ppid*/ 1002);
		requireNextMessageIs(/*streamId*/ 3, /*ppid*/ 1003);
		requireNextMessageIs(/*streamId*/ 3, /*ppid*/ 1006);

		REQUIRE(test.reassemblyQueue.HasMessages() == false);

		// The peer requests the reset again now that its sender's last assigned TSN
		// has been reached, so the reset is performed.
		handleReceivedOutgoingSsnResetRequest(
		  /*reqSeqNbr*/ 1, /*senderLastAssignedTsn*/ RemoteInitialTsn + 3, resetStreamIds);

		REQUIRE(
		  consumeSentReConfigResponseResult() ==
		  RTC::SCTP::ReconfigurationResponseParameter::Result::SUCCESS_PERFORMED);

		// Only the listed streams are reported as reset.
		REQUIRE(test.associationListener.CountOnInboundStreamsResetCalls() == 1);
		REQUIRE(test.associationListener.HasInboundStreamsResetForStreamId(1) == true);
		REQUIRE(test.associationListener.HasInboundStreamsResetForStreamId(2) == true);
		REQUIRE(test.associationListener.HasInboundStreamsResetForStreamId(3) == false);

		// And the deferred messages of the listed streams are now delivered.
		requireNextMessageIs(/*streamId*/ 1, /*ppid*/ 1004);
		requireNextMessageIs(/*streamId*/ 2, /*ppid*/ 1005);

		REQUIRE(test.reassemblyQueue.HasMessages() == false);
	}

	// @see https://github.com/versatica/mediasoup/security/advisories/GHSA-rq7g-r9qr-rwpq
	SECTION("deferred reset processing with no stream ids ends on the cumulative ack")
	{
		// Same as the section above that bounds received Forward-TSN chunks, but
		// with a request that lists no stream ids, so that leaving deferred reset
		// processing on the cumulative ack condition is also covered for the "all
		// streams" case.

		TestStreamResetHandler test;

		// Makes the peer request an outgoing stream reset of all streams (no stream
		// ids listed) with the given sender's last assigned TSN.
		const auto handleReceivedOutgoingSsnResetRequestForAllStreams =
		  [&test](uint32_t reqSeqNbr, uint32_t senderLastAssignedTsn) -> void
		{
			std::vector<uint8_t> buffer(test.sctpOptions.mtu);

			const std::unique_ptr<RTC::SCTP::ReConfigChunk> reConfigChunk{
				RTC::SCTP::ReConfigChunk::Factory(buffer.data(), buffer.size())
			};

			auto* parameter =
			  reConfigChunk->BuildParameterInPlace<RTC::SCTP::OutgoingSsnResetRequestParameter>();

			parameter->SetReconfigurationRequestSequenceNumber(reqSeqNbr);
			parameter->SetReconfigurationResponseSequenceNumber(0);
			parameter->SetSenderLastAssignedTsn(senderLastAssignedTsn);

			// NOTE: No AddStreamId() call here, which is what means "all streams".
			parameter->Consolidate();

			test.HandleReceivedReConfigChunk(reConfigChunk.get());
		};

		// Feeds a received ordered chunk, complete in itself, to the receive side.
		const auto handleReceivedOrderedData = [&test](uint32_t tsn, uint16_t ssn, uint32_t ppid) -> void
		{
			test.dataTracker.Observe(tsn);

			test.reassemblyQueue.AddData(
			  tsn,
			  RTC::SCTP::UserData(
			    /*streamId*/ 1,
			    /*ssn*/ ssn,
			    /*mid*/ 0,
			    /*fsn*/ 0,
			    /*ppid*/ ppid,
			    /*payload*/ ShortPayload,
			    /*isBeginning*/ true,
			    /*isEnd*/ true,
			    /*isUnordered*/ false));
		};

		// Takes the next reassembled message and requires it to be the expected one.
		const auto requireNextMessageIs = [&test](uint16_t streamId, uint32_t ppid) -> void
		{
			const auto message = test.reassemblyQueue.GetNextMessage();

			REQUIRE(message.has_value());
			REQUIRE(message->GetStreamId() == streamId);
			REQUIRE(message->GetPayloadProtocolId() == ppid);

			const auto payload = message->GetPayload();

			REQUIRE(std::vector<uint8_t>(payload.begin(), payload.end()) == ShortPayload);
		};

		handleReceivedOrderedData(
		  /*tsn*/ RemoteInitialTsn, /*ssn*/ 0, /*ppid*/ 1001);

		requireNextMessageIs(/*streamId*/ 1, /*ppid*/ 1001);

		// The peer enters deferred reset processing and then never retransmits its
		// request.
		handleReceivedOutgoingSsnResetRequestForAllStreams(
		  /*reqSeqNbr*/ RemoteInitialTsn, /*senderLastAssignedTsn*/ RemoteInitialTsn + 1);

		handleReceivedOrderedData(
		  /*tsn*/ RemoteInitialTsn + 2, /*ssn*/ 0, /*ppid*/ 1003);

		REQUIRE(test.reassemblyQueue.HasMessages() == false);
		REQUIRE(test.reassemblyQueue.GetQueuedBytes() > 0);

		// The cumulative ack TSN now reaches the sender's last assigned TSN, which
		// is what must end deferred reset processing.
		handleReceivedOrderedData(
		  /*tsn*/ RemoteInitialTsn + 1, /*ssn*/ 1, /*ppid*/ 1002);

		requireNextMessageIs(/*streamId*/ 1, /*ppid*/ 1002);

		{
			const RTC::SCTP::AssociationListenerDeferrer::ScopedDeferrer deferrer(
			  test.associationListenerDeferrer);

			REQUIRE(test.streamResetHandler.MayLeaveDeferredReset() == true);
		}

		// All streams are reset, so the reported stream id list is empty.
		REQUIRE(test.associationListener.CountOnInboundStreamsResetCalls() == 1);
		REQUIRE(test.associationListener.HasInboundStreamsResetForStreamId(1) == false);

		// And the deferred message is released rather than held forever.
		requireNextMessageIs(/*streamId*/ 1, /*ppid*/ 1003);

		REQUIRE(test.reassemblyQueue.HasMessages() == false);
		REQUIRE(test.reassemblyQueue.GetQueuedBytes() == 0);
	}

	// @see https://github.com/versatica/mediasoup/security/advisories/GHSA-rq7g-r9qr-rwpq
	SECTION("received Forward-TSN chunks are bounded during deferred reset processing")
	{
		TestStreamResetHandler test;

		// Makes the peer request an outgoing stream reset with the given sender's
		// last assigned TSN.
		const auto handleReceivedOutgoingSsnResetRequest =
		  [&test](uint32_t reqSeqNbr, uint32_t senderLastAssignedTsn) -> void
		{
			std::vector<uint8_t> buffer(test.sctpOptions.mtu);

			const std::unique_ptr<RTC::SCTP::ReConfigChunk> reConfigChunk{
				RTC::SCTP::ReConfigChunk::Factory(buffer.data(), buffer.size())
			};

			auto* parameter =
			  reConfigChunk->BuildParameterInPlace<RTC::SCTP::OutgoingSsnResetRequestParameter>();

			parameter->SetReconfigurationRequestSequenceNumber(reqSeqNbr);
			parameter->SetReconfigurationResponseSequenceNumber(0);
			parameter->SetSenderLastAssignedTsn(senderLastAssignedTsn);
			parameter->AddStreamId(1);
			parameter->Consolidate();

			test.HandleReceivedReConfigChunk(reConfigChunk.get());
		};

		// Returns the result of the RE-CONFIG response sent back to the peer.
		const auto consumeSentReConfigResponseResult =
		  [&test]() -> RTC::SCTP::ReconfigurationResponseParameter::Result
		{
			const auto sentBuffer = test.associationListener.ConsumeFirstSentPacket();

			REQUIRE(!sentBuffer.empty());

			const std::unique_ptr<RTC::SCTP::Packet> sentPacket{ RTC::SCTP::Packet::Parse(
				sentBuffer.data(), sentBuffer.size()) };

			REQUIRE(sentPacket);

			const auto* response =
			  sentPacket->GetFirstChunkOfType<RTC::SCTP::ReConfigChunk>()
			    ->GetFirstParameterOfType<RTC::SCTP::ReconfigurationResponseParameter>();

			REQUIRE(response);

			return response->GetResult();
		};

		// Feeds a received packet carrying a single FORWARD-TSN chunk to the receive
		// side, doing exactly what RTC::SCTP::Association::HandleReceivedAnyForwardTsnChunk()
		// and then RTC::SCTP::Association::ReceiveSctpData() do.
		const auto handleReceivedForwardTsn =
		  [&test](
		    uint32_t newCumulativeTsn,
		    std::span<const RTC::SCTP::AnyForwardTsnChunk::SkippedStream> skippedStreams) -> void
		{
			const RTC::SCTP::AssociationListenerDeferrer::ScopedDeferrer deferrer(
			  test.associationListenerDeferrer);

			if (test.dataTracker.HandleForwardTsn(newCumulativeTsn))
			{
				test.reassemblyQueue.HandleForwardTsn(newCumulativeTsn, skippedStreams);
			}

			test.streamResetHandler.MayLeaveDeferredReset();
		};

		// The number of skipped streams that fit in a single MTU sized FORWARD-TSN
		// chunk: the SCTP common header (12 bytes), the chunk header (4 bytes) and
		// the new cumulative TSN (4 bytes), and then 4 bytes per skipped stream.
		const size_t skippedStreamsPerChunk = (test.sctpOptions.mtu - 12 - 4 - 4) / 4;

		std::vector<RTC::SCTP::AnyForwardTsnChunk::SkippedStream> skippedStreams;

		skippedStreams.reserve(skippedStreamsPerChunk);

		for (size_t i{ 0 }; i < skippedStreamsPerChunk; ++i)
		{
			skippedStreams.emplace_back(/*streamId*/ 1, /*ssn*/ static_cast<uint16_t>(i));
		}

		// The peer requests a stream reset with a sender's last assigned TSN that
		// has not been reached yet, so the receive side enters deferred reset
		// processing and replies "in progress".
		handleReceivedOutgoingSsnResetRequest(
		  /*reqSeqNbr*/ RemoteInitialTsn, /*senderLastAssignedTsn*/ RemoteInitialTsn + 1);

		REQUIRE(
		  consumeSentReConfigResponseResult() ==
		  RTC::SCTP::ReconfigurationResponseParameter::Result::IN_PROGRESS);

		// The peer now sends FORWARD-TSN chunks with ever increasing new cumulative
		// TSNs and never sends the follow-up reset request. Every such chunk is
		// beyond the sender's last assigned TSN, so it takes the deferred branch of
		// RTC::SCTP::ReassemblyQueue::HandleForwardTsn().
		//
		// The cumulative ack TSN reaches the sender's last assigned TSN with the
		// very first of them, so deferred reset processing must end there and the
		// queued bytes must never grow beyond the receive buffer.
		for (uint32_t tsn{ RemoteInitialTsn + 2 }; tsn < RemoteInitialTsn + 20000; ++tsn)
		{
			handleReceivedForwardTsn(tsn, skippedStreams);
		}

		REQUIRE(test.reassemblyQueue.GetQueuedBytes() <= test.sctpOptions.maxReceiverWindowBufferSize);
	}
}
