#pragma once
// Scores the release detector against the therapist's "release felt" marks. A detection and
// a mark pair up when the detection falls within ± tolerance of the mark, one to one, in time
// order; then sensitivity = paired marks / marks (how many felt releases the detector found),
// positive predictive value = paired detections / detections (how many prompts were real),
// and the latency of each pair is detection − mark (positive: the prompt came after the
// therapist felt it). Per hold and pooled over holds.
#include <optional>
#include <vector>

namespace algocore::analysis {

/// Default pairing window: a detection up to 5 s either side of a mark.
inline constexpr double kDefaultReleaseToleranceS = 5.0;

/// One mark with the detection paired to it.
struct ReleasePair {
    double mark_s = 0.0;
    double detection_s = 0.0;
    double latency_s = 0.0; ///< detection − mark
};

/// The score of one hold, or of several pooled.
struct ReleaseScore {
    int marks = 0;
    int detections = 0;
    int paired = 0;
    std::optional<double> sensitivity;      ///< paired / marks; none without marks
    std::optional<double> ppv;              ///< paired / detections; none without detections
    std::optional<double> latency_median_s; ///< over the pairs; none without pairs
    std::optional<double> latency_p90_s;
    std::vector<ReleasePair> pairs;
};

/// Pairs `detections_s` with `marks_s` (same clock, any order) within ± tolerance_s.
ReleaseScore score_releases(std::vector<double> marks_s, std::vector<double> detections_s,
                            double tolerance_s = kDefaultReleaseToleranceS);

/// Counts summed and latencies pooled over every pair of every hold.
ReleaseScore pool_release_scores(const std::vector<ReleaseScore>& holds);

} // namespace algocore::analysis
