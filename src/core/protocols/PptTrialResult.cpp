#include "algocore/protocols/PptTrialResult.h"

namespace algocore::protocols {

const char* to_string(PptTrialEnd end) {
    switch (end) {
    case PptTrialEnd::Signalled: return "signalled";
    case PptTrialEnd::Released: return "released";
    case PptTrialEnd::Aborted: return "aborted";
    case PptTrialEnd::CutOff: return "cut_off";
    }
    return "unknown";
}

const char* to_string(PainSignalSource source) {
    switch (source) {
    case PainSignalSource::DevicePatientButton: return "device_button";
    case PainSignalSource::Keyboard: return "keyboard";
    case PainSignalSource::FootPedal: return "foot_pedal";
    case PainSignalSource::OnScreen: return "on_screen";
    }
    return "unknown";
}

std::string flags_to_string(std::uint32_t flags) {
    static constexpr struct {
        std::uint32_t bit;
        const char* name;
    } kNames[] = {
        {kRateOutOfTolerance, "rate_out_of_tolerance"},
        {kNoButton, "no_button"},
        {kAborted, "aborted"},
        {kCutOff, "cut_off"},
        {kLowCorridorFraction, "low_corridor_fraction"},
        {kDataGap, "data_gap"},
        {kSaturated, "saturated"},
        {kTooShortRamp, "too_short_ramp"},
        {kStartedAboveBaseline, "started_above_baseline"},
        {kShortRest, "short_rest"},
        {kRateAtButton, "rate_at_button"},
    };
    std::string out;
    for (const auto& entry : kNames) {
        if ((flags & entry.bit) == 0) continue;
        if (!out.empty()) out += ',';
        out += entry.name;
    }
    return out;
}

} // namespace algocore::protocols
