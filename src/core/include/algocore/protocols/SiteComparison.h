#pragma once
// Side-to-side asymmetry of thresholds and change since the previous session, judged
// against a minimal detectable change (MDC).
#include <map>
#include <string>

namespace algocore::protocols {

/// Left-right difference at one site.
struct SideDifference {
    double left_kpa = 0.0;
    double right_kpa = 0.0;
    double difference_kpa = 0.0; ///< left - right
    double abs_difference_kpa = 0.0;
    double difference_pct = 0.0; ///< |left - right| / mean(left, right) × 100
    char lower_side = '=';       ///< 'L', 'R' or '=' (the more sensitive side)
};
SideDifference compare_sides(double left_kpa, double right_kpa);

enum class ChangeVerdict { NoDetectableChange, Increased, Decreased };
const char* to_string(ChangeVerdict verdict);

/// Change of a site's threshold between two sessions.
struct ThresholdChange {
    double previous_kpa = 0.0;
    double current_kpa = 0.0;
    double change_kpa = 0.0;                                   ///< current - previous
    double change_pct = 0.0;                                   ///< relative to previous
    double mdc_kpa = 0.0;                                      ///< MDC used
    ChangeVerdict verdict = ChangeVerdict::NoDetectableChange; ///< |change| > MDC
    std::string mdc_source; ///< where mdc_kpa comes from, one line (set by whoever chose it)
};

ThresholdChange judge_change(double previous_kpa, double current_kpa, double mdc_kpa);

/// Per-site MDC in kPa, with literature defaults and a fallback for other sites.
/// Defaults (MDC95): upper trapezius 47.2 kPa, tibialis anterior 97.9 kPa
/// (Walton et al. 2011, JOSPT 41(9)); other sites fall back to fallback_kpa.
class MdcTable {
public:
    MdcTable(); ///< with literature defaults
    static MdcTable empty(double fallback_kpa);
    void set(const std::string& site, double mdc_kpa); ///< site names are case-insensitive
    double mdc_kpa(const std::string& site) const;
    bool has_site(const std::string& site) const;
    double fallback_kpa() const { return fallback_kpa_; }
    void set_fallback_kpa(double mdc_kpa) { fallback_kpa_ = mdc_kpa; }

private:
    std::map<std::string, double> by_site_;
    double fallback_kpa_ = 50.0;
};

} // namespace algocore::protocols
