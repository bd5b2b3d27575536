#include "algocore/drivers/AutoDetectDriver.h"

#include "algocore/drivers/AsciiNumberParser.h"
#include "algocore/drivers/GaugeText.h"
#include "algocore/drivers/ImadaParser.h"
#include "algocore/drivers/Mark10Parser.h"
#include "algocore/drivers/NativeDriver.h"
#include "algoproto/Encode.h"

namespace algocore {
namespace {

bool is_reading(const GaugeReply& reply) {
    return reply.kind == GaugeReply::Kind::Reading;
}

// Wagner prints the sign, then a space: "- 23.02 lbf", "+ 5.10 lbf".
bool has_wagner_shape(std::string_view line) {
    const auto text = trim_spaces(line);
    return text.size() > 2 && (text[0] == '+' || text[0] == '-') && text[1] == ' ' &&
           is_reading(parse_value_and_unit(text, algocal::ForceUnit::kNewton));
}

// Shimpo prints an explicit '+' glued to a zero-padded value and a unit: "+0012.30 N".
bool has_shimpo_shape(std::string_view line) {
    const auto text = trim_spaces(line);
    if (text.size() < 2 || text[0] != '+' || text[1] == ' ') return false;
    const auto reply = parse_value_and_unit(text, algocal::ForceUnit::kNewton);
    return is_reading(reply) && reply.unit.has_value();
}

LinkEvent info_event(LinkEvent::Kind kind, SteadyTime t, std::string message) {
    LinkEvent e;
    e.kind = kind;
    e.t = t;
    e.message = std::move(message);
    return e;
}

} // namespace

AutoDetectDriver::AutoDetectDriver(const DriverOptions& options) : options_(options) {}

std::string_view AutoDetectDriver::name() const {
    return inner_ ? inner_->name() : "auto";
}

std::optional<DeviceIdentity> AutoDetectDriver::identity() const {
    return inner_ ? inner_->identity() : std::nullopt;
}

DriverStats AutoDetectDriver::stats() const {
    return inner_ ? inner_->stats() : stats_;
}

void AutoDetectDriver::start(SteadyTime now, DriverLink& link) {
    if (inner_) {
        // A reconnect: the same device is expected on the port again.
        inner_->start(now, link);
        return;
    }
    started_at_ = now;
    step_ = Step::Listen;
    step_since_ = now;
    decoder_ = algoproto::StreamDecoder{};
    lines_.skip_to_next_line();
    wagner_lines_ = shimpo_lines_ = mark10_lines_ = imada_lines_ = ascii_lines_ = 0;
    link.report(info_event(LinkEvent::Kind::Info, now,
                           "auto: listening for a device (sending nothing for 0.4 s)"));
}

void AutoDetectDriver::found(const std::string& driver, const std::string& why,
                             DriverOptions options) {
    if (!found_driver_.empty()) return;
    found_driver_ = driver;
    found_why_ = why;
    found_options_ = options;
}

void AutoDetectDriver::on_frame(const algoproto::Frame& frame) {
    // A gauge that echoes our GET_INFO sends back a valid host → device frame: not a device.
    if (algoproto::is_command_type(frame.type)) return;
    found("native", "native protocol frames", options_);
}

void AutoDetectDriver::on_error(algoproto::DecodeError error, std::uint8_t) {
    // A well-formed frame of another version is still our protocol: the native driver
    // will explain the version problem.
    if (error == algoproto::DecodeError::UnsupportedVersion)
        found("native", "native protocol frames (another protocol version)", options_);
}

void AutoDetectDriver::classify_line(std::string_view line) {
    ++lines_seen_;
    const auto text = trim_spaces(line);
    const auto mark10 = parse_mark10_line(text, options_.unit_when_omitted);
    switch (step_) {
    case Step::ProbeQuestion:
        // Both Mark-10 and Wagner answer "?"; the sign-space shape tells them apart.
        if (has_wagner_shape(text))
            return found("wagner", "answered '?' like a Wagner FDX", options_);
        if (mark10.kind == GaugeReply::Kind::Reading ||
            mark10.kind == GaugeReply::Kind::DeviceError)
            return found("mark10", "answered '?' like a Mark-10", options_);
        return;
    case Step::ProbeImada:
        if (is_reading(parse_imada_line(text)))
            return found("imada", "answered 'D' like an Imada", options_);
        if (mark10.kind == GaugeReply::Kind::DeviceError)
            return found("mark10", "answered with a Mark-10 error code", options_);
        return;
    case Step::ProbeShimpo:
        if (text.substr(0, 2) == "BA")
            return found("shimpo", "echoed 'BA' like a Shimpo", options_);
        if (mark10.kind == GaugeReply::Kind::DeviceError)
            return found("mark10", "answered with a Mark-10 error code", options_);
        return;
    default: break;
    }
    // Listening: lines streamed unprompted. Recognise a shape after a few consistent lines.
    DriverOptions options = options_;
    if (has_wagner_shape(text)) {
        if (++wagner_lines_ >= kLinesToRecognise) {
            options.wagner_continuous = true;
            options.wagner_rate_hz = 0; // keep the rate set on the gauge
            found("wagner", "streams Wagner FDIX lines", options);
        }
    } else if (has_shimpo_shape(text)) {
        if (++shimpo_lines_ >= kLinesToRecognise) {
            options.shimpo_continuous = true;
            found("shimpo", "streams Shimpo lines", options);
        }
    } else if (is_reading(parse_imada_line(text))) {
        if (++imada_lines_ >= kLinesToRecognise) found("imada", "streams Imada lines", options);
    } else if (is_reading(
                   parse_ascii_number_line(text, options_.ascii_unit, options_.ascii_scale))) {
        if (++ascii_lines_ >= kLinesToRecognise)
            found("ascii", "streams one number per line", options);
    } else if (mark10.kind == GaugeReply::Kind::Reading && mark10.unit) {
        if (++mark10_lines_ >= kLinesToRecognise) found("mark10", "streams Mark-10 lines", options);
    }
}

void AutoDetectDriver::on_bytes(const ByteChunk& chunk, DriverLink& link) {
    if (inner_) return inner_->on_bytes(chunk, link);
    if (stopped_) return;
    bytes_seen_ += chunk.bytes.size();
    decoder_.feed(chunk.bytes.data(), chunk.bytes.size(), *this);
    lines_.feed(
        chunk.bytes, [&](std::string_view line) { classify_line(line); }, [] {});
    if (!found_driver_.empty()) hand_over(chunk.arrival, link);
}

void AutoDetectDriver::hand_over(SteadyTime now, DriverLink& link) {
    std::string error;
    inner_ = make_driver(found_driver_, found_options_, &error);
    if (!inner_) {
        link.report(info_event(LinkEvent::Kind::Error, now, "auto: " + error));
        step_ = Step::NothingFound;
        return;
    }
    step_ = Step::HandedOver;
    char elapsed[32];
    std::snprintf(elapsed, sizeof elapsed, "%.2f", seconds_between(started_at_, now));
    link.report(info_event(LinkEvent::Kind::Info, now,
                           "auto: found " + found_driver_ + " (" + found_why_ + ") after " +
                               elapsed + " s"));
    inner_->start(now, link);
}

void AutoDetectDriver::next_step(SteadyTime now, DriverLink& link) {
    step_since_ = now;
    switch (step_) {
    case Step::Listen: {
        // Who is there? GET_INFO only asks; a native device answers with DEVICE_INFO.
        step_ = Step::ProbeNative;
        std::uint8_t frame[algoproto::kMaxEncodedFrameBytes];
        const auto size = algoproto::encode(algoproto::GetInfo{}, 0, frame, sizeof frame);
        link.send({frame, size});
        return;
    }
    case Step::ProbeNative:
        // Answers start on a fresh line; a fragment from listening is no longer pending.
        lines_.reset();
        // A leading CR flushes the binary probe out of a gauge's command buffer.
        step_ = Step::ProbeQuestion;
        link.send_text("\r?\r");
        return;
    case Step::ProbeQuestion:
        step_ = Step::ProbeImada;
        link.send_text("D\r");
        return;
    case Step::ProbeImada:
        step_ = Step::ProbeShimpo;
        link.send_text("BA\r");
        return;
    case Step::ProbeShimpo: {
        step_ = Step::NothingFound;
        if (failure_reported_) return;
        failure_reported_ = true;
        std::string why;
        if (bytes_seen_ == 0) {
            why = "the port stayed silent: no native frames, no streamed lines, and no answer "
                  "to GET_INFO, '?', 'D' or 'BA' \u2014 is the device on and connected?";
        } else if (lines_seen_ == 0 && decoder_.counters().frames_ok == 0) {
            why = std::to_string(bytes_seen_) +
                  " bytes arrived but none formed a frame or a line"
                  " \u2014 no valid data at " +
                  std::to_string(options_.baud) + " baud, check the device's baud setting";
        } else {
            why = std::to_string(lines_seen_) +
                  " lines arrived but none looked like a known gauge; try --driver ascii";
        }
        link.report(info_event(LinkEvent::Kind::Error, now, "auto: no device recognised: " + why));
        return;
    }
    case Step::NothingFound:
        // Try again from the top, quietly.
        step_ = Step::Listen;
        bytes_seen_ = lines_seen_ = 0;
        wagner_lines_ = shimpo_lines_ = mark10_lines_ = imada_lines_ = ascii_lines_ = 0;
        return;
    case Step::HandedOver: return;
    }
}

void AutoDetectDriver::on_tick(SteadyTime now, DriverLink& link) {
    if (inner_) return inner_->on_tick(now, link);
    if (stopped_) return;
    if (!found_driver_.empty()) return hand_over(now, link);
    const double in_step_s = seconds_between(step_since_, now);
    const double step_length_s = step_ == Step::Listen         ? kListenS
                                 : step_ == Step::NothingFound ? kRetryAfterS
                                                               : kProbeWaitS;
    if (in_step_s >= step_length_s) next_step(now, link);
}

bool AutoDetectDriver::request_cue(std::uint16_t cue_id, std::uint16_t duration_ms,
                                   DriverLink& link) {
    return inner_ ? inner_->request_cue(cue_id, duration_ms, link) : false;
}

void AutoDetectDriver::stop(DriverLink& link) {
    if (inner_) inner_->stop(link);
    stopped_ = true;
}

} // namespace algocore
