#include "algocore/protocols/ThresholdSeries.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "algocore/protocols/PptPreset.h"

namespace algocore::protocols {

namespace {

// An abort before any ramp, as older versions stored it: it interrupted its series and
// did not begin one.
bool aborted_before_ramp(const records::Trial& t) {
    return !t.rest_s && t.outcome == "aborted" && t.peak_kpa <= 0.0;
}

int counted_in(const std::vector<records::Trial>& trials, const std::vector<std::size_t>& series) {
    return static_cast<int>(std::count_if(series.begin(), series.end(),
                                          [&](std::size_t i) { return trials[i].counted; }));
}

} // namespace

SeriesAtPoint series_at_point(const std::vector<records::Trial>& trials) {
    SeriesAtPoint out;
    // Trials that carry no rest at all (stored before rests were, schema 3, or made
    // elsewhere) cannot be told apart into series: they are one, as they were counted then.
    const bool rests_known =
        std::any_of(trials.begin(), trials.end(), [](const records::Trial& t) { return t.rest_s; });
    for (std::size_t i = 0; i < trials.size(); ++i) {
        const bool begins = rests_known && !trials[i].rest_s && !aborted_before_ramp(trials[i]);
        if (out.series.empty() || begins) out.series.emplace_back();
        out.series.back().push_back(i);
    }
    int most_counted = 0;
    for (const auto& series : out.series)
        most_counted = std::max(most_counted, counted_in(trials, series));
    int latest_complete = -1;
    int latest_counted = -1;
    for (std::size_t s = 0; s < out.series.size(); ++s) {
        const int counted = counted_in(trials, out.series[s]);
        if (counted == 0) continue;
        PptPreset preset;
        const int needed = PptPreset::by_name(trials[out.series[s].front()].preset, preset)
                               ? preset.trials
                               : most_counted;
        latest_counted = static_cast<int>(s);
        if (counted >= needed) latest_complete = static_cast<int>(s);
    }
    out.counting = latest_complete >= 0 ? latest_complete : latest_counted;
    return out;
}

void apply_threshold_rule(std::vector<records::Trial>& trials) {
    using Point =
        std::tuple<records::RecordId, records::RecordId, records::BodySide, records::TrialMeasure>;
    std::map<Point, std::vector<std::size_t>> points;
    for (std::size_t i = 0; i < trials.size(); ++i) {
        const records::Trial& t = trials[i];
        points[{t.session_id, t.site_id, t.side, t.measure}].push_back(i);
    }
    for (const auto& [point, members] : points) {
        std::vector<records::Trial> at_point;
        at_point.reserve(members.size());
        for (std::size_t i : members)
            at_point.push_back(trials[i]);
        const SeriesAtPoint found = series_at_point(at_point);
        if (found.counting < 0) continue; // nothing counts here: no series is set aside
        for (std::size_t s = 0; s < found.series.size(); ++s) {
            if (static_cast<int>(s) == found.counting) continue;
            for (std::size_t k : found.series[s])
                trials[members[k]].counted = false;
        }
    }
}

} // namespace algocore::protocols
