#pragma once
// The last second or so of device readings while a reference load is on the probe, and the
// stable-average capture over them. Stability (algocal's rule: count, scatter, drift) is judged
// on the live force in newtons, so one rule fits every device whatever its counts per newton;
// the captured value is the mean of the device reading over the same window (the two are
// linearly related, so one is steady exactly when the other is).
#include <cstddef>
#include <deque>
#include <vector>

#include "algocal/Stability.h"

namespace algocore::session {

/// A device reading and the live force at a time (seconds since session start).
struct TimedReading {
    double t_s = 0.0;
    double reading = 0.0;
    double force_n = 0.0;
};

/// Rolling window of readings, by duration.
class SampleWindow {
public:
    explicit SampleWindow(double span_s = 1.0) : span_s_(span_s) {}

    void set_span_s(double span_s) { span_s_ = span_s; }
    double span_s() const { return span_s_; }
    /// Adds a reading and forgets those older than span_s before it.
    void add(double t_s, double reading, double force_n);
    void clear() { readings_.clear(); }
    std::size_t size() const { return readings_.size(); }
    /// Covered time from the oldest to the newest reading.
    double covered_s() const;
    /// The device readings, oldest first.
    std::vector<double> readings() const;
    /// The live forces, oldest first.
    std::vector<double> forces_n() const;

    /// Stability of the force under `rule` (newtons); a window not yet covering 90 % of span_s is
    /// reported unstable ("still collecting").
    algocal::StabilityResult assess(const algocal::StabilityRule& rule) const;
    /// Stable average of the device reading (mean, sd in reading units) for a point; refused
    /// while the force is unstable or the window not yet full.
    algocal::StableAverage capture(const algocal::StabilityRule& rule) const;

private:
    double span_s_;
    std::deque<TimedReading> readings_;
};

} // namespace algocore::session
