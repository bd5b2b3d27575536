#include "algocore/analysis/StudyReleaseEvaluation.h"

#include <cmath>

namespace algocore::analysis {

using nlohmann::json;

namespace {

// The widest pairing window that still tells one release from the next in a hold.
constexpr double kMaxReleaseToleranceS = 60.0;

json optional_number(const std::optional<double>& value) {
    return value ? json(*value) : json(nullptr);
}

void put_score(json& out, const ReleaseScore& score) {
    out["marks"] = score.marks;
    out["detections"] = score.detections;
    out["paired"] = score.paired;
    out["sensitivity"] = optional_number(score.sensitivity);
    out["ppv"] = optional_number(score.ppv);
    out["latency_median_s"] = optional_number(score.latency_median_s);
    out["latency_p90_s"] = optional_number(score.latency_p90_s);
}

} // namespace

std::string check_release_tolerance(double tolerance_s) {
    if (!std::isfinite(tolerance_s) || tolerance_s <= 0.0 || tolerance_s > kMaxReleaseToleranceS)
        return "the tolerance must be above 0 s and at most 60 s";
    return {};
}

StudyReleaseEvaluation evaluate_study_releases(const records::StudyData& study,
                                               double tolerance_s) {
    StudyReleaseEvaluation out;
    out.tolerance_s = tolerance_s;
    std::vector<ReleaseScore> scored;
    for (const records::Hold& hold : study.holds) {
        if (!hold.release_marks) {
            ++out.holds_not_recorded;
            continue;
        }
        HoldReleaseScore h;
        h.hold_id = hold.id;
        h.hold_uuid = hold.uuid;
        h.session_id = hold.session_id;
        h.side = hold.side;
        h.repetition = hold.repetition;
        if (const auto* session = study.session(hold.session_id)) {
            h.session_started_utc = session->started_utc;
            if (const auto* subject = study.subject(session->subject_id))
                h.subject_code = subject->code;
        }
        if (const auto* site = study.site(hold.site_id)) h.site_key = site->key;
        h.score = score_releases(hold.release_marks->marks_s, hold.release_marks->detections_s,
                                 tolerance_s);
        h.scored = h.score.marks > 0;
        if (h.scored) {
            ++out.holds_scored;
            scored.push_back(h.score);
        } else {
            ++out.holds_unlabelled;
        }
        out.holds.push_back(std::move(h));
    }
    out.overall = pool_release_scores(scored);
    return out;
}

json hold_release_json(const HoldReleaseScore& hold) {
    json out = {{"hold_id", hold.hold_id},
                {"hold_uuid", hold.hold_uuid},
                {"subject", hold.subject_code},
                {"session", hold.session_id},
                {"date", hold.session_started_utc},
                {"site", hold.site_key},
                {"side", records::to_letter(hold.side)},
                {"repetition", hold.repetition},
                {"scored", hold.scored}};
    put_score(out, hold.score);
    json latencies = json::array();
    for (const ReleasePair& pair : hold.score.pairs)
        latencies.push_back(pair.latency_s);
    out["latencies_s"] = latencies;
    return out;
}

json overall_release_json(const StudyReleaseEvaluation& evaluation) {
    json out = {{"holds", evaluation.holds_scored},
                {"holds_unlabelled", evaluation.holds_unlabelled},
                {"holds_not_recorded", evaluation.holds_not_recorded}};
    put_score(out, evaluation.overall);
    out["tolerance_s"] = evaluation.tolerance_s;
    return out;
}

} // namespace algocore::analysis
