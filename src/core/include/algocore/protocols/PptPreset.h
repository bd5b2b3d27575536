#pragma once
// How a pain-pressure-threshold series is run: ramp rate and tolerance, number of trials,
// rest between them, which trials count and how they are combined, a safety cut-off and
// when an invalid trial is repeated. Named presets follow published protocols.
#include <string>

#include "algocore/protocols/ConfigCheck.h"
#include "algocore/protocols/ProbeContact.h"

namespace algocore::protocols {

/// How the valid trials of a series are combined into the reported threshold.
enum class PptAggregate {
    Mean, ///< arithmetic mean (DFNS reports this; it analyses log10 values)
    Median,
    GeometricMean, ///< 10^(mean of log10) — the DFNS analysis scale
};
const char* to_string(PptAggregate aggregate);

/// When to prompt for an extra trial.
struct PptRetestRule {
    bool repeat_invalid = true;  ///< an invalid trial (flags) is repeated
    double max_spread_pct = 0.0; ///< >0: if CV of counted trials exceeds this, one more trial
    int max_extra_trials = 2;    ///< never more than this many extra trials per series
};

/// A complete PPT protocol setting.
struct PptPreset {
    std::string name = "custom";
    double rate_kpa_s = 50.0;      ///< target rate of application
    double tolerance_kpa_s = 10.0; ///< allowed deviation of the actual ramp rate
    int trials = 3;                ///< trials that count towards the result
    double inter_trial_s = 30.0;   ///< rest between trials (countdown)
    bool discard_first = false;    ///< first trial is a familiarisation trial, not counted
    PptAggregate aggregate = PptAggregate::Mean;
    double cutoff_kpa = 1000.0; ///< safety cut-off: the trial ends, threshold > cut-off
    PptRetestRule retest;
    /// A trial starts only from baseline: once armed, the pressure must be seen below this
    /// (probe lifted or resting lightly) before a ramp can begin, so a trial armed while the
    /// probe is loaded never starts mid-ramp.
    double baseline_kpa = kProbeLiftedKpa;
    double contact_kpa = kProbeOnSkinKpa; ///< ramp starts when pressure first reaches this
    double min_in_corridor_pct = 50.0;    ///< QC: below this the trial is flagged
    double corridor_slack_kpa = 5.0;      ///< tremor allowance around the corridor lines
    /// A trial whose ramp starts before the rest is over by more than this is flagged
    /// short_rest (reaction slack for an examiner watching the countdown).
    double rest_grace_s = 1.0;
    /// The rate at the button is the regression slope over this last stretch of the ramp
    /// before the pain signal; a trial whose rate there is off the target by more than
    /// rate_at_button_tolerance_pct is flagged rate_at_button (the threshold then carries a
    /// different reaction-time overshoot than the protocol assumes).
    double rate_at_button_window_s = 1.0;
    double rate_at_button_tolerance_pct = 25.0;

    /// Refuses unusable settings (rate <= 0, tolerance < 0 or >= rate, trials < 1, ...).
    ConfigCheck validate() const;

    /// DFNS QST (Rolke et al. 2006): 50 kPa/s, 3 trials, arithmetic mean; DFNS reference
    /// data are compared on log10 values (see PptSummary::geometric_mean_kpa).
    static PptPreset dfns();
    /// Fischer (1987) algometry: 1 kgf/cm² per second (in kPa/s), 3 trials, mean.
    static PptPreset fischer();
    /// Pressure pain tolerance (ramp until the subject says stop), DFNS rate, 1 trial.
    static PptPreset pain_tolerance();
    /// Looks a preset up by name ("dfns", "fischer", "tolerance"); false if unknown.
    static bool by_name(const std::string& name, PptPreset& out);
};

} // namespace algocore::protocols
