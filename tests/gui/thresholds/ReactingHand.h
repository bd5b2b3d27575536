#pragma once
// The subject's hand in a host-cued reaction-time test, as display frames of samples: when the
// workbench's test shows a cue (the view stamps it at the newest sample), the simulator's
// reacting subject (algosim::ReactingSubject, the one behind `algoscope-sim --reaction-ms`)
// presses the patient button after its reaction time. Deterministic for a seed, so the
// Thresholds page and `algoscope-cli rt` can be given the same hand.
#include <cmath>
#include <cstdint>
#include <optional>
#include <vector>

#include "algocore/Sample.h"
#include "algocore/session/ReactionTimeSession.h"
#include "algosim/ReactingSubject.h"

namespace rthand {

class ReactingHand {
public:
    static constexpr double kRateHz = 1000.0;
    static constexpr std::size_t kPerFrame = 16; // 60 Hz frames at 1 kHz

    ReactingHand(double reaction_ms, std::uint64_t seed, double start_t_s)
        : subject_({reaction_ms, 0.0}, seed),
          next_index_(static_cast<std::int64_t>(std::llround(start_t_s * kRateHz))) {}

    /// The next frame; `test` says whether a cue is on now (it went on at the newest sample).
    std::vector<algocore::Sample> next_frame(const algocore::session::ReactionTimeSession& test) {
        const auto* engine = test.test();
        const bool cue_on =
            engine && engine->state() == algocore::protocols::ReactionTestState::CueOn;
        if (cue_on && !noticed_ && last_us_) subject_.cue(*last_us_);
        noticed_ = cue_on;
        std::vector<algocore::Sample> frame;
        for (std::size_t i = 0; i < kPerFrame; ++i, ++next_index_) {
            const auto t_us = static_cast<std::uint64_t>(next_index_) * 1000u;
            algocore::Sample s;
            s.t_s = static_cast<double>(next_index_) / kRateHz;
            s.pressure_kpa = 0.0;
            s.has_raw = true;
            s.calibration_id = 3;
            if (subject_.pressing(t_us)) s.buttons = algocore::kPatientButton;
            frame.push_back(s);
            last_us_ = t_us;
        }
        return frame;
    }

private:
    algosim::ReactingSubject subject_;
    std::int64_t next_index_;
    std::optional<std::uint64_t> last_us_;
    bool noticed_ = false;
};

} // namespace rthand
