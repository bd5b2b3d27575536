#include "algocore/drivers/AsciiGaugeDriver.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <utility>

namespace algocore {
namespace {

// Bits per byte on the wire at 8N1 (start + 8 data + stop).
constexpr double kBitsPerByte = 10.0;
// Polls are at least this far apart. Without it a gauge flooding unsolicited lines made us
// send a poll per line (each line looks like the answer to the poll in flight: 10^6 polls/s)
// into a port the other side does not read; 1000 polls/s is more than any gauge answers.
constexpr double kMinPollIntervalS = 0.001;

SteadyTime after(SteadyTime t, double seconds) {
    return t + std::chrono::duration_cast<SteadyClock::duration>(
                   std::chrono::duration<double>(seconds));
}

// A line quoted in a message, with anything unprintable shown as \xNN.
std::string quoted(std::string_view line) {
    std::string out = "'";
    for (char c : line.substr(0, 40)) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u < 0x7F) {
            out.push_back(c);
        } else {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02X", u);
            out += hex;
        }
    }
    if (line.size() > 40) out += "...";
    return out + "'";
}

std::string with_one_decimal(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

} // namespace

AsciiGaugeDriver::AsciiGaugeDriver(AsciiGaugeConfig config)
    : config_(std::move(config)), lines_(config_.line_ending), baud_(config_.baud) {}

double AsciiGaugeDriver::possible_rate_hz() const {
    if (!polled()) return config_.nominal_stream_rate_hz;
    const double bytes_per_reading =
        static_cast<double>(config_.poll_command.size() + config_.typical_reply_bytes);
    const double wire_limit_hz = config_.baud / kBitsPerByte / bytes_per_reading;
    return std::min(config_.max_poll_rate_hz, wire_limit_hz);
}

double AsciiGaugeDriver::reply_timeout_s() const {
    return std::max(kReplyTimeoutS, kSlowReplyTimeouts * answer_time_s_);
}

double AsciiGaugeDriver::stopped_answering_after_s() const {
    return std::max(kStoppedAnsweringS, kSlowStoppedAnswering * answer_time_s_);
}

void AsciiGaugeDriver::report(DriverLink& link, LinkEvent::Kind kind, SteadyTime t,
                              std::string message) {
    LinkEvent event;
    event.kind = kind;
    event.t = t;
    event.message = std::move(message);
    link.report(event);
}

void AsciiGaugeDriver::start(SteadyTime now, DriverLink& link) {
    // A restart (after a reconnect) begins from a clean slate; counters keep accumulating.
    started_at_ = now;
    stopped_ = false;
    ever_valid_ = false;
    ever_bytes_ = false;
    answering_ = false;
    no_answer_reported_ = false;
    rearm_reported_ = false;
    poll_in_flight_ = false;
    next_poll_at_.reset();
    answer_time_s_ = 0.0;
    slow_answers_in_a_row_ = 0;
    overload_active_ = false;
    baud_.reset();
    rate_.reset(now);
    if (polled()) {
        // Stale bytes from before we asked belong to nobody: drop them, then ask.
        lines_.reset();
        link.discard_input();
        send_poll(now, link);
    } else {
        // Joining a stream mid-line: the first fragment is not a reading.
        lines_.skip_to_next_line();
        arm_stream(now, link);
    }
}

void AsciiGaugeDriver::send_poll(SteadyTime now, DriverLink& link) {
    if (stopped_) return;
    link.send_text(config_.poll_command);
    // A poll sent again after a timeout does not restart the wait: the answer time is
    // counted from the first poll the gauge left unanswered.
    if (!poll_in_flight_) wait_started_at_ = now;
    poll_in_flight_ = true;
    poll_sent_at_ = now;
    next_poll_at_.reset();
}

void AsciiGaugeDriver::arm_stream(SteadyTime now, DriverLink& link) {
    if (stopped_) return;
    if (!config_.stream_start.empty()) link.send_text(config_.stream_start);
    last_arm_at_ = now;
}

void AsciiGaugeDriver::on_bytes(const ByteChunk& chunk, DriverLink& link) {
    if (chunk.bytes.empty()) return;
    ever_bytes_ = true;
    baud_.on_text_bytes(chunk.arrival, chunk.bytes);
    lines_.feed(
        chunk.bytes, [&](std::string_view line) { handle_line(line, chunk.arrival, link); },
        [&] {
            ++stats_.bad_frames;
            baud_.on_overlong_line();
            report_error(chunk.arrival, "overlong",
                         "over-long line from the " + config_.model + " dropped (line noise?)",
                         link);
        });
}

void AsciiGaugeDriver::handle_line(std::string_view line, SteadyTime t, DriverLink& link) {
    last_line_at_ = t;
    const GaugeReply reply = parse_line(line);
    switch (reply.kind) {
    case GaugeReply::Kind::Echo:
        // Our own command coming back: neither data nor an error.
        return;
    case GaugeReply::Kind::Unparsable:
        ++stats_.bad_frames;
        baud_.on_refused_line(quoted(line), reply.message);
        report_error(t, "unparsable",
                     "unparsable line from the " + config_.model + ": " + quoted(line) + " (" +
                         reply.message + ")",
                     link);
        return;
    case GaugeReply::Kind::DeviceError:
        ++stats_.device_errors;
        baud_.on_valid();
        last_valid_at_ = t;
        report_error(t, "device error " + std::to_string(reply.error_code), reply.message, link);
        reply_received(t, after(t, kPollDelayAfterErrorS), link);
        return;
    case GaugeReply::Kind::Reading:
        handle_reading(reply, t, link);
        reply_received(t, t, link);
        return;
    }
}

void AsciiGaugeDriver::reply_received(SteadyTime t, SteadyTime next_poll_at, DriverLink& link) {
    if (!polled() || !poll_in_flight_) return;
    learn_answer_time(t, link);
    poll_in_flight_ = false;
    next_poll_at = std::max(next_poll_at, after(poll_sent_at_, kMinPollIntervalS));
    // Poll again as soon as the gauge answered (one request in flight), at most every
    // kMinPollIntervalS.
    if (next_poll_at <= t) {
        send_poll(t, link);
    } else {
        next_poll_at_ = next_poll_at;
    }
}

// A gauge that answers every few seconds is slow, not losing readings: once two answers in a
// row took longer than the usual reply timeout, it is named with its pace, and the timeouts
// stretch to its answer time (reply_timeout_s, stopped_answering_after_s). One fast answer
// brings them back.
void AsciiGaugeDriver::learn_answer_time(SteadyTime t, DriverLink& link) {
    answer_time_s_ = seconds_between(wait_started_at_, t);
    if (answer_time_s_ <= kReplyTimeoutS) {
        slow_answers_in_a_row_ = 0;
        return;
    }
    if (++slow_answers_in_a_row_ < 2 || slow_reported_) return;
    slow_reported_ = true;
    report(link, LinkEvent::Kind::Warning, t,
           config_.model + " answers slowly: one reading every " +
               with_one_decimal(answer_time_s_) +
               " s; waiting for it (a slow gauge, not lost readings)");
}

void AsciiGaugeDriver::handle_reading(const GaugeReply& reply, SteadyTime t, DriverLink& link) {
    baud_.on_valid();
    if (!ever_valid_) {
        ever_valid_ = true;
        first_valid_at_ = t;
        identity_ = DeviceIdentity{};
        identity_->model = config_.model + (polled() ? " (polled)" : " (continuous)");
        identity_->nominal_rate_hz = possible_rate_hz();
        identity_->polled = polled();
        report(link, LinkEvent::Kind::Connected, t,
               config_.model + " answering at " + std::to_string(config_.baud) + " baud" +
                   (polled() ? " (polled)" : " (continuous output)"));
    } else if (!answering_) {
        gap_pending_ = true;
        report(link, LinkEvent::Kind::Connected, t, config_.model + " answering again");
    }
    answering_ = true;
    no_answer_reported_ = false;
    rearm_reported_ = false;
    last_valid_at_ = t;

    if (!reply.unit && reply.has_value && !unit_warning_given_) {
        unit_warning_given_ = true;
        report(link, LinkEvent::Kind::Warning, t,
               config_.model + " sends values without a unit; reading them as " +
                   std::string(assumed_unit_name()) +
                   " (enable the unit in the gauge's serial settings to be sure)");
    }

    RawSample sample;
    sample.t = t;
    if (reply.overload) {
        // A bare "OVER" has no value: keep the last force as a lower bound, flagged.
        sample.flags |= kOverload;
        if (!reply.has_value) {
            sample.force_n = last_force_n_;
            sample.flags |= kAdcSaturated;
        } else {
            sample.force_n = reply.force_n;
        }
        if (!overload_active_) {
            overload_active_ = true;
            report(link, LinkEvent::Kind::Warning, t,
                   config_.model + " reports overload: the force is at or beyond its capacity");
        }
    } else {
        sample.force_n = reply.force_n;
        if (overload_active_) {
            overload_active_ = false;
            report(link, LinkEvent::Kind::Info, t, config_.model + " back within its range");
        }
    }
    last_force_n_ = sample.force_n;
    if (gap_pending_) {
        sample.flags |= kGapBefore;
        gap_pending_ = false;
        // A stream at a known rate tells about how many readings the silence swallowed: an
        // estimate, kept apart from exact counts (polled gauges count their missed polls).
        if (!polled() && config_.nominal_stream_rate_hz > 0 && stats_.samples > 0) {
            const double missing =
                seconds_between(previous_reading_at_, t) * config_.nominal_stream_rate_hz - 1.0;
            if (missing >= 1.0)
                stats_.samples_lost_estimated += static_cast<std::uint64_t>(missing + 0.5);
        }
    }
    previous_reading_at_ = t;
    ++stats_.samples;
    rate_.record(t);
    link.emit(sample);
}

void AsciiGaugeDriver::report_error(SteadyTime t, std::string_view category,
                                    const std::string& message, DriverLink& link) {
    if (auto text = errors_.admit(category, message, t))
        report(link, LinkEvent::Kind::Error, t, std::move(*text));
}

void AsciiGaugeDriver::on_tick(SteadyTime now, DriverLink& link) {
    if (stopped_) return;
    if (auto message = baud_.check(now)) report(link, LinkEvent::Kind::Error, now, *message);

    if (polled()) {
        if (poll_in_flight_ && seconds_between(poll_sent_at_, now) > reply_timeout_s()) {
            // Missed poll: count the reading we did not get, mark the gap, ask again.
            if (ever_valid_) {
                ++stats_.samples_lost;
                gap_pending_ = true;
            }
            send_poll(now, link);
        } else if (!poll_in_flight_ && next_poll_at_ && now >= *next_poll_at_) {
            send_poll(now, link);
        }
    } else if (config_.rearm_when_silent) {
        const SteadyTime last_activity = std::max(last_line_at_, last_arm_at_);
        if (seconds_between(last_activity, now) >= kRearmAfterSilenceS) {
            if (!rearm_reported_) {
                rearm_reported_ = true;
                report(link, LinkEvent::Kind::Info, now,
                       "no data from the " + config_.model +
                           " for 200 ms: re-arming continuous output");
            }
            if (ever_valid_) gap_pending_ = true;
            arm_stream(now, link);
        }
    }
    check_silence(now, link);
    check_rate(now, link);
}

void AsciiGaugeDriver::check_silence(SteadyTime now, DriverLink& link) {
    if (ever_valid_) {
        if (answering_ && seconds_between(last_valid_at_, now) > stopped_answering_after_s()) {
            answering_ = false;
            gap_pending_ = true;
            report(link, LinkEvent::Kind::Disconnected, now,
                   config_.model + ": device stopped answering");
        }
        return;
    }
    if (!no_answer_reported_ && !ever_bytes_ &&
        seconds_between(started_at_, now) > kStoppedAnsweringS) {
        // Bytes that never parse are the baud diagnosis's business; total silence is ours.
        no_answer_reported_ = true;
        report(link, LinkEvent::Kind::Error, now,
               "no answer from the " + config_.model + " after 2.5 s at " +
                   std::to_string(config_.baud) +
                   " baud \u2014 is it switched on, connected and set to send over serial?");
    }
}

void AsciiGaugeDriver::check_rate(SteadyTime now, DriverLink& link) {
    const auto windows_before = rate_.windows_completed();
    rate_.update(now);
    stats_.achieved_rate_hz = rate_.rate_hz();
    if (!polled() || rate_.windows_completed() == windows_before) return;
    if (!ever_valid_ || !answering_ || seconds_between(first_valid_at_, now) < kRateWarmupS) return;
    // A slow gauge is named with its pace (learn_answer_time); a per-second rate of it reads
    // 0 or 1.
    if (slow_reported_ || answer_time_s_ > kReplyTimeoutS) return;
    const double possible_hz = possible_rate_hz();
    const double achieved_hz = rate_.rate_hz();
    if (!low_rate_warned_ && achieved_hz < kLowRateFraction * possible_hz) {
        low_rate_warned_ = true;
        report(link, LinkEvent::Kind::Warning, now,
               config_.model + " polled at " + with_one_decimal(achieved_hz) +
                   " readings/s, well below the " + with_one_decimal(possible_hz) +
                   " it can answer at " + std::to_string(config_.baud) +
                   " baud (slow USB adapter latency or a busy gauge)");
    } else if (low_rate_warned_ && achieved_hz > 0.8 * possible_hz) {
        low_rate_warned_ = false;
    }
}

void AsciiGaugeDriver::stop(DriverLink& link) {
    // Leave a streaming gauge as we found it: quiet.
    if (!stopped_ && !polled() && !config_.stream_stop.empty()) link.send_text(config_.stream_stop);
    poll_in_flight_ = false;
    stopped_ = true;
}

} // namespace algocore
