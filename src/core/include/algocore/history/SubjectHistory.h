#pragma once
// A subject's history: every session, per point the threshold over the sessions with its SD,
// the site's MDC and a "real change" verdict against the previous and the first session, the
// left/right difference, and every hold's dose over time. Built by pure computation from one
// storage read (Storage::history_of), so the GUI asks once and the CLI, the report and the
// tests build the same thing.
#include <vector>

#include "algocore/history/HistoryEntries.h"
#include "algocore/history/MdcLookup.h"
#include "algocore/records/SubjectRecords.h"

namespace algocore::history {

class SubjectHistory {
public:
    SubjectHistory() = default;
    /// Builds the history from the subject's records, judging changes against the lab's own
    /// MDC stored with them (records.site_mdc) where there is one, else the built-in default.
    static SubjectHistory build(const records::SubjectRecords& records);
    /// The same, judging changes against mdc's values.
    static SubjectHistory build(const records::SubjectRecords& records, const MdcLookup& mdc);

    const records::Subject& subject() const { return subject_; }
    /// Oldest first.
    const std::vector<SessionEntry>& sessions() const { return sessions_; }
    /// In site-library order, then left, right, midline, then PPT before tolerance.
    const std::vector<PointSeries>& points() const { return points_; }
    /// In session order, then as given.
    const std::vector<HoldEntry>& holds() const { return holds_; }
    /// The trigger-point findings of each point in each visit, in session order, then by
    /// site and side.
    const std::vector<FindingsEntry>& findings() const { return findings_; }

    const SessionEntry* session(records::RecordId session_id) const;
    /// The newest session, or null when there is none.
    const SessionEntry* latest_session() const;
    /// The points measured in a session (in points() order).
    std::vector<const PointSeries*> points_in(records::RecordId session_id) const;
    /// The holds of a session.
    std::vector<const HoldEntry*> holds_in(records::RecordId session_id) const;
    /// The findings of a session.
    std::vector<const FindingsEntry*> findings_in(records::RecordId session_id) const;
    /// One point's findings over the visits, oldest first (how its referral zone changes).
    std::vector<const FindingsEntry*> findings_at(records::RecordId site_id,
                                                  records::BodySide side) const;

private:
    records::Subject subject_;
    std::vector<SessionEntry> sessions_;
    std::vector<PointSeries> points_;
    std::vector<HoldEntry> holds_;
    std::vector<FindingsEntry> findings_;
};

} // namespace algocore::history
