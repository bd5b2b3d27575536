#pragma once
// A workbench on a temporary database with a fixed wall clock, fed scripted samples.
#include <chrono>
#include <span>
#include <thread>

#include "SyntheticTraces.h"
#include "TempDir.h"
#include "algocore/session/Workbench.h"

namespace sessiontest {

inline algocore::session::WorkbenchOptions fixed_clock() {
    algocore::session::WorkbenchOptions options;
    options.utc_now = [] { return std::string("2026-12-01T10:00:00Z"); };
    return options;
}

/// Feeds samples in 16 ms frames, as the GUI tick does.
inline void feed(algocore::session::Workbench& wb, const std::vector<algocore::Sample>& samples) {
    std::size_t i = 0;
    while (i < samples.size()) {
        std::size_t j = i;
        while (j < samples.size() && samples[j].t_s - samples[i].t_s < 0.016)
            ++j;
        wb.feed_frame(std::span<const algocore::Sample>(samples.data() + i, j - i));
        i = j;
    }
}

/// Lets the storage answer everything asked so far and delivers the answers: a marker read
/// is asked last; reads run in order, so when it arrives every earlier answer has too.
inline void settle(algocore::session::Workbench& wb) {
    using namespace std::chrono_literals;
    for (int round = 0; round < 3; ++round) { // answers may ask again (e.g. a plan's template)
        if (!wb.storage()) {
            wb.inbox().deliver();
            return;
        }
        wb.storage()->flush(10s);
        bool arrived = false;
        algocore::storage::ask<int>(
            *wb.storage(), wb.inbox(), [](algocore::storage::StorageReader&) { return 0; },
            [&](algocore::storage::Answer<int>) { arrived = true; });
        for (int i = 0; i < 2000 && !arrived; ++i) {
            wb.inbox().deliver();
            if (!arrived) std::this_thread::sleep_for(5ms);
        }
    }
}

/// A clean ramp from baseline at t0 with the button at button_kpa (see SyntheticTraces).
inline std::vector<algocore::Sample> ramp(double t0, double button_kpa, bool press = true) {
    synth::RampScript script;
    script.button_at_kpa = press ? button_kpa : 0.0;
    script.max_kpa = press ? 1e9 : button_kpa;
    script.reaction_s = 0.3;
    synth::Tremor none;
    none.amplitude_kpa = 0.0;
    none.noise_kpa = 0.0;
    std::mt19937_64 rng(5);
    auto out = synth::make_ramp(script, none, rng);
    for (auto& s : out)
        s.t_s += t0;
    return out;
}

/// Probe off (0 kPa) from t_from to t_to at 1 kHz.
inline std::vector<algocore::Sample> idle(double t_from, double t_to) {
    std::vector<algocore::Sample> out;
    for (double t = t_from; t < t_to; t += 0.001)
        out.push_back(synth::sample_at(t, 0.0));
    return out;
}

} // namespace sessiontest
