#include "algotest/NativeEmulator.h"

#include <cmath>
#include <cstring>

#include "algoproto/Encode.h"
#include "algoproto/Parse.h"

namespace algotest {

using algoproto::MessageType;

NativeEmulator::NativeEmulator(Options options) : options_(options) {
    if (options_.streaming_at_open) {
        streaming_ = true;
        rate_hz_ = options_.autostart_rate_hz;
        batch_ = options_.autostart_batch;
        next_index_ = 5000; // it has been streaming for a while
        next_sample_device_s_ = device_us_at(0.0) * 1e-6;
    }
}

double NativeEmulator::host_time_of_sample(std::uint32_t index) const {
    const double device_s =
        stream_first_device_s_ + static_cast<double>(index - stream_first_index_) / rate_hz_;
    return (device_s * 1e6 - options_.clock_offset_us) / (1.0 + options_.drift_ppm * 1e-6) * 1e-6;
}

std::uint32_t NativeEmulator::device_us_at(double t_s) const {
    const double us = options_.clock_offset_us + t_s * 1e6 * (1.0 + options_.drift_ppm * 1e-6);
    return static_cast<std::uint32_t>(static_cast<std::uint64_t>(std::llround(us)));
}

template <typename Message> void NativeEmulator::send(const Message& message) {
    // Encode normally, then rewrite the version when a test asks for another major version.
    std::uint8_t frame[algoproto::kMaxEncodedFrameBytes];
    std::size_t size = 0;
    if (options_.protocol_major == algoproto::kProtocolMajor) {
        size = algoproto::encode(message, seq_, frame, sizeof frame);
    } else {
        std::uint8_t plain[algoproto::kMaxEncodedFrameBytes];
        const std::size_t encoded = algoproto::encode(message, seq_, plain, sizeof plain);
        // Decode our own frame to get the payload back, then re-encode with the other `ver`.
        struct Grab : algoproto::FrameHandler {
            std::uint8_t type = 0;
            std::uint8_t payload[algoproto::kMaxPayloadBytes] = {};
            std::size_t size = 0;
            void on_frame(const algoproto::Frame& f) override {
                type = f.type;
                size = f.payload_size;
                std::memcpy(payload, f.payload, f.payload_size);
            }
        } grab;
        algoproto::StreamDecoder decoder;
        const std::uint8_t delimiter = 0;
        decoder.feed(&delimiter, 1, grab);
        decoder.feed(plain, encoded, grab);
        size = algoproto::encode_frame_with_version(options_.protocol_major, grab.type, seq_,
                                                    grab.payload, grab.size, frame, sizeof frame);
    }
    ++seq_;
    out_.append(reinterpret_cast<const char*>(frame), size);
}

void NativeEmulator::send_device_info() {
    algoproto::DeviceInfo info;
    info.protocol_major = options_.protocol_major;
    info.firmware_major = 1;
    info.firmware_minor = 2;
    info.firmware_patch = 3;
    info.capabilities = algoproto::kCapOperatorButton | algoproto::kCapPatientButton |
                        (options_.gives_cues ? algoproto::kCapCue : 0);
    std::strncpy(info.serial_number, "EMU-0001", algoproto::kSerialNumberBytes);
    info.adc_nominal_rate_hz = 1000;
    info.max_rate_hz = options_.max_rate_hz;
    info.counts_per_newton = options_.counts_per_newton;
    info.zero_offset_counts = options_.zero_offset_counts;
    info.probe_area_cm2 = options_.probe_area_cm2;
    info.full_scale_n = 200.0f;
    send(info);
}

std::string NativeEmulator::receive(std::string_view host_bytes) {
    out_.clear();
    commands_.feed(reinterpret_cast<const std::uint8_t*>(host_bytes.data()), host_bytes.size(),
                   *this);
    return std::move(out_);
}

void NativeEmulator::on_frame(const algoproto::Frame& frame) {
    if (!answering()) return;
    algoproto::Ack ack;
    ack.command_seq = frame.seq;
    ack.command_type = frame.type;
    switch (static_cast<MessageType>(frame.type)) {
    case MessageType::GetInfo:
        ++get_info_received_;
        if (ignore_get_info_ > 0) {
            --ignore_get_info_;
            return;
        }
        send_device_info();
        return;
    case MessageType::Start: {
        ++start_received_;
        algoproto::Start start;
        if (algoproto::parse(frame.payload, frame.payload_size, start) !=
                algoproto::ParseStatus::Ok ||
            start.rate_hz < algoproto::kMinRateHz || start.rate_hz > options_.max_rate_hz ||
            start.batch == 0 || start.batch > algoproto::kMaxSamplesPerFrame) {
            algoproto::Nack nack;
            nack.command_seq = frame.seq;
            nack.command_type = frame.type;
            nack.code = algoproto::NackCode::BadArgument;
            send(nack);
            return;
        }
        rate_hz_ = start.rate_hz;
        batch_ = start.batch;
        send(ack);
        if (!streaming_) next_sample_device_s_ = device_us_at(now_s_) * 1e-6;
        stream_first_index_ = next_index_;
        stream_first_device_s_ = next_sample_device_s_;
        streaming_ = true;
        pending_.count = 0;
        return;
    }
    case MessageType::Cue: {
        ++cues_received_;
        algoproto::Cue cue;
        if (!options_.gives_cues ||
            algoproto::parse(frame.payload, frame.payload_size, cue) != algoproto::ParseStatus::Ok)
            break;
        algoproto::CueShown shown;
        shown.cue_id = cue.cue_id;
        shown.index = next_index_;
        shown.t_us = device_us_at(now_s_);
        shown.outputs = cue.outputs & (algoproto::kCueLed | algoproto::kCueBuzzer);
        send(shown);
        send(ack);
        return;
    }
    case MessageType::Stop:
        ++stop_received_;
        flush_batch();
        streaming_ = false;
        send(ack);
        return;
    default: break;
    }
    // Unknown here (or a cue this device cannot give): refused, as a 1.0 device would.
    {
        algoproto::Nack nack;
        nack.command_seq = frame.seq;
        nack.command_type = frame.type;
        send(nack);
    }
}

void NativeEmulator::flush_batch() {
    if (pending_.count == 0) return;
    pending_.flags |= buttons_;
    if (drop_frames_ > 0) {
        --drop_frames_;
    } else {
        send(pending_);
    }
    pending_.count = 0;
    pending_.flags = 0;
}

void NativeEmulator::press_button(std::uint8_t button, bool pressed) {
    if (pressed) {
        buttons_ |= button;
    } else {
        buttons_ &= static_cast<std::uint8_t>(~button);
    }
    algoproto::Event event;
    event.index = next_index_;
    event.t_us = device_us_at(now_s_);
    event.button = button;
    event.pressed = pressed ? 1 : 0;
    event.buttons = buttons_;
    event.edge_t_us = event.t_us; // no debouncing here: the change is accepted at once
    if (answering()) send(event);
}

std::string NativeEmulator::advance_to(double t_s) {
    std::string produced = std::move(out_);
    out_.clear();
    if (t_s < now_s_ || !answering()) {
        now_s_ = std::max(now_s_, t_s);
        if (streaming_) next_sample_device_s_ = device_us_at(now_s_) * 1e-6;
        return produced;
    }
    const double device_now_s = device_us_at(t_s) * 1e-6;
    const double period_s = 1.0 / rate_hz_;
    while (streaming_ && next_sample_device_s_ <= device_now_s) {
        if (pending_.count == 0) {
            pending_.first_index = next_index_;
            pending_.t0_us = static_cast<std::uint32_t>(
                static_cast<std::uint64_t>(std::llround(next_sample_device_s_ * 1e6)));
            pending_.period_us = static_cast<std::uint16_t>(std::lround(1e6 / rate_hz_));
        }
        pending_.counts[pending_.count++] =
            static_cast<std::int32_t>(std::lround(force_n() * options_.counts_per_newton));
        if (overloaded()) pending_.flags |= algoproto::kFlagOverload;
        ++next_index_;
        next_sample_device_s_ += period_s;
        if (pending_.count >= batch_) flush_batch();
    }
    now_s_ = t_s;
    while (next_status_s_ <= now_s_) {
        algoproto::Status status;
        status.uptime_ms = static_cast<std::uint32_t>(next_status_s_ * 1000);
        status.state = streaming_ ? algoproto::kStateStreaming : 0;
        status.rate_hz = rate_hz_;
        status.batch = batch_;
        status.zero_counts = options_.zero_offset_counts;
        status.battery_percent = 255;
        status.error_bits = error_bits_;
        error_bits_ = 0;
        send(status);
        next_status_s_ += 1.0;
    }
    produced += out_;
    out_.clear();
    return produced;
}

std::string NativeEmulator::power_cycle() {
    out_.clear();
    streaming_ = false;
    next_index_ = 0;
    pending_.count = 0;
    buttons_ = 0;
    seq_ = 0;
    send_device_info(); // sent unasked at power-up
    return std::move(out_);
}

} // namespace algotest
