#pragma once
// A sustained-pressure (trigger-point release) prescription: target band absolute or relative
// to the point's PPT / pain tolerance, hold time, step-ups, rest, over-pressure limit and an
// optional stretch phase. Literature presets carry their source.
#include <optional>
#include <string>
#include <vector>

#include "algocore/protocols/PressureBand.h"

namespace algocore::protocols {

/// What a prescribed pressure is expressed against.
enum class PressureAnchor {
    Absolute,        ///< value is kPa
    Ppt,             ///< value is % of the point's PPT
    Tolerance,       ///< value is % of the point's pain tolerance
    PptToleranceMid, ///< value is % of (PPT + tolerance) / 2
};
const char* to_string(PressureAnchor anchor);

/// A pressure given as kPa or as a percentage of an anchor.
struct PressureRef {
    PressureAnchor anchor = PressureAnchor::Absolute;
    double value = 0.0; ///< kPa when Absolute, else percent
};

/// A threshold stored per point that a relative prescription is anchored to.
enum class StoredThreshold { Ppt, Tolerance };
/// "PPT", "pain tolerance": how every view names it.
const char* to_words(StoredThreshold threshold);

/// The point's own thresholds used to resolve relative prescriptions.
struct PointThresholds {
    std::optional<double> ppt_kpa;
    std::optional<double> tolerance_kpa;
};

/// A band resolved to kPa, or why it cannot be (missing threshold, impossible band).
struct ResolvedBand {
    PressureBand band;
    ConfigCheck check; ///< !ok(): reason names the missing threshold or the bad value
    /// Set when the band cannot be resolved because the point has no stored threshold of
    /// this kind: a state of its own ("no PPT stored"), never a bad prescription.
    std::optional<StoredThreshold> missing;
};

struct Prescription {
    std::string name = "custom";
    std::string source; ///< literature reference, empty for custom
    PressureRef low{PressureAnchor::Absolute, 0.0};
    PressureRef high{PressureAnchor::Absolute, 0.0};
    std::optional<PressureRef> limit; ///< over-pressure limit; none = no limit
    double hold_s = 60.0;             ///< prescribed time in band
    double grace_s = 0.5;             ///< tremor-level excursion allowance
    int step_ups = 0;                 ///< expected take-up-the-slack steps (0 = none)
    bool hold_until_release = false;  ///< Simons-style: ends after step_ups releases
    int repetitions = 1;              ///< holds in the set
    double rest_s = 0.0;              ///< rest between repetitions
    double stretch_s = 0.0;           ///< timed stretch prompt after the hold (0 = none)

    ConfigCheck validate() const;
    /// Resolves the band against the point's thresholds; refuses with the missing one named.
    ResolvedBand resolve(const PointThresholds& point) const;
    /// Which thresholds this prescription needs ("PPT", "pain tolerance").
    std::vector<std::string> required_thresholds() const;

    /// Absolute band lo..hi kPa held hold_s.
    static Prescription absolute(double low_kpa, double high_kpa, double hold_s);
    /// Band low_pct..high_pct of PPT held hold_s.
    static Prescription relative_to_ppt(double low_pct, double high_pct, double hold_s);
    /// PPT held 90 s (band 90-110 % of PPT).
    static Prescription ppt_90s();
    /// (PPT + tolerance)/2 held 60 s, band ±10 % (Hou et al. 2002).
    static Prescription hou_2002();
    /// Highest tolerable pressure held 60 s, band 90-100 % of tolerance
    /// (De Meulemeester et al. 2017).
    static Prescription de_meulemeester_2017();
    /// Simons-style barrier release: hold at PPT until the tissue releases, take up the
    /// slack, repeat (3 step-ups, at most 90 s), band 90-120 % of PPT (Simons, Travell &
    /// Simons 1999).
    static Prescription simons_barrier_release();
    /// All literature presets.
    static std::vector<Prescription> presets();
};

} // namespace algocore::protocols
