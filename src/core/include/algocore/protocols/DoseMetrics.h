#pragma once
// The dose of one sustained hold, computed from its trace: how long, how much of it in
// band, how hard (mean, median, peak, pressure-time integral), how steady (CV), and how many
// excursions and step-ups. A stretch without signal (the device unplugged, samples lost: the
// same judgement as every plot's, live::GapDetector) is named with when and how long, and is
// in no figure but the duration: nobody knows what pressure was on the skin then.
#include <optional>
#include <vector>

#include "algocore/Sample.h"
#include "algocore/protocols/PressureBand.h"
#include "algocore/protocols/ProbeContact.h"

namespace algocore::protocols {

/// A stretch of a hold without signal: when it began (seconds from the hold's first sample,
/// the last sample before it) and how long until the next sample.
struct SignalLoss {
    double at_s = 0.0;
    double lost_s = 0.0;
};

struct DoseMetrics {
    double duration_s = 0.0; ///< first to last sample of the hold, time without signal included
    std::vector<SignalLoss> signal_losses; ///< each stretch without signal, in order
    double contact_s = 0.0;                ///< time with the probe in contact (>= kProbeOnSkinKpa)
    double time_in_band_s = 0.0;           ///< per HoldTimer (with grace)
    double time_in_band_pct = 0.0; ///< time_in_band / (duration - time without signal) × 100
    double mean_kpa = 0.0;         ///< time-weighted mean while in contact (the probe on the skin)
    double median_kpa = 0.0;       ///< median of the samples in contact
    double pti_kpa_s = 0.0;        ///< pressure-time integral, trapezoid rule
    double peak_kpa = 0.0;
    double cv_pct = 0.0; ///< sample SD (n-1) / mean × 100, samples in contact
    int excursions = 0;  ///< out-of-band episodes longer than the grace
    int overshoots = 0;  ///< episodes above the band
    int step_ups = 0;
    std::optional<int> pain_rating_0_10; ///< entered after the hold

    /// Seconds without signal inside the hold (the sum of signal_losses).
    double signal_lost_s() const;
};

/// Computes the metrics of a hold trace (samples in time order). step_ups comes from the
/// hold engine; the pain rating is set later by the caller.
DoseMetrics measure_dose(const std::vector<Sample>& trace, const PressureBand& band, double grace_s,
                         int step_ups = 0);

/// For each sample of a trace (in time order): whether the signal was lost just before it.
std::vector<bool> signal_gaps(const std::vector<Sample>& trace);

/// Pressure-time integral of a trace by the trapezoid rule, kPa·s; a stretch without signal
/// adds nothing.
double pressure_time_integral_kpa_s(const std::vector<Sample>& trace);

/// Validates a pain rating (integer 0..10).
ConfigCheck check_pain_rating(int rating_0_10);

} // namespace algocore::protocols
