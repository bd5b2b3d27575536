#include "algocore/protocols/Prescription.h"

#include <cmath>
#include <utility>

namespace algocore::protocols {

namespace {
bool needs_ppt(PressureAnchor a) {
    return a == PressureAnchor::Ppt || a == PressureAnchor::PptToleranceMid;
}
bool needs_tolerance(PressureAnchor a) {
    return a == PressureAnchor::Tolerance || a == PressureAnchor::PptToleranceMid;
}

// Converts one prescribed pressure to kPa; false when the point lacks the threshold.
bool to_kpa(const PressureRef& ref, const PointThresholds& point, double& out_kpa) {
    const double fraction = ref.value / 100.0;
    switch (ref.anchor) {
    case PressureAnchor::Absolute: out_kpa = ref.value; return true;
    case PressureAnchor::Ppt:
        if (!point.ppt_kpa) return false;
        out_kpa = *point.ppt_kpa * fraction;
        return true;
    case PressureAnchor::Tolerance:
        if (!point.tolerance_kpa) return false;
        out_kpa = *point.tolerance_kpa * fraction;
        return true;
    case PressureAnchor::PptToleranceMid:
        if (!point.ppt_kpa || !point.tolerance_kpa) return false;
        out_kpa = 0.5 * (*point.ppt_kpa + *point.tolerance_kpa) * fraction;
        return true;
    }
    return false;
}

Prescription make(std::string name, std::string source, PressureRef low, PressureRef high,
                  PressureRef limit, double hold_s) {
    Prescription p;
    p.name = std::move(name);
    p.source = std::move(source);
    p.low = low;
    p.high = high;
    p.limit = limit;
    p.hold_s = hold_s;
    return p;
}
} // namespace

const char* to_string(PressureAnchor anchor) {
    switch (anchor) {
    case PressureAnchor::Absolute: return "kpa";
    case PressureAnchor::Ppt: return "pct_ppt";
    case PressureAnchor::Tolerance: return "pct_tolerance";
    case PressureAnchor::PptToleranceMid: return "pct_ppt_tolerance_mid";
    }
    return "unknown";
}

ConfigCheck Prescription::validate() const {
    if (!std::isfinite(low.value) || low.value < 0.0)
        return ConfigCheck::bad("low", "the low edge must be 0 or more");
    if (!std::isfinite(high.value) || high.value < 0.0)
        return ConfigCheck::bad("high", "the high edge must be 0 or more");
    if (low.anchor == high.anchor && low.value >= high.value)
        return ConfigCheck::bad("high", "the low edge must be below the high edge");
    if (limit && (!std::isfinite(limit->value) || limit->value <= 0.0))
        return ConfigCheck::bad("limit", "the over-pressure limit must be above 0");
    if (!std::isfinite(hold_s) || hold_s <= 0.0)
        return ConfigCheck::bad("hold_s", "the hold time must be above 0 s");
    if (!std::isfinite(grace_s) || grace_s < 0.0 || grace_s >= hold_s)
        return ConfigCheck::bad("grace_s", "the grace must be 0 s or more and below the hold time");
    if (step_ups < 0) return ConfigCheck::bad("step_ups", "step-ups must be 0 or more");
    if (hold_until_release && step_ups < 1)
        return ConfigCheck::bad("step_ups", "a hold until release needs at least one step-up");
    if (repetitions < 1) return ConfigCheck::bad("repetitions", "at least one hold is needed");
    if (!std::isfinite(rest_s) || rest_s < 0.0)
        return ConfigCheck::bad("rest_s", "the rest must be 0 s or more");
    if (!std::isfinite(stretch_s) || stretch_s < 0.0)
        return ConfigCheck::bad("stretch_s", "the stretch time must be 0 s or more");
    return ConfigCheck::good();
}

std::vector<std::string> Prescription::required_thresholds() const {
    bool ppt = needs_ppt(low.anchor) || needs_ppt(high.anchor);
    bool tolerance = needs_tolerance(low.anchor) || needs_tolerance(high.anchor);
    if (limit) {
        ppt = ppt || needs_ppt(limit->anchor);
        tolerance = tolerance || needs_tolerance(limit->anchor);
    }
    std::vector<std::string> out;
    if (ppt) out.emplace_back("PPT");
    if (tolerance) out.emplace_back("pain tolerance");
    return out;
}

const char* to_words(StoredThreshold threshold) {
    return threshold == StoredThreshold::Ppt ? "PPT" : "pain tolerance";
}

ResolvedBand Prescription::resolve(const PointThresholds& point) const {
    ResolvedBand out;
    out.check = validate();
    if (!out.check.ok()) return out;
    if (needs_ppt(low.anchor) || needs_ppt(high.anchor) || (limit && needs_ppt(limit->anchor))) {
        if (!point.ppt_kpa) {
            out.check = ConfigCheck::bad("ppt_kpa",
                                         "no PPT is stored for this point; measure the PPT first");
            out.missing = StoredThreshold::Ppt;
            return out;
        }
    }
    if (needs_tolerance(low.anchor) || needs_tolerance(high.anchor) ||
        (limit && needs_tolerance(limit->anchor))) {
        if (!point.tolerance_kpa) {
            out.check = ConfigCheck::bad(
                "tolerance_kpa",
                "no pain tolerance is stored for this point; measure the tolerance first");
            out.missing = StoredThreshold::Tolerance;
            return out;
        }
    }
    to_kpa(low, point, out.band.low_kpa);
    to_kpa(high, point, out.band.high_kpa);
    if (limit) to_kpa(*limit, point, out.band.limit_kpa);
    out.check = out.band.validate();
    return out;
}

Prescription Prescription::absolute(double low_kpa, double high_kpa, double hold_s) {
    Prescription p;
    p.low = {PressureAnchor::Absolute, low_kpa};
    p.high = {PressureAnchor::Absolute, high_kpa};
    p.hold_s = hold_s;
    return p;
}

Prescription Prescription::relative_to_ppt(double low_pct, double high_pct, double hold_s) {
    Prescription p;
    p.low = {PressureAnchor::Ppt, low_pct};
    p.high = {PressureAnchor::Ppt, high_pct};
    p.hold_s = hold_s;
    return p;
}

Prescription Prescription::ppt_90s() {
    return make("ppt_90s", "Hou et al. 2002 (Arch Phys Med Rehabil 83:1406)",
                {PressureAnchor::Ppt, 90.0}, {PressureAnchor::Ppt, 110.0},
                {PressureAnchor::Ppt, 150.0}, 90.0);
}

Prescription Prescription::hou_2002() {
    return make("hou_2002_midpoint", "Hou et al. 2002 (Arch Phys Med Rehabil 83:1406)",
                {PressureAnchor::PptToleranceMid, 90.0}, {PressureAnchor::PptToleranceMid, 110.0},
                {PressureAnchor::Tolerance, 100.0}, 60.0);
}

Prescription Prescription::de_meulemeester_2017() {
    return make("de_meulemeester_2017", "De Meulemeester et al. 2017 (Pain Medicine)",
                {PressureAnchor::Tolerance, 90.0}, {PressureAnchor::Tolerance, 98.0},
                {PressureAnchor::Tolerance, 100.0}, 60.0);
}

Prescription Prescription::simons_barrier_release() {
    Prescription p = make("simons_barrier_release",
                          "Simons, Travell & Simons 1999 (Trigger "
                          "Point Manual, 2nd ed.)",
                          {PressureAnchor::Ppt, 90.0}, {PressureAnchor::Ppt, 120.0},
                          {PressureAnchor::Ppt, 150.0}, 90.0);
    p.hold_until_release = true;
    p.step_ups = 3;
    p.stretch_s = 30.0;
    return p;
}

std::vector<Prescription> Prescription::presets() {
    return {ppt_90s(), hou_2002(), de_meulemeester_2017(), simons_barrier_release()};
}

} // namespace algocore::protocols
