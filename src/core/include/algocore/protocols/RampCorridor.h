#pragma once
// The ramp corridor drawn on the live plot: from the ramp start, pressure should rise at the
// target rate; the corridor spans target ± tolerance, widened by a small slack so tremor
// alone does not leave it.

namespace algocore::protocols {

/// Corridor lines in pressure over time, anchored at the ramp start.
struct RampCorridor {
    double start_t_s = 0.0;
    double start_kpa = 0.0;
    double target_kpa_s = 50.0;
    double tolerance_kpa_s = 10.0;
    double slack_kpa = 5.0; ///< half-width added around the lines (tremor allowance)

    /// Pressure on the target line at t_s.
    double target_kpa(double t_s) const;
    /// Lower / upper corridor edge at t_s (never below start_kpa - slack before the start).
    double lower_kpa(double t_s) const;
    double upper_kpa(double t_s) const;
    /// Whether a pressure at t_s is within the corridor (edges inclusive).
    bool contains(double t_s, double pressure_kpa) const;
    /// Whether a rate is within target ± tolerance.
    bool rate_within(double rate_kpa_s) const;
};

} // namespace algocore::protocols
