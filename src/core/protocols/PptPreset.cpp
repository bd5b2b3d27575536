#include "algocore/protocols/PptPreset.h"

#include <cmath>

#include "algocal/Units.h"

namespace algocore::protocols {

namespace {
// Fischer's rate is 1 kgf/cm² per second, in kPa from the one unit table.
constexpr double kKgfPerCm2InKpa = algocal::kilopascals_per(algocal::PressureUnit::kKgfPerCm2);
// Standard DFNS algometer range is 20 kg/cm²; its top is the usual cut-off.
constexpr double kDfnsCutoffKpa = 20.0 * kKgfPerCm2InKpa;
constexpr int kMaxTrials = 20;

bool positive(double v) {
    return std::isfinite(v) && v > 0.0;
}
} // namespace

const char* to_string(PptAggregate aggregate) {
    switch (aggregate) {
    case PptAggregate::Mean: return "mean";
    case PptAggregate::Median: return "median";
    case PptAggregate::GeometricMean: return "geometric_mean";
    }
    return "unknown";
}

ConfigCheck PptPreset::validate() const {
    if (!positive(rate_kpa_s))
        return ConfigCheck::bad("rate_kpa_s", "the ramp rate must be above 0 kPa/s");
    if (!std::isfinite(tolerance_kpa_s) || tolerance_kpa_s < 0.0)
        return ConfigCheck::bad("tolerance_kpa_s", "the rate tolerance must be 0 or more kPa/s");
    if (tolerance_kpa_s >= rate_kpa_s)
        return ConfigCheck::bad("tolerance_kpa_s",
                                "the rate tolerance must be smaller than the rate itself");
    if (trials < 1 || trials > kMaxTrials)
        return ConfigCheck::bad("trials", "the number of trials must be between 1 and 20");
    if (!std::isfinite(inter_trial_s) || inter_trial_s < 0.0)
        return ConfigCheck::bad("inter_trial_s", "the rest between trials must be 0 s or more");
    if (!positive(contact_kpa))
        return ConfigCheck::bad("contact_kpa", "the contact pressure must be above 0 kPa");
    if (!positive(baseline_kpa) || baseline_kpa > contact_kpa)
        return ConfigCheck::bad(
            "baseline_kpa", "the baseline must be above 0 kPa and not above the contact pressure");
    if (!positive(rate_at_button_window_s))
        return ConfigCheck::bad("rate_at_button_window_s",
                                "the rate-at-button window must be above 0 s");
    if (!positive(rate_at_button_tolerance_pct))
        return ConfigCheck::bad("rate_at_button_tolerance_pct",
                                "the rate-at-button tolerance must be above 0 %");
    if (!std::isfinite(rest_grace_s) || rest_grace_s < 0.0)
        return ConfigCheck::bad("rest_grace_s", "the rest grace must be 0 s or more");
    if (!positive(cutoff_kpa) || cutoff_kpa <= contact_kpa)
        return ConfigCheck::bad("cutoff_kpa", "the cut-off must be above the contact pressure");
    if (!std::isfinite(min_in_corridor_pct) || min_in_corridor_pct < 0.0 ||
        min_in_corridor_pct > 100.0)
        return ConfigCheck::bad("min_in_corridor_pct", "the corridor share must be 0-100 %");
    if (!std::isfinite(corridor_slack_kpa) || corridor_slack_kpa < 0.0)
        return ConfigCheck::bad("corridor_slack_kpa", "the corridor slack must be 0 kPa or more");
    if (retest.max_extra_trials < 0)
        return ConfigCheck::bad("retest.max_extra_trials", "extra trials must be 0 or more");
    if (!std::isfinite(retest.max_spread_pct) || retest.max_spread_pct < 0.0)
        return ConfigCheck::bad("retest.max_spread_pct", "the spread limit must be 0 % or more");
    return ConfigCheck::good();
}

PptPreset PptPreset::dfns() {
    PptPreset preset;
    preset.name = "dfns";
    preset.rate_kpa_s = 50.0;
    preset.tolerance_kpa_s = 10.0;
    preset.trials = 3;
    preset.inter_trial_s = 30.0;
    preset.aggregate = PptAggregate::Mean;
    preset.cutoff_kpa = kDfnsCutoffKpa;
    return preset;
}

PptPreset PptPreset::fischer() {
    PptPreset preset;
    preset.name = "fischer";
    preset.rate_kpa_s = kKgfPerCm2InKpa;
    preset.tolerance_kpa_s = 0.2 * kKgfPerCm2InKpa;
    preset.trials = 3;
    preset.inter_trial_s = 30.0;
    preset.aggregate = PptAggregate::Mean;
    preset.cutoff_kpa = kDfnsCutoffKpa;
    return preset;
}

PptPreset PptPreset::pain_tolerance() {
    PptPreset preset = dfns();
    preset.name = "tolerance";
    preset.trials = 1;
    return preset;
}

bool PptPreset::by_name(const std::string& name, PptPreset& out) {
    if (name == "dfns") {
        out = dfns();
    } else if (name == "fischer") {
        out = fischer();
    } else if (name == "tolerance") {
        out = pain_tolerance();
    } else {
        return false;
    }
    return true;
}

} // namespace algocore::protocols
