#include "algocore/drivers/NativeDriver.h"

#include <algorithm>
#include <cstdio>

#include "algoproto/Encode.h"
#include "algoproto/Parse.h"

namespace algocore {
namespace {

using algoproto::MessageType;

std::string firmware_text(const algoproto::DeviceInfo& info) {
    char text[32];
    std::snprintf(text, sizeof text, "%u.%u.%u", info.firmware_major, info.firmware_minor,
                  info.firmware_patch);
    return text;
}

// True when sample index `a` is at or after `b`, across the u32 wrap.
bool index_at_or_after(std::uint32_t a, std::uint32_t b) {
    return static_cast<std::int32_t>(a - b) >= 0;
}

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

void NativeDriver::handle_device_info(const algoproto::DeviceInfo& info) {
    if (info.protocol_major != algoproto::kProtocolMajor) {
        phase_ = Phase::Refused;
        char text[160];
        report(LinkEvent::Kind::Error, now_,
               algoproto::describe_unsupported_version(info.protocol_major, text, sizeof text));
        return;
    }
    if (!(info.counts_per_newton > 0.0f)) {
        handshake_failed("the device reports no factory calibration (counts per newton is 0)");
        return;
    }
    if (phase_ == Phase::Streaming || phase_ == Phase::AwaitingStart) {
        // Sent unasked: the device restarted (power cycle). Start it again.
        report(LinkEvent::Kind::Info, now_, "device restarted; restarting the stream");
        gap_pending_ = true;
        have_next_index_ = false;
        clock_.reset();
    } else if (phase_ != Phase::AwaitingInfo) {
        return; // a power-up DEVICE_INFO during STOP settling: GET_INFO will ask again
    }
    info_ = info;
    start_rate_hz_ = static_cast<std::uint16_t>(
        std::clamp<unsigned>(options_.native_rate_hz, algoproto::kMinRateHz,
                             info.max_rate_hz > 0 ? info.max_rate_hz : options_.native_rate_hz));
    identity_ = DeviceIdentity{};
    identity_->model = "Algoscope native device (protocol " + std::to_string(info.protocol_major) +
                       "." + std::to_string(info.protocol_minor) + ")";
    identity_->serial_number = info.serial_number;
    identity_->firmware_version = firmware_text(info);
    identity_->nominal_rate_hz = start_rate_hz_;
    identity_->probe_area_cm2 = info.probe_area_cm2;
    attempts_ = 0;
    send_start(now_);
}

std::uint8_t NativeDriver::buttons_at(std::uint32_t index, std::uint8_t frame_flags) {
    // Without EVENTs the frame's OR of button flags is the best we know.
    if (!have_button_events_)
        return frame_flags & (algoproto::kFlagOperatorButton | algoproto::kFlagPatientButton);
    while (!button_changes_.empty() && index_at_or_after(index, button_changes_.front().index)) {
        buttons_ = button_changes_.front().buttons;
        button_changes_.pop_front();
    }
    return buttons_;
}

void NativeDriver::handle_samples(const algoproto::Samples& m) {
    // Frames before DEVICE_INFO (a device already streaming) carry no usable calibration.
    if (!info_) return;
    if (phase_ == Phase::Stopped) {
        if (!have_next_index_) return; // it was never streaming for us
    } else if (phase_ != Phase::Streaming && phase_ != Phase::AwaitingStart) {
        return;
    }
    if (phase_ == Phase::AwaitingStart) enter_streaming(); // the ACK was lost; START worked
    if (have_next_index_ && m.first_index != next_index_) {
        if (index_at_or_after(m.first_index, next_index_)) {
            stats_.samples_lost += m.first_index - next_index_;
        } else {
            clock_.reset(); // the index went back: the device restarted under us
        }
        gap_pending_ = true;
    }
    have_next_index_ = true;
    next_index_ = m.first_index + m.count;

    // The frame leaves the device right after its last sample: that instant pairs with arrival.
    const std::uint32_t last_us = m.t0_us + static_cast<std::uint32_t>(m.count - 1) * m.period_us;
    clock_.observe(last_us, now_);

    const double newtons_per_count = 1.0 / static_cast<double>(info_->counts_per_newton);
    std::uint8_t flags = 0;
    if (m.flags & algoproto::kFlagOverload) flags |= kOverload;
    if (m.flags & algoproto::kFlagAdcSaturated) flags |= kAdcSaturated;
    for (std::uint8_t i = 0; i < m.count; ++i) {
        RawSample s;
        const std::uint32_t t_us = m.t0_us + static_cast<std::uint32_t>(i) * m.period_us;
        // Never later than the arrival that carried it, never before the previous sample.
        s.t = std::min(clock_.to_host(t_us), now_);
        if (s.t < last_sample_t_) s.t = last_sample_t_;
        last_sample_t_ = s.t;
        s.raw_counts = m.counts[i];
        s.has_raw = true;
        s.force_n = static_cast<double>(m.counts[i]) * newtons_per_count;
        s.device_index = m.first_index + i;
        s.has_device_index = true;
        s.buttons = buttons_at(s.device_index, m.flags);
        s.flags = flags;
        if (gap_pending_) {
            s.flags |= kGapBefore;
            gap_pending_ = false;
        }
        ++stats_.samples;
        rate_.record(now_);
        link_->emit(s);
    }
}

void NativeDriver::handle_event(const algoproto::Event& e) {
    if (!info_) return;
    have_button_events_ = true;
    button_changes_.push_back({e.index, e.buttons});
    LinkEvent event;
    event.kind = LinkEvent::Kind::Button;
    event.t = clock_.has_fit() ? std::min(clock_.to_host(e.t_us), now_) : now_;
    event.button = e.button;
    event.pressed = e.pressed != 0;
    event.device_index = e.index;
    event.message = std::string(e.button == algoproto::kPatientButton ? "patient" : "operator") +
                    " button " + (event.pressed ? "pressed" : "released");
    link_->report(event);
}

void NativeDriver::handle_status(const algoproto::Status& status) {
    if (phase_ != Phase::Streaming) return;
    if (!(status.state & algoproto::kStateStreaming) &&
        seconds_between(phase_since_, now_) > kReplyTimeoutS) {
        // A heartbeat that says "not streaming" while we think it is: it restarted and lost
        // its mode. Ask again.
        report(LinkEvent::Kind::Info, now_, "device stopped streaming; sending START again");
        gap_pending_ = true;
        attempts_ = 0;
        send_start(now_);
    }
}

} // namespace algocore
