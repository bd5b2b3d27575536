#pragma once
// Notices a tissue release while the therapist holds position: force then falls slowly.
// A least-squares line over a sliding window gives the trend; a release is a sustained
// negative slope together with a drop from the recent level, which tremor (8-12 Hz, a few
// kPa) and slow hand wander do not produce.
#include <deque>
#include <optional>

#include "algocore/protocols/ConfigCheck.h"

namespace algocore::protocols {

struct ReleaseDetectorConfig {
    double window_s = 1.0;            ///< regression window
    double min_fall_pct_per_s = 1.0;  ///< slope must be at least this steep (falling)
    double min_drop_pct = 4.0;        ///< and the level must be this far below the reference
    double reference_s = 5.0;         ///< reference = highest smoothed level in this past span
    double confirm_s = 0.3;           ///< the signs must hold this long (a fast unloading
                                      ///< passes through release-like values briefly)
    double refractory_s = 4.0;        ///< after a prompt, no new prompt for this long
    double max_fall_pct_per_s = 15.0; ///< steeper falls are deliberate unloading, not release
    double min_force_n = 1.0;         ///< below this nothing is judged (probe off)
    ConfigCheck validate() const;
};

/// Feed force samples; poll released() after each.
class ReleaseDetector {
public:
    explicit ReleaseDetector(ReleaseDetectorConfig config = {});

    /// Adds a sample; returns true exactly when a release is detected at this sample.
    bool add(double t_s, double force_n);
    /// Starts over from the current level (after a step-up).
    void rearm(double t_s);
    void reset();

    /// Latest regression slope, % of level per second (negative = falling).
    std::optional<double> slope_pct_per_s() const { return slope_pct_per_s_; }
    /// Latest drop below the reference level, % (positive = below).
    std::optional<double> drop_pct() const { return drop_pct_; }
    /// Smoothed force (window mean), N.
    std::optional<double> level_n() const { return level_n_; }
    const ReleaseDetectorConfig& config() const { return config_; }

private:
    struct Point {
        double t_s;
        double force_n;
    };
    struct Level {
        double t_s;
        double level_n;
    };
    void rebuild_sums();

    ReleaseDetectorConfig config_;
    std::deque<Point> window_;
    // Running sums over the window with time measured from anchor_t_s_, re-anchored now and
    // then so the sums keep their precision over long sessions.
    double anchor_t_s_ = 0.0;
    double sum_t_ = 0.0;
    double sum_f_ = 0.0;
    double sum_tt_ = 0.0;
    double sum_tf_ = 0.0;
    std::deque<Level> levels_; ///< decreasing levels over reference_s (max at the front)
    double quiet_until_s_ = -1e300;
    double unloading_until_s_ = -1e300;
    double candidate_since_s_ = -1.0; ///< release signs present since, -1 when absent  ///< a
                                      ///< deliberate fast fall is still in the window
    std::optional<double> slope_pct_per_s_;
    std::optional<double> drop_pct_;
    std::optional<double> level_n_;
};

} // namespace algocore::protocols
