#include "algocore/session/PointRows.h"

#include "algocore/protocols/ThresholdSeries.h"

namespace algocore::session {

std::vector<bool> superseded_rows(const std::vector<PptTrialRow>& rows,
                                  const std::string& preset_name) {
    // What the rule reads of each trial, as the storage will read it back.
    std::vector<records::Trial> as_stored;
    as_stored.reserve(rows.size());
    for (const PptTrialRow& row : rows) {
        records::Trial t;
        t.counted = row.trial.counted;
        t.rest_s = row.trial.rest_s;
        t.outcome = protocols::to_string(row.trial.result.end);
        t.peak_kpa = row.trial.result.peak_kpa;
        t.preset = preset_name;
        as_stored.push_back(std::move(t));
    }
    std::vector<bool> superseded(rows.size(), false);
    const protocols::SeriesAtPoint found = protocols::series_at_point(as_stored);
    if (found.counting < 0) return superseded;
    for (std::size_t s = 0; s < found.series.size(); ++s)
        if (static_cast<int>(s) != found.counting)
            for (std::size_t i : found.series[s])
                superseded[i] = true;
    return superseded;
}

} // namespace algocore::session
