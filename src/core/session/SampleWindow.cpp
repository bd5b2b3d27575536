#include "algocore/session/SampleWindow.h"

#include <cstdio>
#include <limits>

namespace algocore::session {

namespace {
// A window must span most of its duration before it is judged, so a capture right after
// the load was placed cannot average a handful of samples.
constexpr double kMinCoverage = 0.9;
} // namespace

void SampleWindow::add(double t_s, double reading, double force_n) {
    readings_.push_back({t_s, reading, force_n});
    while (!readings_.empty() && readings_.front().t_s < t_s - span_s_)
        readings_.pop_front();
}

double SampleWindow::covered_s() const {
    return readings_.size() < 2 ? 0.0 : readings_.back().t_s - readings_.front().t_s;
}

std::vector<double> SampleWindow::readings() const {
    std::vector<double> out;
    out.reserve(readings_.size());
    for (const TimedReading& r : readings_)
        out.push_back(r.reading);
    return out;
}

std::vector<double> SampleWindow::forces_n() const {
    std::vector<double> out;
    out.reserve(readings_.size());
    for (const TimedReading& r : readings_)
        out.push_back(r.force_n);
    return out;
}

algocal::StabilityResult SampleWindow::assess(const algocal::StabilityRule& rule) const {
    algocal::StabilityResult result = algocal::assess_stability(forces_n(), rule);
    if (result.stable && covered_s() < kMinCoverage * span_s_) {
        result.stable = false;
        char buffer[96];
        std::snprintf(buffer, sizeof buffer, "still collecting: %.1f of %.1f s", covered_s(),
                      span_s_);
        result.message = buffer;
    }
    return result;
}

algocal::StableAverage SampleWindow::capture(const algocal::StabilityRule& rule) const {
    const algocal::StabilityResult stability = assess(rule);
    if (!stability.stable) {
        algocal::StableAverage refused;
        refused.count = stability.count;
        refused.sd = stability.sd;
        refused.mean = stability.mean;
        refused.message = stability.message;
        return refused;
    }
    // The force passed; the reading's own scatter is in other units, so only its mean and SD
    // are taken here (any rule accepts it).
    const std::vector<double> values = readings();
    algocal::StabilityRule any;
    any.min_samples = 1;
    any.max_sd = std::numeric_limits<double>::infinity();
    any.max_drift = std::numeric_limits<double>::infinity();
    return algocal::capture_stable_average(values, any);
}

} // namespace algocore::session
