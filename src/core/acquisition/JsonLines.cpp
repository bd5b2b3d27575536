#include "algocore/acquisition/JsonLines.h"
#include "algoinput/JsonText.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <thread>

namespace algocore {
namespace {

// The consumer drains on this period: 100 wakeups/s keeps latency low and CPU negligible.
constexpr auto kDrainPeriod = std::chrono::milliseconds(10);

const char* button_name(std::uint8_t button) {
    if (button == kPatientButton) return "patient";
    if (button == kOperatorButton) return "operator";
    return "unknown";
}

// A number with fixed decimals while it is of a sensible size, in exponent form beyond (so a
// line stays short), and null when it is not finite (JSON has no NaN or infinity).
void format_value(char (&out)[32], double value, int decimals) {
    if (!std::isfinite(value)) {
        std::snprintf(out, sizeof out, "null");
    } else if (std::abs(value) < 1e12) {
        std::snprintf(out, sizeof out, "%.*f", decimals, value);
    } else {
        std::snprintf(out, sizeof out, "%.17g", value);
    }
}

} // namespace

std::string to_json_line(const Sample& sample) {
    // Hand-formatted: this runs per sample at up to kHz rates, and fixed decimals make the
    // output stable for golden files.
    char raw[16] = "null";
    if (sample.has_raw) std::snprintf(raw, sizeof raw, "%d", sample.raw_counts);
    char t[32], force[32], pressure[32];
    format_value(t, sample.t_s, 6);
    format_value(force, sample.force_n, 4);
    format_value(pressure, sample.pressure_kpa, 3);
    char line[256];
    std::snprintf(line, sizeof line,
                  "{\"t\":%s,\"force_n\":%s,\"pressure_kpa\":%s,\"raw\":%s,\"buttons\":%u,"
                  "\"flags\":%u,\"cal\":%llu%s}",
                  t, force, pressure, raw, static_cast<unsigned>(sample.buttons),
                  static_cast<unsigned>(sample.flags),
                  static_cast<unsigned long long>(sample.calibration_id),
                  (sample.flags & kGapBefore) ? ",\"gap\":true" : "");
    return line;
}

std::string to_json_line(const LinkEvent& event, SteadyTime session_start) {
    nlohmann::ordered_json j;
    j["event"] = to_string(event.kind);
    char t[32];
    std::snprintf(t, sizeof t, "%.6f", seconds_between(session_start, event.t));
    j["t"] = nlohmann::ordered_json::parse(t);
    if (event.kind == LinkEvent::Kind::Button) {
        j["button"] = button_name(event.button);
        j["pressed"] = event.pressed;
        j["device_index"] = event.device_index;
    }
    if (event.kind == LinkEvent::Kind::Cue) j["cue_id"] = event.cue_id;
    if (event.has_device_time) j["device_t_us"] = event.device_t_us;
    if (!event.message.empty()) j["message"] = event.message;
    return algoinput::json_text(j);
}

JsonLinesEnd print_json_lines(Acquisition& acquisition, std::ostream& out,
                              const JsonLinesLimits& limits) {
    const SteadyTime start = acquisition.session_start();
    const SteadyTime deadline = limits.duration_s
                                    ? start + std::chrono::duration_cast<SteadyClock::duration>(
                                                  std::chrono::duration<double>(*limits.duration_s))
                                    : SteadyTime::max();
    auto drain = [&] {
        // Events first within a batch would reorder them against samples; interleave by
        // time instead so a "disconnected" line sits where the gap is.
        std::optional<LinkEvent> pending_event = acquisition.events().pop();
        acquisition.samples().drain([&](const Sample& s) {
            while (pending_event && seconds_between(start, pending_event->t) <= s.t_s) {
                out << to_json_line(*pending_event, start) << '\n';
                pending_event = acquisition.events().pop();
            }
            out << to_json_line(s) << '\n';
        });
        while (pending_event) {
            out << to_json_line(*pending_event, start) << '\n';
            pending_event = acquisition.events().pop();
        }
        out.flush();
    };

    JsonLinesEnd end = JsonLinesEnd::Interrupted;
    for (;;) {
        drain();
        if (limits.interrupted && limits.interrupted->load()) {
            end = JsonLinesEnd::Interrupted;
            break;
        }
        if (SteadyClock::now() >= deadline) {
            end = JsonLinesEnd::DurationReached;
            break;
        }
        const AcquisitionStatus status = acquisition.status();
        if (status.link == AcquisitionStatus::Link::Ended) {
            end = status.ended_by_error ? JsonLinesEnd::SessionFailed : JsonLinesEnd::SessionEnded;
            break;
        }
        if (status.link == AcquisitionStatus::Link::Disconnected) {
            end = JsonLinesEnd::LinkLost;
            break;
        }
        std::this_thread::sleep_for(kDrainPeriod);
    }
    acquisition.stop();
    drain();
    return end;
}

} // namespace algocore
