// The native protocol's messages as the driver handles them once streaming: the device's
// identity and rate, sample blocks (index gaps counted as lost samples, buttons placed at
// their sample), events and status. The handshake and framing are in NativeDriver.cpp.
#include <algorithm>
#include <cstdio>

#include "algocore/drivers/NativeDriver.h"
#include "algoproto/Encode.h"
#include "algoproto/Parse.h"

namespace algocore {
namespace {

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
    identity_->gives_cues = (info.capabilities & algoproto::kCapCue) != 0;
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
            const std::uint32_t missing = m.first_index - next_index_;
            if (device_skipped_) {
                device_skipped_ = false;
                skipped_by_device(missing);
            } else {
                stats_.samples_lost += missing;
                loss_since_status_ += missing;
            }
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
    // Only the edge is the instant of the press; a 1.0 device gives the accepted time only.
    event.device_t_us = e.edge_t_us;
    event.has_device_time = e.has_edge_time;
    event.message = std::string(e.button == algoproto::kPatientButton ? "patient" : "operator") +
                    " button " + (event.pressed ? "pressed" : "released");
    link_->report(event);
}

void NativeDriver::handle_cue_shown(const algoproto::CueShown& shown) {
    if (!info_) return;
    LinkEvent event;
    event.kind = LinkEvent::Kind::Cue;
    event.t = clock_.has_fit() ? std::min(clock_.to_host(shown.t_us), now_) : now_;
    event.device_index = shown.index;
    event.device_t_us = shown.t_us;
    event.has_device_time = true;
    event.cue_id = shown.cue_id;
    event.message = "cue " + std::to_string(shown.cue_id) + " shown";
    link_->report(event);
}

void NativeDriver::skipped_by_device(std::uint64_t samples) {
    stats_.samples_skipped_by_device += samples;
    report(LinkEvent::Kind::Warning, now_,
           "the device fell behind its sample clock and skipped " + std::to_string(samples) +
               " samples (a device clock jump): never measured, not lost on the wire");
}

void NativeDriver::handle_status(const algoproto::Status& status) {
    if (status.error_bits & algoproto::kErrorSamplesSkipped) {
        // The gap counted as lost since the previous heartbeat was the device's own skip.
        if (loss_since_status_ > 0) {
            stats_.samples_lost -= loss_since_status_;
            skipped_by_device(loss_since_status_);
        } else {
            device_skipped_ = true;
        }
    } else {
        device_skipped_ = false;
    }
    loss_since_status_ = 0;
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
