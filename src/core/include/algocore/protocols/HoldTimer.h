#pragma once
// Time in band for a sustained hold. Counts only while the pressure is in the band; a
// brief excursion (tremor) shorter than the grace is credited back when the pressure
// returns, so the count never shows time that later has to be taken away. A stretch without
// signal counts neither in nor out of band: the hold's clock stands still across it. The
// live count and the stored hold's dose both count with this timer, so they cannot differ.
#include "algocore/protocols/PressureBand.h"

namespace algocore::protocols {

/// Hold duration prescribed and grace allowed for brief excursions.
struct HoldTimerConfig {
    double hold_s = 60.0; ///< prescribed time in band
    double grace_s = 0.5; ///< excursions up to this long still count as in band
    ConfigCheck validate() const;
};

/// Counts time in band from per-sample band states. Deterministic: only sample times are
/// used. The interval between two samples is attributed to the state of the earlier one.
class HoldTimer {
public:
    explicit HoldTimer(HoldTimerConfig config = {});

    /// Feeds the band state of the sample at t_s (t_s must not decrease). gap_before: the
    /// signal was lost since the previous sample (live::GapDetector's judgement, or the live
    /// view's NO SIGNAL); nothing is known of the pressure then, so that stretch is not
    /// counted, nor credited back later as a brief excursion.
    void update(double t_s, BandState state, bool gap_before = false);
    /// Forgets everything (same config).
    void reset();

    bool started() const { return started_; } ///< first entry into the band happened
    bool complete() const;                    ///< time in band reached hold_s
    bool in_excursion() const { return out_since_s_ >= 0.0; } ///< currently out of band
    bool in_grace() const; ///< out of band, but still within the grace
    double time_in_band_s() const { return in_band_s_; }
    double elapsed_s() const; ///< since first entry into the band, with signal only
    /// Time without signal since the first entry into the band (not in elapsed_s()).
    double signal_lost_s() const { return signal_lost_s_; }
    double remaining_s() const;                    ///< hold_s - time in band, never negative
    int excursions() const { return excursions_; } ///< out-of-band episodes longer than grace
    int overshoots() const { return overshoots_; } ///< episodes above the band (any length)
    const HoldTimerConfig& config() const { return config_; }

private:
    void close_excursion(double t_s);

    HoldTimerConfig config_;
    bool started_ = false;
    double start_t_s_ = 0.0;
    double last_t_s_ = 0.0;    ///< on the hold's clock (session clock less the gaps)
    double session_t_s_ = 0.0; ///< the latest sample's time on the session clock
    double signal_lost_s_ = 0.0;
    BandState last_state_ = BandState::Below;
    double in_band_s_ = 0.0;
    double out_since_s_ = -1.0; ///< start of the current excursion, -1 when in band
    bool excursion_counted_ = false;
    bool excursion_over_limit_ = false;
    bool above_now_ = false;
    int excursions_ = 0;
    int overshoots_ = 0;
};

} // namespace algocore::protocols
