#pragma once
// release-eval over a stored study: the release detector's prompts scored against the
// therapist's "release felt" marks, hold by hold and pooled (ReleaseEvaluation.h pairs them).
// Holds stored before marks were (holds.release_marks NULL) are left out and counted; so are
// holds whose therapist marked nothing (an unlabelled hold does not say there was no release,
// so its prompts are not false alarms). `algoscope-cli release-eval` is a view of this.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "algocore/analysis/ReleaseEvaluation.h"
#include "algocore/records/StudyData.h"

namespace algocore::analysis {

/// One stored hold whose marks were recorded, and its score.
struct HoldReleaseScore {
    records::RecordId hold_id = records::kNoRecord;
    std::string hold_uuid;
    std::string subject_code;
    records::RecordId session_id = records::kNoRecord;
    std::string session_started_utc;
    std::string site_key;
    records::BodySide side = records::BodySide::Left;
    int repetition = 1;
    bool scored = false; ///< false: no marks, left out of the pooled score
    ReleaseScore score;
};

struct StudyReleaseEvaluation {
    double tolerance_s = kDefaultReleaseToleranceS;
    std::vector<HoldReleaseScore> holds; ///< every hold with marks recorded, in stored order
    int holds_scored = 0;                ///< of them, those with at least one mark
    int holds_unlabelled = 0;            ///< marks recorded, none made
    int holds_not_recorded = 0;          ///< stored before marks were (schema < 11)
    ReleaseScore overall;                ///< pooled over the scored holds
};

/// Empty, or why `tolerance_s` cannot pair marks and prompts (it must be above 0 and at most
/// 60 s).
std::string check_release_tolerance(double tolerance_s);

/// Scores every hold of `study` (see the file comment). tolerance_s must pass
/// check_release_tolerance.
StudyReleaseEvaluation evaluate_study_releases(const records::StudyData& study,
                                               double tolerance_s = kDefaultReleaseToleranceS);

/// One hold as a JSON object: hold_id, hold_uuid, subject, session, date, site, side,
/// repetition, scored, marks, detections, paired, sensitivity, ppv, latency_median_s,
/// latency_p90_s (null where there is nothing to divide or no pair) and latencies_s (each
/// pair's detection − mark, in time order).
nlohmann::json hold_release_json(const HoldReleaseScore& hold);
/// The pooled score: holds (scored), holds_unlabelled, holds_not_recorded, marks, detections,
/// paired, sensitivity, ppv, latency_median_s, latency_p90_s, tolerance_s.
nlohmann::json overall_release_json(const StudyReleaseEvaluation& evaluation);

} // namespace algocore::analysis
