#include "algocore/analysis/ReleaseEvaluation.h"

#include <algorithm>

#include "algocore/protocols/SampleQuantile.h"

namespace algocore::analysis {
namespace {

void finish(ReleaseScore& score) {
    if (score.marks > 0) score.sensitivity = static_cast<double>(score.paired) / score.marks;
    if (score.detections > 0) score.ppv = static_cast<double>(score.paired) / score.detections;
    std::vector<double> latencies;
    for (const ReleasePair& pair : score.pairs)
        latencies.push_back(pair.latency_s);
    score.latency_median_s = protocols::sample_quantile(latencies, 0.5);
    score.latency_p90_s = protocols::sample_quantile(latencies, 0.9);
}

} // namespace

ReleaseScore score_releases(std::vector<double> marks_s, std::vector<double> detections_s,
                            double tolerance_s) {
    std::sort(marks_s.begin(), marks_s.end());
    std::sort(detections_s.begin(), detections_s.end());
    ReleaseScore score;
    score.marks = static_cast<int>(marks_s.size());
    score.detections = static_cast<int>(detections_s.size());
    // Every window has the same width, so giving each mark (in time order) the earliest
    // detection still free in its window pairs as many as any pairing can.
    std::size_t next = 0;
    for (const double mark : marks_s) {
        while (next < detections_s.size() && detections_s[next] < mark - tolerance_s)
            ++next;
        if (next < detections_s.size() && detections_s[next] <= mark + tolerance_s) {
            score.pairs.push_back({mark, detections_s[next], detections_s[next] - mark});
            ++next;
        }
    }
    score.paired = static_cast<int>(score.pairs.size());
    finish(score);
    return score;
}

ReleaseScore pool_release_scores(const std::vector<ReleaseScore>& holds) {
    ReleaseScore pooled;
    for (const ReleaseScore& hold : holds) {
        pooled.marks += hold.marks;
        pooled.detections += hold.detections;
        pooled.paired += hold.paired;
        pooled.pairs.insert(pooled.pairs.end(), hold.pairs.begin(), hold.pairs.end());
    }
    finish(pooled);
    return pooled;
}

} // namespace algocore::analysis
