// Figures of merit of the protocol engines on seeded synthetic traces, printed as JSON:
// pain-signal alignment error at 1 kHz, ramp-rate error with tremor, release-detection
// latency, and false "take up the slack" prompts per 5 minutes of steady hold.
// Usage: algoscope-bench-protocols [--seeds N]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "SyntheticTraces.h"
#include "algocore/protocols/HoldEngine.h"
#include "algocore/protocols/PptTrial.h"
#include "algocore/protocols/ReleaseDetector.h"

using namespace algocore::protocols;
using algocore::Sample;

namespace {

constexpr double kSamplePeriodS = 0.001; // 1 kHz

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    const double pos = p / 100.0 * static_cast<double>(v.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(pos));
    const auto hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (pos - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

nlohmann::json stats(const std::vector<double>& v) {
    double sum = 0.0;
    for (double x : v)
        sum += x;
    return {{"n", v.size()},
            {"mean", v.empty() ? 0.0 : sum / static_cast<double>(v.size())},
            {"p50", percentile(v, 50)},
            {"p95", percentile(v, 95)},
            {"max", v.empty() ? 0.0 : *std::max_element(v.begin(), v.end())}};
}

// External events (key/pedal/on-screen) at random times, delivered 0-50 ms late, and
// device-button edges: distance in samples between the event and the sample chosen.
nlohmann::json alignment(int seeds) {
    std::vector<double> external_error_samples;
    std::vector<double> button_error_kpa;
    for (int seed = 1; seed <= seeds; ++seed) {
        std::mt19937_64 rng(static_cast<std::uint64_t>(seed));
        const synth::Tremor tremor = synth::Tremor::random(rng);
        synth::RampScript script;
        script.button_at_kpa = 250.0 + 5.0 * (seed % 60);
        const auto trace = synth::make_ramp(script, tremor, rng);

        // Device button: the threshold must be the pressure of the first pressed sample.
        PptTrial by_button(PptPreset::dfns());
        by_button.arm();
        double pressed_kpa = -1.0;
        for (const Sample& s : trace) {
            if (pressed_kpa < 0.0 && (s.buttons & algocore::kPatientButton))
                pressed_kpa = s.pressure_kpa;
            by_button.feed(s);
        }
        button_error_kpa.push_back(std::fabs(by_button.result().ppt_kpa - pressed_kpa));

        // Events land anywhere on a long ramp (button script at 650 kPa, reached at 14 s).
        synth::RampScript long_script;
        long_script.button_at_kpa = 650.0;
        const auto long_trace = synth::make_ramp(long_script, tremor, rng);
        std::uniform_real_distribution<double> when(2.0, 13.0);
        std::uniform_real_distribution<double> late(0.0, 0.050);
        for (int k = 0; k < 20; ++k) {
            const double event_t = when(rng);
            const double delivered_t = event_t + late(rng);
            PptTrial trial(PptPreset::dfns());
            trial.arm();
            std::size_t i = 0;
            while (i < long_trace.size() && long_trace[i].t_s < delivered_t) {
                Sample s = long_trace[i++];
                s.buttons = 0;
                trial.feed(s);
            }
            trial.signal_pain(event_t, PainSignalSource::Keyboard);
            // An event newer than the last sample waits for the next one.
            while (!trial.finished() && i < long_trace.size()) {
                Sample s = long_trace[i++];
                s.buttons = 0;
                trial.feed(s);
            }
            external_error_samples.push_back(std::fabs(trial.result().t_sample_s - event_t) /
                                             kSamplePeriodS);
        }
    }
    return {{"rate_hz", 1000},
            {"external_event_error_samples", stats(external_error_samples)},
            {"device_button_threshold_error_kpa", stats(button_error_kpa)},
            {"goal_samples", 1.0}};
}

nlohmann::json ramp_rate(int seeds) {
    nlohmann::json out;
    for (const PptPreset& preset : {PptPreset::dfns(), PptPreset::fischer()}) {
        std::vector<double> error_pct;
        for (int seed = 1; seed <= seeds; ++seed) {
            std::mt19937_64 rng(static_cast<std::uint64_t>(1000 + seed));
            const synth::Tremor tremor = synth::Tremor::random(rng);
            synth::RampScript script;
            script.rate_kpa_s = preset.rate_kpa_s;
            script.button_at_kpa = 200.0 + 10.0 * (seed % 40);
            PptTrial trial(preset);
            trial.arm();
            for (const Sample& s : synth::make_ramp(script, tremor, rng))
                trial.feed(s);
            error_pct.push_back(100.0 * std::fabs(trial.result().rate_kpa_s - preset.rate_kpa_s) /
                                preset.rate_kpa_s);
        }
        out[preset.name] = {{"target_kpa_s", preset.rate_kpa_s},
                            {"abs_error_pct", stats(error_pct)}};
    }
    out["goal_pct"] = 2.0;
    return out;
}

// Latency from the onset of a 10 % decay to the prompt, for decays spread over decay_s.
nlohmann::json release_latency(int seeds, double decay_s) {
    std::vector<double> latency_s;
    int missed = 0;
    int early = 0;
    for (int seed = 1; seed <= seeds; ++seed) {
        std::mt19937_64 rng(static_cast<std::uint64_t>(2000 + seed));
        const synth::Tremor tremor = synth::Tremor::random(rng);
        synth::HoldScript script;
        script.duration_s = 20.0 + decay_s + 10.0;
        script.decay_onset_s = 20.0;
        script.decay_s = decay_s;
        ReleaseDetector detector;
        double first = -1.0;
        for (const Sample& s : synth::make_hold(script, tremor, rng)) {
            if (detector.add(s.t_s, s.force_n) && first < 0.0) first = s.t_s;
        }
        if (first < 0.0) {
            ++missed;
        } else if (first < script.decay_onset_s) {
            ++early;
        } else {
            latency_s.push_back(first - script.decay_onset_s);
        }
    }
    return {{"decay_pct", 10.0},
            {"decay_over_s", decay_s},
            {"latency_s", stats(latency_s)},
            {"missed", missed},
            {"prompted_before_onset", early}};
}

nlohmann::json false_prompts(int seeds, double wander_pct) {
    int prompts = 0;
    double minutes = 0.0;
    std::size_t samples = 0;
    const auto t0 = std::chrono::steady_clock::now();
    for (int seed = 1; seed <= seeds; ++seed) {
        std::mt19937_64 rng(static_cast<std::uint64_t>(3000 + seed));
        synth::Tremor tremor = synth::Tremor::random(rng);
        tremor.wander_pct = wander_pct;
        synth::HoldScript script;
        script.duration_s = 300.0;
        script.level_kpa = 150.0 + 10.0 * (seed % 30);
        ReleaseDetector detector;
        for (const Sample& s : synth::make_hold(script, tremor, rng)) {
            prompts += detector.add(s.t_s, s.force_n) ? 1 : 0;
            ++samples;
        }
        minutes += script.duration_s / 60.0;
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return {{"wander_pct", wander_pct},
            {"minutes", minutes},
            {"false_prompts", prompts},
            {"per_5_min", 5.0 * prompts / minutes},
            {"goal_per_5_min_below", 1.0},
            {"generate_and_detect_samples_per_s", static_cast<double>(samples) / seconds}};
}

// Engine cost: a 5-minute hold through HoldEngine (band, timer, detector, step-up logic).
nlohmann::json hold_engine_throughput() {
    std::mt19937_64 rng(42);
    const synth::Tremor tremor = synth::Tremor::random(rng);
    synth::HoldScript script;
    script.duration_s = 300.0;
    const auto trace = synth::make_hold(script, tremor, rng);
    HoldConfig config;
    config.band = PressureBand{250.0, 350.0, 450.0};
    config.hold_s = 1000.0;
    HoldEngine engine(config);
    const auto t0 = std::chrono::steady_clock::now();
    for (const Sample& s : trace)
        engine.feed(s);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return {{"samples", trace.size()},
            {"samples_per_s", static_cast<double>(trace.size()) / seconds}};
}

} // namespace

int main(int argc, char** argv) {
    int seeds = 50;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--seeds") == 0 && i + 1 < argc) {
            seeds = std::atoi(argv[++i]);
        } else {
            std::cerr << "usage: algoscope-bench-protocols [--seeds N]\n";
            return 2;
        }
    }
    if (seeds < 1) {
        std::cerr << "--seeds must be at least 1\n";
        return 2;
    }
    nlohmann::json out;
    out["seeds"] = seeds;
    out["alignment"] = alignment(seeds);
    out["ramp_rate"] = ramp_rate(seeds);
    out["release_detection"] = {release_latency(seeds, 3.0), release_latency(seeds, 5.0),
                                release_latency(seeds, 10.0)};
    out["false_prompts"] = {false_prompts(seeds, 1.0), false_prompts(seeds, 2.0)};
    out["hold_engine"] = hold_engine_throughput();
    std::cout << out.dump(2) << '\n';
    return 0;
}
