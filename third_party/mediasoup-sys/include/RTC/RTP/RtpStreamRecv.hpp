#ifndef MS_RTC_RTP_RTP_STREAM_RECV_HPP
#define MS_RTC_RTP_RTP_STREAM_RECV_HPP

#include "common.hpp"
#include "handles/TimerHandleInterface.hpp"
#include "RTC/NackGenerator.hpp"
#include "RTC/RTCP/Packet.hpp"
#include "RTC/RTCP/ReceiverReport.hpp"
#include "RTC/RTCP/SenderReport.hpp"
#include "RTC/RTCP/XrDelaySinceLastRr.hpp"
#include "RTC/RTP/RtpStream.hpp"
#include "RTC/RateCalculator.hpp"
#include <vector>

namespace RTC
{
	namespace RTP
	{
		class RtpStreamRecv : public RTP::RtpStream,
		                      public RTC::NackGenerator::Listener,
		                      public TimerHandleInterface::Listener
		{
		public:
			/**
			 * How far the RTP timestamp of a packet may be from the last received
			 * `abs-capture-time` RTP header extension for its capture instant to still be
			 * interpolated from it (ms).
			 *
			 * @remarks
			 * - Same value libwebrtc uses in `AbsoluteCaptureTimeInterpolator`, which
			 *   pairs with senders emitting the extension at least once per second.
			 */
			static constexpr int64_t MaxAbsCaptureTimeInterpolationMs{ 5000 };
			/**
			 * How far the RTP timestamp of a packet may be from the last received RTCP
			 * Sender Report for its capture instant to still be interpolated from it (ms).
			 */
			static constexpr int64_t MaxSenderReportInterpolationMs{ 10000 };

		public:
			class Listener : public RTP::RtpStream::Listener
			{
			public:
				virtual void OnRtpStreamSendRtcpPacket(
				  RTP::RtpStreamRecv* rtpStream, RTC::RTCP::Packet* packet) = 0;
				/**
				 * Obtains the worst remote fraction lost of all the RtpStreamSend
				 * streams consuming this RtpStreamRecv.
				 */
				virtual uint8_t OnRtpStreamNeedWorstRemoteFractionLost(RTP::RtpStreamRecv* rtpStream) = 0;
				/**
				 * A spatial layer of this stream started or stopped carrying traffic, so
				 * whoever chose a target layer out of them must choose again.
				 *
				 * @remarks
				 * - Only fired by streams with more than a spatial layer, which are those
				 *   of a SVC sender.
				 */
				virtual void OnRtpStreamSpatialLayerActivityChanged(
				  RTP::RtpStreamRecv* rtpStream, uint8_t spatialLayer, bool isActive) = 0;
			};

		public:
			class TransmissionCounter
			{
			public:
				TransmissionCounter(
				  SharedInterface* shared, uint8_t spatialLayers, uint8_t temporalLayers, int64_t windowSizeMs);

			public:
				void Update(const RTP::Packet* packet);

				/**
				 * Bitrate of every spatial layer and every temporal layer.
				 */
				int64_t GetBitrate(int64_t nowMs);

				/**
				 * Bitrate of the given spatial layer and of all the ones below it, in
				 * all of them up to the given temporal layer.
				 *
				 * @remarks
				 * - This is what a receiver gets when told to decode the given layers in
				 *   full SVC, where a frame of a lower spatial layer is dropped along
				 *   with the rest of its picture if its temporal layer is above the
				 *   given one.
				 *
				 * @returns Zero if the given layers are not being received.
				 */
				int64_t GetCumulativeBitrate(int64_t nowMs, uint8_t spatialLayer, uint8_t temporalLayer);

				/**
				 * Bitrate of every temporal layer of the given spatial layer.
				 */
				int64_t GetSpatialLayerBitrate(int64_t nowMs, uint8_t spatialLayer);

				/**
				 * Bitrate of the given temporal layer of the given spatial layer and of
				 * all the temporal layers below it.
				 *
				 * @remarks
				 * - This is what a receiver gets when told to decode the given layers in
				 *   K-SVC or in Simulcast, where a single spatial layer is forwarded.
				 */
				int64_t GetCumulativeTemporalLayerBitrate(
				  int64_t nowMs, uint8_t spatialLayer, uint8_t temporalLayer);

				/**
				 * Bitrate of the given temporal layer of the given spatial layer alone.
				 */
				int64_t GetTemporalLayerBitrate(int64_t nowMs, uint8_t spatialLayer, uint8_t temporalLayer);

				uint64_t GetPacketCount() const;

				uint64_t GetBytes() const;

			private:
				std::vector<std::vector<RTC::RtpDataCounter>> spatialLayerCounters;
			};

		private:
			/**
			 * Data of a received RTCP Sender Report needed to report LSR and DLSR back in a
			 * Receiver Report.
			 */
			struct SenderReportTiming
			{
				/**
				 * Middle 32 bits out of 64 in the NTP timestamp of the Sender Report.
				 */
				uint32_t compactNtp;
				/**
				 * Local time at which the Sender Report arrived.
				 */
				int64_t receivedAtUs;
			};

			/**
			 * Capture instant carried by an `abs-capture-time` RTP header extension, together
			 * with the RTP timestamp it refers to.
			 */
			struct AbsCaptureTime
			{
				/**
				 * RTP timestamp the capture instant below refers to.
				 */
				uint32_t ts;
				/**
				 * Capture instant in the remote sender's wall clock (us).
				 */
				int64_t ntpUs;
			};

		public:
			RtpStreamRecv(
			  RTP::RtpStreamRecv::Listener* listener,
			  SharedInterface* shared,
			  RTP::RtpStream::Params& params,
			  int64_t sendNackDelayMs,
			  bool useRtpInactivityCheck);

			~RtpStreamRecv() override;

		public:
			flatbuffers::Offset<FBS::RtpStream::Stats> FillBufferStats(
			  flatbuffers::FlatBufferBuilder& builder) override;

			bool ReceivePacket(RTP::Packet* packet, int64_t receivedAtUs);

			/**
			 * sfu patch: a packet the application made on this host and handed over in
			 * a batch (`DirectTransport`), not one that crossed a network. It keeps what
			 * the stream's consumers and stats rely on (sequence tracking, hence the
			 * score; codec processing; the per-layer counters, whose bitrate a consumer's
			 * bandwidth estimation asks for; packet and byte counts; activity) and skips
			 * what only a network packet needs: the NACK generator (nothing is lost
			 * inside a process), jitter, the capture time, and the media counter's
			 * bitrate window (its count is kept: the score reads it).
			 */
			bool ReceiveLocalPacket(RTP::Packet* packet);

			bool ReceiveRtxPacket(RTP::Packet* packet);

			RTC::RTCP::ReceiverReport* GetRtcpReceiverReport();

			RTC::RTCP::ReceiverReport* GetRtxRtcpReceiverReport();

			void ReceiveRtcpSenderReport(RTC::RTCP::SenderReport* report, int64_t receivedAtUs);

			void ReceiveRtxRtcpSenderReport(RTC::RTCP::SenderReport* report, int64_t receivedAtUs);

			/**
			 * @returns Round trip time just measured (ms), or no value if this report
			 *   refers to no Receiver Reference Time to measure it against.
			 */
			std::optional<float> ReceiveRtcpXrDelaySinceLastRr(
			  RTC::RTCP::DelaySinceLastRr::SsrcInfo* ssrcInfo, int64_t receivedAtUs);

			/**
			 * Local time at which the last RTCP Sender Report arrived.
			 *
			 * @returns No value if no Sender Report has arrived yet.
			 */
			std::optional<int64_t> GetSenderReportReceivedAtUs() const
			{
				if (!this->lastSenderReportTiming.has_value())
				{
					return std::nullopt;
				}

				return this->lastSenderReportTiming.value().receivedAtUs;
			}

			/**
			 * Capture instant of the given RTP timestamp, expressed in the remote sender's
			 * wall clock, interpolated from the last received `abs-capture-time` RTP header
			 * extension.
			 *
			 * @param ts - RTP timestamp whose capture instant is wanted.
			 *
			 * @returns No value if no such extension has been received, or if the given RTP
			 * timestamp is too far away from the one it referred to.
			 */
			std::optional<int64_t> GetRemoteCaptureAtUsFromAbsCaptureTime(uint32_t ts) const;

			/**
			 * Whether the 'abs-capture-time' RTP header extension has ever been received
			 * on this stream.
			 *
			 * @remarks
			 * - It is not the same as being able to tell a capture instant from it, which
			 *   also depends on how far the wanted RTP timestamp falls from the one it
			 *   referred to.
			 */
			bool HasAbsCaptureTime() const
			{
				return this->lastAbsCaptureTime.has_value();
			}

			/**
			 * Capture instant of the given RTP timestamp, expressed in the remote sender's
			 * wall clock, interpolated from the last received RTCP Sender Report.
			 *
			 * @param ts - RTP timestamp whose capture instant is wanted.
			 *
			 * @returns No value if no Sender Report has been received, or if the given RTP
			 * timestamp is too far away from the one it reported.
			 */
			std::optional<int64_t> GetRemoteCaptureAtUsFromSenderReport(uint32_t ts) const;

			void RequestKeyFrame();

			void Pause() override;

			void Resume() override;

			int64_t GetBitrate(int64_t nowMs) override
			{
				return this->transmissionCounter.GetBitrate(nowMs);
			}

			/**
			 * Bitrate of the given spatial layer and of all the ones below it, in all
			 * of them up to the given temporal layer.
			 *
			 * @remarks
			 * - This is what a receiver gets when told to decode the given layers in
			 *   full SVC, where a frame of a lower spatial layer is dropped along with
			 *   the rest of its picture if its temporal layer is above the given one.
			 *
			 * @returns Zero if the given layers are not being received.
			 */
			int64_t GetCumulativeBitrate(int64_t nowMs, uint8_t spatialLayer, uint8_t temporalLayer)
			{
				return this->transmissionCounter.GetCumulativeBitrate(nowMs, spatialLayer, temporalLayer);
			}

			/**
			 * Bitrate of every temporal layer of the given spatial layer.
			 */
			int64_t GetSpatialLayerBitrate(int64_t nowMs, uint8_t spatialLayer)
			{
				return this->transmissionCounter.GetSpatialLayerBitrate(nowMs, spatialLayer);
			}

			/**
			 * Bitrate of the given temporal layer of the given spatial layer and of all
			 * the temporal layers below it.
			 *
			 * @remarks
			 * - This is what a receiver gets when told to decode the given layers in
			 *   K-SVC or in Simulcast, where a single spatial layer is forwarded.
			 */
			int64_t GetCumulativeTemporalLayerBitrate(int64_t nowMs, uint8_t spatialLayer, uint8_t temporalLayer)
			{
				return this->transmissionCounter.GetCumulativeTemporalLayerBitrate(
				  nowMs, spatialLayer, temporalLayer);
			}

			/**
			 * Bitrate of the given temporal layer of the given spatial layer alone.
			 */
			int64_t GetTemporalLayerBitrate(int64_t nowMs, uint8_t spatialLayer, uint8_t temporalLayer)
			{
				return this->transmissionCounter.GetTemporalLayerBitrate(nowMs, spatialLayer, temporalLayer);
			}

			bool HasRtpInactivityCheckEnabled() const
			{
				return this->useRtpInactivityCheck;
			}

		private:
			void CalculateJitter(uint32_t rtpTimestamp, int64_t receivedAtUs);

			void UpdateScore();

			/**
			 * Interpolate the capture instant of `ts` from a reference pair, all of them
			 * expressed in the remote sender's wall clock.
			 *
			 * @param referenceNtpUs - Capture instant of `referenceTs`.
			 * @param referenceTs - RTP timestamp the reference instant refers to.
			 * @param ts - RTP timestamp whose capture instant is wanted.
			 * @param maxDistanceUs - How far `ts` may be from `referenceTs`.
			 */
			std::optional<int64_t> InterpolateRemoteCaptureAtUs(
			  int64_t referenceNtpUs, uint32_t referenceTs, uint32_t ts, int64_t maxDistanceUs) const;

			/* Pure virtual methods inherited from RTP::RtpStream. */
		public:
			void UserOnSequenceNumberReset() override;

			/* Pure virtual methods inherited from TimerHandleInterface. */
		protected:
			void OnTimer(TimerHandleInterface* timer) override;

			/* Pure virtual methods inherited from RTC::NackGenerator. */
		protected:
			void OnNackGeneratorNackRequired(const std::vector<uint16_t>& seqNumbers) override;

			void OnNackGeneratorKeyFrameRequired() override;

		private:
			// Passed by argument.
			const int64_t sendNackDelayMs;
			const bool useRtpInactivityCheck;
			// Others.
			// Packets expected at last interval.
			// NOTE: As wide as GetExpectedPackets(), which wraps with the sequence
			// number, so that the difference against it is taken in its own width.
			uint32_t expectedPrior{ 0 };
			// Packets expected at last interval for score calculation.
			uint32_t expectedPriorScore{ 0 };
			// Packets received at last interval.
			// NOTE: As wide as the counter it snapshots, which does not wrap, so that
			// the difference against it stays exact however long the stream runs.
			uint64_t receivedPrior{ 0 };
			// Packets received at last interval for score calculation.
			uint64_t receivedPriorScore{ 0 };
			// Timing data of the most recent Sender Report received.
			std::optional<SenderReportTiming> lastSenderReportTiming;
			// Most recent `abs-capture-time` RTP header extension received.
			std::optional<AbsCaptureTime> lastAbsCaptureTime;
			// Relative transit time for prev packet.
			int32_t transit{ 0 };
			uint8_t firSeqNumber{ 0 };
			int32_t reportedPacketsLost{ 0 };
			std::unique_ptr<RTC::NackGenerator> nackGenerator;
			const std::unique_ptr<TimerHandleInterface> inactivityCheckPeriodicTimer;
			bool inactive{ false };
			const std::unique_ptr<TimerHandleInterface> spatialLayersActivityCheckPeriodicTimer;
			// Whether each spatial layer was carrying traffic at the latest check.
			// Empty unless this stream has more than a spatial layer.
			std::vector<bool> spatialLayersActivity;
			// Valid media + valid RTX.
			TransmissionCounter transmissionCounter;
			// Just valid media.
			RTC::RtpDataCounter mediaTransmissionCounter;
			// Template dependency structure for Dependency Descriptor.
			std::unique_ptr<RTP::Codecs::DependencyDescriptor::TemplateDependencyStructure>
			  templateDependencyStructure;
		};
	} // namespace RTP
} // namespace RTC

#endif
