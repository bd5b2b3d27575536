#include "algocore/session/StoredMetrics.h"

namespace algocore::session {

records::HoldMetrics stored_metrics(const protocols::DoseMetrics& m) {
    records::HoldMetrics r{m.duration_s, m.time_in_band_s, m.time_in_band_pct, m.mean_kpa,
                           m.median_kpa, m.pti_kpa_s,      m.peak_kpa,         m.cv_pct,
                           m.excursions, m.overshoots,     m.contact_s};
    r.signal_losses.emplace();
    for (const protocols::SignalLoss& loss : m.signal_losses)
        r.signal_losses->push_back({loss.at_s, loss.lost_s});
    return r;
}

} // namespace algocore::session
