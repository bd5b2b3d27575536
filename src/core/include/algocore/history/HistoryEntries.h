#pragma once
// What a subject's history is made of: per point (site, side, measure) the threshold of each
// session with its trials, SD and change verdicts; every hold with its dose; every session.
// Plain values built by SubjectHistory; pressures are kPa.
#include <optional>
#include <string>
#include <vector>

#include "algocore/history/MdcLookup.h"
#include "algocore/protocols/SiteComparison.h"
#include "algocore/records/Records.h"
#include "algocore/records/TriggerPointRecords.h"

namespace algocore::history {

/// One trial as the history lists it (its trace is read on demand by trial_id).
struct TrialValue {
    records::RecordId trial_id = records::kNoRecord;
    int index = 1;
    double ppt_kpa = 0.0;
    bool valid = false;
    bool counted = false;
    std::string excluded_reason; ///< why the examiner excluded it; empty = not excluded
    /// The rate over the last second before the button (none without one, or stored before).
    std::optional<double> rate_at_button_kpa_s{};
    /// ppt − rate at button × the session's reaction time: an estimate beside the threshold
    /// (protocols::rt_adjusted_ppt_kpa); none without both.
    std::optional<double> ppt_rt_adjusted_kpa{};
};

/// A point's threshold in one session: the mean of its counted trials.
struct PointVisit {
    records::RecordId session_id = records::kNoRecord;
    std::string session_started_utc;
    std::vector<TrialValue> trials; ///< every trial, counted or not, in order
    int n = 0;                      ///< counted trials; 0 = no threshold this session
    double mean_kpa = 0.0;
    double sd_kpa = 0.0; ///< sample SD (n - 1); 0 when n < 2
    double cv_pct = 0.0;
    /// Against the last earlier session with a threshold here (none for the first).
    std::optional<protocols::ThresholdChange> vs_previous;
    /// Against the first session with a threshold here (none for the first itself).
    std::optional<protocols::ThresholdChange> vs_first;
    /// Left against right at this site in this session, when both sides have a threshold.
    std::optional<protocols::SideDifference> sides;
};

/// A point over the sessions, oldest first.
struct PointSeries {
    records::Site site;
    records::BodySide side = records::BodySide::Left;
    records::TrialMeasure measure = records::TrialMeasure::Ppt;
    MdcValue mdc; ///< the change a verdict must exceed, with its provenance
    std::vector<PointVisit> visits;

    /// The visit of a session, or null.
    const PointVisit* in_session(records::RecordId session_id) const;
    /// "Upper trapezius L", "Upper trapezius L (tolerance)".
    std::string label() const;
};

/// One stored hold with when and where it was given.
struct HoldEntry {
    records::Hold hold;
    std::string session_started_utc;
    records::Site site;
};

/// A point's trigger-point findings in one visit, with when and where (the zone's size and the
/// class are protocols' rules: zone_share_pct, classify).
struct FindingsEntry {
    records::TriggerPointFindings findings;
    std::string session_started_utc;
    records::Site site;
    /// "Upper trapezius L".
    std::string label() const;
};

/// One session and how much it holds.
struct SessionEntry {
    records::Session session;
    std::string operator_name; ///< empty when none was recorded
    int trials = 0;
    int counted_trials = 0;
    int points = 0; ///< points with at least one trial
    int holds = 0;
    /// The subject's reaction time this session's thresholds are adjusted with (the latest
    /// complete test of this or an earlier session: history::reaction_ms_for); none without.
    std::optional<double> reaction_time_ms{};
};

} // namespace algocore::history
