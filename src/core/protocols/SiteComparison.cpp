#include "algocore/protocols/SiteComparison.h"

#include <cctype>
#include <cmath>

namespace algocore::protocols {

namespace {
// MDC95 of clinical PPT testing (Walton et al. 2011, J Orthop Sports Phys Ther 41(9)).
// These are starting values; a clinic should set its own from its reliability data.
constexpr double kUpperTrapeziusMdcKpa = 47.2;
constexpr double kTibialisAnteriorMdcKpa = 97.9;
constexpr double kFallbackMdcKpa = 50.0;

std::string key(const std::string& site) {
    std::string out;
    for (char c : site)
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}
} // namespace

SideDifference compare_sides(double left_kpa, double right_kpa) {
    SideDifference d;
    d.left_kpa = left_kpa;
    d.right_kpa = right_kpa;
    d.difference_kpa = left_kpa - right_kpa;
    d.abs_difference_kpa = std::fabs(d.difference_kpa);
    // Relative to the mean of both sides so the figure does not depend on which side is
    // named first.
    const double mean = 0.5 * (left_kpa + right_kpa);
    d.difference_pct = mean > 0.0 ? 100.0 * d.abs_difference_kpa / mean : 0.0;
    d.lower_side = left_kpa < right_kpa ? 'L' : (right_kpa < left_kpa ? 'R' : '=');
    return d;
}

const char* to_string(ChangeVerdict verdict) {
    switch (verdict) {
    case ChangeVerdict::NoDetectableChange: return "no_detectable_change";
    case ChangeVerdict::Increased: return "increased";
    case ChangeVerdict::Decreased: return "decreased";
    }
    return "unknown";
}

ThresholdChange judge_change(double previous_kpa, double current_kpa, double mdc_kpa) {
    ThresholdChange c;
    c.previous_kpa = previous_kpa;
    c.current_kpa = current_kpa;
    c.change_kpa = current_kpa - previous_kpa;
    c.change_pct = previous_kpa > 0.0 ? 100.0 * c.change_kpa / previous_kpa : 0.0;
    c.mdc_kpa = mdc_kpa;
    // A change equal to the MDC is still within measurement error.
    if (std::fabs(c.change_kpa) > mdc_kpa)
        c.verdict = c.change_kpa > 0.0 ? ChangeVerdict::Increased : ChangeVerdict::Decreased;
    return c;
}

MdcTable::MdcTable() : fallback_kpa_(kFallbackMdcKpa) {
    set("upper trapezius", kUpperTrapeziusMdcKpa);
    set("tibialis anterior", kTibialisAnteriorMdcKpa);
}

MdcTable MdcTable::empty(double fallback_kpa) {
    MdcTable table;
    table.by_site_.clear();
    table.fallback_kpa_ = fallback_kpa;
    return table;
}

void MdcTable::set(const std::string& site, double mdc_kpa) {
    by_site_[key(site)] = mdc_kpa;
}

double MdcTable::mdc_kpa(const std::string& site) const {
    const auto it = by_site_.find(key(site));
    return it == by_site_.end() ? fallback_kpa_ : it->second;
}

bool MdcTable::has_site(const std::string& site) const {
    return by_site_.count(key(site)) != 0;
}

} // namespace algocore::protocols
