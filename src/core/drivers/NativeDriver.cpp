#include "algocore/drivers/NativeDriver.h"

#include <algorithm>

#include "algoproto/Encode.h"
#include "algoproto/Parse.h"

namespace algocore {
namespace {

using algoproto::MessageType;

} // namespace

NativeDriver::NativeDriver(const DriverOptions& options) : options_(options), baud_(options.baud) {}

void NativeDriver::report(LinkEvent::Kind kind, SteadyTime t, std::string message) {
    LinkEvent event;
    event.kind = kind;
    event.t = t;
    event.message = std::move(message);
    link_->report(event);
}

template <typename Message> void NativeDriver::send_command(const Message& message) {
    std::uint8_t frame[algoproto::kMaxEncodedFrameBytes];
    const std::size_t size = algoproto::encode(message, next_seq_, frame, sizeof frame);
    ++next_seq_;
    if (size > 0) link_->send({frame, size});
}

void NativeDriver::start(SteadyTime now, DriverLink& link) {
    link_ = &link;
    now_ = now;
    rate_.reset(now);
    baud_.reset();
    lost_reported_ = false;
    failure_reported_ = false;
    last_frame_at_ = now;
    begin_handshake(now);
}

void NativeDriver::begin_handshake(SteadyTime now) {
    // Quiet a device that may already be streaming; its frames in flight are not errors.
    phase_ = Phase::Stopping;
    phase_since_ = now;
    attempts_ = 0;
    have_next_index_ = false;
    clock_.reset();
    button_changes_.clear();
    send_command(algoproto::Stop{});
}

void NativeDriver::send_get_info(SteadyTime now) {
    // Drop whatever the device sent before it went quiet, then ask who it is.
    link_->discard_input();
    decoder_ = algoproto::StreamDecoder{};
    ++attempts_;
    phase_ = Phase::AwaitingInfo;
    phase_since_ = now;
    send_command(algoproto::GetInfo{});
}

void NativeDriver::send_start(SteadyTime now) {
    ++attempts_;
    phase_ = Phase::AwaitingStart;
    phase_since_ = now;
    algoproto::Start start;
    start.rate_hz = start_rate_hz_;
    start.batch = static_cast<std::uint8_t>(
        std::clamp<unsigned>(options_.native_batch, algoproto::kMinBatch,
                             static_cast<unsigned>(algoproto::kMaxSamplesPerFrame)));
    start_seq_ = next_seq_;
    send_command(start);
}

void NativeDriver::handshake_failed(const std::string& why) {
    phase_ = Phase::WaitingToRetry;
    phase_since_ = now_;
    // Say it once; keep retrying quietly (the device may be booting or being plugged in).
    if (!failure_reported_) {
        failure_reported_ = true;
        report(LinkEvent::Kind::Error, now_, why);
    }
}

void NativeDriver::on_bytes(const ByteChunk& chunk, DriverLink& link) {
    link_ = &link;
    now_ = chunk.arrival;
    if (chunk.bytes.empty()) return;
    baud_.on_bytes(chunk.arrival);
    decoder_.feed(chunk.bytes.data(), chunk.bytes.size(), *this);
}

void NativeDriver::on_tick(SteadyTime now, DriverLink& link) {
    link_ = &link;
    now_ = now;
    if (phase_ == Phase::Stopped) return;
    if (phase_ != Phase::Refused) {
        if (auto message = baud_.check(now)) report(LinkEvent::Kind::Error, now, *message);
    }
    const double in_phase_s = seconds_between(phase_since_, now);
    switch (phase_) {
    case Phase::Stopping:
        if (in_phase_s >= kStopSettleS) send_get_info(now);
        break;
    case Phase::AwaitingInfo:
        if (in_phase_s < kReplyTimeoutS) break;
        if (attempts_ < kMaxAttempts) {
            // Purge and ask again: STOP first in case the device only just woke up streaming.
            send_command(algoproto::Stop{});
            send_get_info(now);
        } else {
            handshake_failed("no DEVICE_INFO from the device after " +
                             std::to_string(kMaxAttempts) + " GET_INFO attempts at " +
                             std::to_string(options_.baud) +
                             " baud \u2014 is it an Algoscope native device?");
        }
        break;
    case Phase::AwaitingStart:
        if (in_phase_s < kReplyTimeoutS) break;
        if (attempts_ < kMaxAttempts) {
            send_start(now);
        } else {
            handshake_failed("the device did not acknowledge START after " +
                             std::to_string(kMaxAttempts) + " attempts");
        }
        break;
    case Phase::Streaming:
        if (!lost_reported_ && seconds_between(last_frame_at_, now) > kHeartbeatTimeoutS) {
            lost_reported_ = true;
            gap_pending_ = true;
            report(LinkEvent::Kind::Disconnected, now, "device stopped answering");
            phase_ = Phase::WaitingToRetry;
            phase_since_ = now;
        }
        break;
    case Phase::WaitingToRetry:
        if (in_phase_s >= kRetryHandshakeAfterS) begin_handshake(now);
        break;
    case Phase::Refused:
    case Phase::Stopped: break;
    }
    rate_.update(now);
    stats_.achieved_rate_hz = rate_.rate_hz();
}

void NativeDriver::stop(DriverLink& link) {
    link_ = &link;
    // Leave the device quiet, as a fresh power-up would be. From here on no answer still on
    // the wire (DEVICE_INFO, a "not streaming" STATUS, a late ACK) starts it again.
    if (phase_ != Phase::Refused && phase_ != Phase::Stopped) send_command(algoproto::Stop{});
    phase_ = Phase::Stopped;
}

bool NativeDriver::request_cue(std::uint16_t cue_id, std::uint16_t duration_ms, DriverLink& link) {
    link_ = &link;
    if (phase_ != Phase::Streaming || !info_ || (info_->capabilities & algoproto::kCapCue) == 0)
        return false;
    algoproto::Cue cue;
    cue.cue_id = cue_id;
    cue.outputs = algoproto::kCueLed | algoproto::kCueBuzzer;
    cue.duration_ms = duration_ms;
    send_command(cue);
    return true;
}

void NativeDriver::report_frame_error(std::string_view category, const std::string& message) {
    if (auto text = errors_.admit(category, message, now_))
        report(LinkEvent::Kind::Error, now_, std::move(*text));
}

void NativeDriver::on_error(algoproto::DecodeError error, std::uint8_t detail) {
    if (error == algoproto::DecodeError::UnsupportedVersion) {
        // A well-formed frame of another major version: talking on would be guesswork.
        baud_.on_valid();
        if (phase_ != Phase::Refused) {
            phase_ = Phase::Refused;
            char text[160];
            report(LinkEvent::Kind::Error, now_,
                   algoproto::describe_unsupported_version(detail, text, sizeof text));
        }
        return;
    }
    ++stats_.bad_frames;
    gap_pending_ = gap_pending_ || phase_ == Phase::Streaming;
    report_frame_error("corrupted frame",
                       std::string("corrupted frame dropped: ") + algoproto::to_string(error));
}

void NativeDriver::on_frame(const algoproto::Frame& frame) {
    baud_.on_valid();
    last_frame_at_ = now_;
    if (phase_ == Phase::Refused) return;
    // Stopped: the last partial batch is still data; nothing else is acted on.
    if (phase_ == Phase::Stopped && frame.type != static_cast<std::uint8_t>(MessageType::Samples))
        return;

    const auto parse_failed = [&](algoproto::ParseStatus status) {
        ++stats_.bad_frames;
        report_frame_error("malformed frame", std::string("malformed ") +
                                                  algoproto::type_name(frame.type) +
                                                  " frame: " + algoproto::to_string(status));
    };
    switch (static_cast<MessageType>(frame.type)) {
    case MessageType::DeviceInfo: {
        algoproto::DeviceInfo info;
        const auto status = algoproto::parse(frame.payload, frame.payload_size, info);
        if (status != algoproto::ParseStatus::Ok) return parse_failed(status);
        handle_device_info(info);
        return;
    }
    case MessageType::Samples: {
        algoproto::Samples samples;
        const auto status = algoproto::parse(frame.payload, frame.payload_size, samples);
        if (status != algoproto::ParseStatus::Ok) return parse_failed(status);
        handle_samples(samples);
        return;
    }
    case MessageType::Event: {
        algoproto::Event event;
        const auto status = algoproto::parse(frame.payload, frame.payload_size, event);
        if (status != algoproto::ParseStatus::Ok) return parse_failed(status);
        handle_event(event);
        return;
    }
    case MessageType::CueShown: {
        algoproto::CueShown shown;
        const auto status = algoproto::parse(frame.payload, frame.payload_size, shown);
        if (status != algoproto::ParseStatus::Ok) return parse_failed(status);
        handle_cue_shown(shown);
        return;
    }
    case MessageType::Status: {
        algoproto::Status status_message;
        const auto status = algoproto::parse(frame.payload, frame.payload_size, status_message);
        if (status != algoproto::ParseStatus::Ok) return parse_failed(status);
        handle_status(status_message);
        return;
    }
    case MessageType::Ack: {
        algoproto::Ack ack;
        if (algoproto::parse(frame.payload, frame.payload_size, ack) != algoproto::ParseStatus::Ok)
            return;
        if (phase_ == Phase::AwaitingStart && ack.command_seq == start_seq_ &&
            ack.command_type == static_cast<std::uint8_t>(MessageType::Start)) {
            enter_streaming();
        }
        return;
    }
    case MessageType::Nack: {
        algoproto::Nack nack;
        if (algoproto::parse(frame.payload, frame.payload_size, nack) != algoproto::ParseStatus::Ok)
            return;
        ++stats_.device_errors;
        if (phase_ == Phase::AwaitingStart && nack.command_seq == start_seq_) {
            handshake_failed(std::string("the device refused START at ") +
                             std::to_string(start_rate_hz_) +
                             " Hz: " + algoproto::to_string(nack.code));
        } else {
            report(LinkEvent::Kind::Error, now_,
                   std::string("the device refused ") + algoproto::type_name(nack.command_type) +
                       ": " + algoproto::to_string(nack.code));
        }
        return;
    }
    default:
        // Unknown or host-bound types from a later minor version: ignored by design.
        return;
    }
}

void NativeDriver::enter_streaming() {
    phase_ = Phase::Streaming;
    phase_since_ = now_;
    failure_reported_ = false;
    const bool again = lost_reported_;
    lost_reported_ = false;
    std::string text = again ? "device answering again: " : "";
    text += identity_->model;
    if (!identity_->serial_number.empty()) text += ", serial " + identity_->serial_number;
    text +=
        ", firmware " + identity_->firmware_version + ", " + std::to_string(start_rate_hz_) + " Hz";
    report(LinkEvent::Kind::Connected, now_, std::move(text));
}

} // namespace algocore
