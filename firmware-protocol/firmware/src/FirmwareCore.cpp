#include "algoproto/firmware/FirmwareCore.h"

#include "algoproto/Encode.h"
#include "algoproto/Parse.h"

namespace algoproto::firmware {
namespace {

constexpr std::uint32_t kMicrosPerSecond = 1000000;

// The lower limit wins over a misconfigured max_rate_hz, so the period is never zero.
std::uint16_t clamp_rate(std::uint16_t rate_hz, std::uint16_t max_rate_hz) {
    if (rate_hz > max_rate_hz) {
        rate_hz = max_rate_hz;
    }
    return rate_hz < kMinRateHz ? kMinRateHz : rate_hz;
}

std::uint8_t clamp_batch(std::uint8_t batch) {
    if (batch < kMinBatch) {
        return kMinBatch;
    }
    return batch > kMaxSamplesPerFrame ? static_cast<std::uint8_t>(kMaxSamplesPerFrame) : batch;
}

bool is_due(std::uint32_t now_us, std::uint32_t due_us) {
    // Signed difference, so the comparison survives the 2^32 wrap of micros().
    return static_cast<std::int32_t>(now_us - due_us) >= 0;
}

} // namespace

FirmwareCore::FirmwareCore(Hal& hal, const DeviceConfig& config) : hal_(hal), config_(config) {
    const std::uint32_t now = hal_.micros();
    last_micros_ = now;
    next_status_us_ = now + kStatusPeriodUs;
    zero_counts_ = config_.zero_offset_counts;
    set_rate(config_.adc_nominal_rate_hz, config_.default_batch);
    next_sample_us_ = now;

    // Power-up: a lone delimiter lets the host drop whatever half frame it holds, then the
    // identity, so a host sees a power cycle as a fresh DEVICE_INFO.
    const std::uint8_t delimiter = kFrameDelimiter;
    hal_.uart_write(&delimiter, 1);
    send(device_info());
    streaming_ = config_.autostart;
}

DeviceInfo FirmwareCore::device_info() const {
    DeviceInfo info;
    info.firmware_major = config_.firmware_major;
    info.firmware_minor = config_.firmware_minor;
    info.firmware_patch = config_.firmware_patch;
    info.capabilities = config_.capabilities;
    const char* serial = config_.serial_number != nullptr ? config_.serial_number : "";
    for (std::size_t i = 0; i < kSerialNumberBytes && serial[i] != '\0'; ++i) {
        info.serial_number[i] = serial[i];
    }
    info.adc_nominal_rate_hz = config_.adc_nominal_rate_hz;
    info.max_rate_hz = config_.max_rate_hz;
    info.counts_per_newton = config_.counts_per_newton;
    info.zero_offset_counts = config_.zero_offset_counts;
    info.probe_area_cm2 = config_.probe_area_cm2;
    info.full_scale_n = config_.full_scale_n;
    return info;
}

void FirmwareCore::on_uart_rx(const std::uint8_t* data, std::size_t size) {
    rx_.feed(data, size, rx_handler_);
}

void FirmwareCore::poll() {
    const std::uint32_t now = hal_.micros();
    update_uptime(now);
    debounce_buttons(now);
    end_cue_when_due(now);

    // Take every sample that is due, on the fixed grid next_sample_us_ + k * period_us_.
    std::uint32_t taken = 0;
    while (is_due(now, next_sample_us_)) {
        if (taken == kMaxCatchUpSamples) {
            // The main loop stalled: skip what is left rather than burst old readings.
            const std::uint32_t behind = (now - next_sample_us_) / period_us_ + 1;
            skip_samples(behind);
            next_sample_us_ += behind * period_us_;
            break;
        }
        take_sample(next_sample_us_);
        next_sample_us_ += period_us_;
        ++taken;
    }

    if (is_due(now, next_status_us_)) {
        send_status(now);
        next_status_us_ += kStatusPeriodUs;
        if (is_due(now, next_status_us_)) {
            next_status_us_ = now + kStatusPeriodUs;
        }
    }
}

void FirmwareCore::update_uptime(std::uint32_t now_us) {
    uptime_us_ += static_cast<std::uint32_t>(now_us - last_micros_);
    last_micros_ = now_us;
}

void FirmwareCore::set_rate(std::uint16_t rate_hz, std::uint8_t batch) {
    rate_hz_ = clamp_rate(rate_hz, config_.max_rate_hz);
    // The period is what the device really uses; rounding to whole microseconds.
    period_us_ = static_cast<std::uint16_t>((kMicrosPerSecond + rate_hz_ / 2u) / rate_hz_);
    batch_ = clamp_batch(batch);
}

void FirmwareCore::take_sample(std::uint32_t t_us) {
    std::int32_t adc = 0;
    const bool ok = hal_.read_adc(adc);
    if (tare_remaining_ > 0) {
        add_tare_reading(ok, adc);
    }
    if (!ok) {
        // No reading: the sample slot is lost; the index gap tells the host.
        error_bits_ |= kErrorAdcFault;
        skip_samples(1);
        return;
    }
    std::uint8_t flags = buttons_stable_;
    if (adc >= kAdcMaxCounts || adc <= kAdcMinCounts) {
        flags |= kFlagAdcSaturated;
        error_bits_ |= kErrorAdcSaturated;
    }
    std::int32_t net = adc - zero_counts_;
    if (net > kAdcMaxCounts || net < kAdcMinCounts) {
        // Does not fit int24 on the wire: clamp and say so.
        net = net > kAdcMaxCounts ? kAdcMaxCounts : kAdcMinCounts;
        flags |= kFlagAdcSaturated;
        error_bits_ |= kErrorAdcSaturated;
    }
    if (config_.full_scale_n > 0.0f && config_.counts_per_newton > 0.0f) {
        const float force_n = static_cast<float>(net) / config_.counts_per_newton;
        if (force_n > config_.full_scale_n || -force_n > config_.full_scale_n) {
            flags |= kFlagOverload;
            error_bits_ |= kErrorOverload;
        }
    }
    if (!streaming_) {
        return;
    }
    if (pending_.count == 0) {
        pending_.first_index = next_index_;
        pending_.t0_us = t_us;
        pending_.period_us = period_us_;
        pending_.flags = 0;
    }
    pending_.counts[pending_.count++] = net;
    pending_.flags |= flags;
    ++next_index_;
    ++counters_.samples_taken;
    if (pending_.count >= batch_) {
        flush_batch();
    }
}

void FirmwareCore::add_tare_reading(bool ok, std::int32_t adc_counts) {
    if (!ok || adc_counts >= kAdcMaxCounts || adc_counts <= kAdcMinCounts) {
        tare_failed_ = true;
    } else {
        tare_sum_ += adc_counts;
    }
    if (--tare_remaining_ > 0) {
        return;
    }
    const auto tare_type = static_cast<std::uint8_t>(MessageType::Tare);
    if (tare_failed_) {
        nack(tare_seq_, tare_type, NackCode::TareFailed);
        return;
    }
    // Mean of the readings, rounded to nearest.
    const std::int64_t n = kTareSamples;
    const std::int64_t half = tare_sum_ >= 0 ? n / 2 : -n / 2;
    const std::int32_t new_zero = static_cast<std::int32_t>((tare_sum_ + half) / n);
    // Samples already in the batch used the old zero; send them before the zero changes.
    flush_batch();
    zero_counts_ = new_zero;
    ack(tare_seq_, tare_type);
}

void FirmwareCore::skip_samples(std::uint32_t n) {
    error_bits_ |= kErrorSamplesSkipped;
    if (!streaming_) {
        return;
    }
    // A batch holds consecutive indices only, so what was collected goes out first.
    flush_batch();
    next_index_ += n;
    counters_.samples_skipped += n;
}

void FirmwareCore::flush_batch() {
    if (pending_.count == 0) {
        return;
    }
    send(pending_);
    pending_.count = 0;
}

void FirmwareCore::debounce_buttons(std::uint32_t now_us) {
    const std::uint8_t raw = hal_.read_buttons() & (kOperatorButton | kPatientButton);
    for (int i = 0; i < kButtonCount; ++i) {
        const auto bit = static_cast<std::uint8_t>(1u << i);
        if ((raw & bit) != (buttons_candidate_ & bit)) {
            // Level changed: restart this button's stability timer.
            buttons_candidate_ ^= bit;
            candidate_since_us_[i] = now_us;
            continue;
        }
        const bool differs = (buttons_candidate_ & bit) != (buttons_stable_ & bit);
        if (differs && now_us - candidate_since_us_[i] >= config_.debounce_us) {
            buttons_stable_ ^= bit;
            Event event;
            event.index = next_index_;
            event.t_us = now_us;
            event.button = bit;
            event.pressed = (buttons_stable_ & bit) ? 1 : 0;
            event.buttons = buttons_stable_;
            // The level has held since it first changed: that instant is the press itself,
            // which a reaction time is measured to (the debounce delay is not the subject's).
            event.edge_t_us = candidate_since_us_[i];
            send(event);
        }
    }
}

void FirmwareCore::send_status(std::uint32_t now_us) {
    (void)now_us;
    Status status;
    status.uptime_ms = static_cast<std::uint32_t>(uptime_us_ / 1000u);
    status.overflow_frames = counters_.overflow_frames;
    status.battery_mv = hal_.battery_mv();
    status.battery_percent = hal_.battery_percent();
    status.state = static_cast<std::uint8_t>((streaming_ ? kStateStreaming : 0) |
                                             (taring() ? kStateTaring : 0));
    if (config_.battery_low_mv > 0 && status.battery_mv > 0 &&
        status.battery_mv < config_.battery_low_mv) {
        error_bits_ |= kErrorBatteryLow;
    }
    status.error_bits = error_bits_;
    status.rate_hz = rate_hz_;
    status.batch = batch_;
    status.zero_counts = zero_counts_;
    // Bits are "seen since the previous STATUS": clear them once reported.
    error_bits_ = 0;
    send(status);
}

void FirmwareCore::handle_rx_error(DecodeError error, std::uint8_t detail) {
    (void)detail;
    ++counters_.rx_bad_frames;
    error_bits_ |= kErrorRxBadFrame;
    if (error == DecodeError::UnsupportedVersion) {
        // The command cannot be read, so there is no seq to echo: 0xFFFF marks that.
        nack(0xFFFF, 0, NackCode::UnsupportedVersion);
    }
}

void FirmwareCore::handle_command(const Frame& frame) {
    if (!is_command_type(frame.type)) {
        return; // device -> host types echoed back to us: not ours to answer
    }
    ++counters_.commands;
    switch (static_cast<MessageType>(frame.type)) {
    case MessageType::GetInfo:
        send(device_info());
        ack(frame.seq, frame.type);
        return;
    case MessageType::Start: handle_start(frame); return;
    case MessageType::Stop: handle_stop(frame); return;
    case MessageType::Tare: handle_tare(frame); return;
    case MessageType::Ping: handle_ping(frame); return;
    case MessageType::Cue: handle_cue(frame); return;
    default: nack(frame.seq, frame.type, NackCode::UnknownCommand); return;
    }
}

void FirmwareCore::handle_start(const Frame& frame) {
    Start start;
    if (parse(frame.payload, frame.payload_size, start) != ParseStatus::Ok) {
        nack(frame.seq, frame.type, NackCode::PayloadTooShort);
        return;
    }
    if (start.rate_hz < kMinRateHz || start.rate_hz > config_.max_rate_hz ||
        start.batch < kMinBatch || start.batch > kMaxSamplesPerFrame) {
        nack(frame.seq, frame.type, NackCode::BadArgument);
        return;
    }
    // Samples of the old rate go out before the new period applies.
    flush_batch();
    set_rate(start.rate_hz, start.batch);
    streaming_ = true;
    next_sample_us_ = hal_.micros();
    ack(frame.seq, frame.type);
}

void FirmwareCore::handle_stop(const Frame& frame) {
    flush_batch();
    streaming_ = false;
    ack(frame.seq, frame.type);
}

void FirmwareCore::handle_tare(const Frame& frame) {
    if ((config_.capabilities & kCapTare) == 0) {
        nack(frame.seq, frame.type, NackCode::NotSupported);
        return;
    }
    if (taring()) {
        nack(frame.seq, frame.type, NackCode::Busy);
        return;
    }
    // The ACK follows once kTareSamples readings have been averaged (add_tare_reading).
    tare_remaining_ = kTareSamples;
    tare_sum_ = 0;
    tare_failed_ = false;
    tare_seq_ = frame.seq;
}

void FirmwareCore::handle_ping(const Frame& frame) {
    if ((config_.capabilities & kCapClockSync) == 0) {
        nack(frame.seq, frame.type, NackCode::NotSupported);
        return;
    }
    Ping ping;
    if (parse(frame.payload, frame.payload_size, ping) != ParseStatus::Ok) {
        nack(frame.seq, frame.type, NackCode::PayloadTooShort);
        return;
    }
    Pong pong;
    pong.host_time = ping.host_time;
    pong.device_t_us = hal_.micros();
    send(pong);
    ack(frame.seq, frame.type);
}

void FirmwareCore::handle_cue(const Frame& frame) {
    const std::uint8_t available = hal_.cue_outputs_available();
    if ((config_.capabilities & kCapCue) == 0 || available == 0) {
        nack(frame.seq, frame.type, NackCode::NotSupported);
        return;
    }
    Cue cue;
    if (parse(frame.payload, frame.payload_size, cue) != ParseStatus::Ok) {
        nack(frame.seq, frame.type, NackCode::PayloadTooShort);
        return;
    }
    const std::uint8_t outputs = cue.outputs & available;
    if (outputs == 0 || cue.duration_ms == 0 || cue.duration_ms > kMaxCueDurationMs) {
        nack(frame.seq, frame.type, NackCode::BadArgument);
        return;
    }
    if (cue_outputs_ != 0) {
        nack(frame.seq, frame.type, NackCode::Busy);
        return;
    }
    // Switch on first, then read the clock: the stamp is never earlier than the cue.
    hal_.set_cue_outputs(outputs);
    const std::uint32_t on_us = hal_.micros();
    cue_outputs_ = outputs;
    cue_off_us_ = on_us + static_cast<std::uint32_t>(cue.duration_ms) * 1000u;
    CueShown shown;
    shown.cue_id = cue.cue_id;
    shown.index = next_index_;
    shown.t_us = on_us;
    shown.outputs = outputs;
    send(shown);
    ack(frame.seq, frame.type);
}

void FirmwareCore::end_cue_when_due(std::uint32_t now_us) {
    if (cue_outputs_ == 0 || !is_due(now_us, cue_off_us_)) {
        return;
    }
    hal_.set_cue_outputs(0);
    cue_outputs_ = 0;
}

void FirmwareCore::ack(std::uint16_t command_seq, std::uint8_t command_type) {
    Ack ack_message;
    ack_message.command_seq = command_seq;
    ack_message.command_type = command_type;
    send(ack_message);
}

void FirmwareCore::nack(std::uint16_t command_seq, std::uint8_t command_type, NackCode code) {
    Nack nack_message;
    nack_message.command_seq = command_seq;
    nack_message.command_type = command_type;
    nack_message.code = code;
    send(nack_message);
}

template <class Message> void FirmwareCore::send(const Message& message) {
    std::uint8_t wire[kMaxEncodedFrameBytes];
    const std::size_t size = encode(message, tx_seq_, wire, sizeof(wire));
    if (size == 0) {
        return; // cannot happen for messages this core builds; nothing sensible to send
    }
    // seq advances even for a dropped frame, so the host sees the drop as a seq gap.
    ++tx_seq_;
    if (hal_.uart_write(wire, size)) {
        ++counters_.frames_sent;
    } else {
        ++counters_.overflow_frames;
        error_bits_ |= kErrorTxOverflow;
    }
}

} // namespace algoproto::firmware
