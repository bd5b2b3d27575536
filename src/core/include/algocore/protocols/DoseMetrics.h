#pragma once
// The dose of one sustained hold, computed from its trace: how long, how much of it in
// band, how hard (mean, median, peak, pressure-time integral), how steady (CV), and how many
// excursions and step-ups.
#include <optional>
#include <vector>

#include "algocore/Sample.h"
#include "algocore/protocols/PressureBand.h"
#include "algocore/protocols/ProbeContact.h"

namespace algocore::protocols {

struct DoseMetrics {
    double duration_s = 0.0;       ///< first to last sample of the hold
    double contact_s = 0.0;        ///< time with the probe in contact (>= kProbeOnSkinKpa)
    double time_in_band_s = 0.0;   ///< per HoldTimer (with grace)
    double time_in_band_pct = 0.0; ///< time_in_band / duration × 100
    double mean_kpa = 0.0;         ///< time-weighted mean while in contact (the probe on the skin)
    double median_kpa = 0.0;       ///< median of the samples in contact
    double pti_kpa_s = 0.0;        ///< pressure-time integral, trapezoid rule
    double peak_kpa = 0.0;
    double cv_pct = 0.0; ///< sample SD (n-1) / mean × 100, samples in contact
    int excursions = 0;  ///< out-of-band episodes longer than the grace
    int overshoots = 0;  ///< episodes above the band
    int step_ups = 0;
    std::optional<int> pain_rating_0_10; ///< entered after the hold
};

/// Computes the metrics of a hold trace (samples in time order). step_ups comes from the
/// hold engine; the pain rating is set later by the caller.
DoseMetrics measure_dose(const std::vector<Sample>& trace, const PressureBand& band, double grace_s,
                         int step_ups = 0);

/// Pressure-time integral of a trace by the trapezoid rule, kPa·s.
double pressure_time_integral_kpa_s(const std::vector<Sample>& trace);

/// Validates a pain rating (integer 0..10).
ConfigCheck check_pain_rating(int rating_0_10);

} // namespace algocore::protocols
