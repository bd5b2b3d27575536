#pragma once
// Tidy reliability rows from stored sessions: per subject and rater, the mean of the counted
// trials at one site and side. A pure function of the loaded study, so the source can later
// become a targeted query without changing the statistics.
#include <string>
#include <vector>

#include "algocore/analysis/ReliabilityTable.h"
#include "algocore/records/Records.h"
#include "algocore/records/StudyData.h"

namespace algocore::analysis {

/// What plays the rater.
enum class RaterGrouping {
    Operator, ///< each operator is a rater (inter-rater reliability)
    Session,  ///< the subject's 1st, 2nd, ... session at the site and side (test-retest)
};
/// "operator", "session".
const char* to_string(RaterGrouping by);
bool parse_rater_grouping(const std::string& text, RaterGrouping& out);

/// Which readings make the rows.
struct StudyReliabilityQuery {
    std::string site_key; ///< key or display name, case-insensitive
    records::BodySide side = records::BodySide::Left;
    RaterGrouping by = RaterGrouping::Session;
    records::TrialMeasure measure = records::TrialMeasure::Ppt;
    /// With RaterGrouping::Session, the first this many sessions are the raters ("1", "2", ...);
    /// later sessions are left out (so a subject with an extra visit is not dropped).
    int sessions = 2;
};

/// Rows in kPa (subject code, rater label, mean of counted trials), or why none.
struct StudyReliabilityRows {
    bool ok = false;
    std::vector<TidyRow> rows;
    std::string site_key;
    std::string site_name;
    std::string error;
};

/// Builds the rows. Only sessions with at least one counted trial of the measure at the site
/// and side take part; session order is by started_utc (then id). With RaterGrouping::Operator
/// the reading is the mean over all of that operator's counted trials for the subject.
StudyReliabilityRows reliability_rows_from_study(const records::StudyData& study,
                                                 const StudyReliabilityQuery& query);

} // namespace algocore::analysis
