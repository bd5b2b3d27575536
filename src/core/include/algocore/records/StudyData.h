#pragma once
// Everything in a database, loaded at once for export (JSON "with everything", CSV tables).
#include <map>
#include <vector>

#include "algocore/records/ReactionRecords.h"
#include "algocore/records/Records.h"
#include "algocore/records/TriggerPointRecords.h"

namespace algocore::records {

/// All records of a database. Traces are loaded on demand (they can be large).
struct StudyData {
    std::vector<Subject> subjects;
    std::vector<Operator> operators;
    std::vector<Session> sessions;
    std::vector<Site> sites;
    std::vector<Trial> trials;
    std::vector<Hold> holds;
    std::vector<TrainingScore> training_scores;
    std::vector<ExpertTemplate> templates;
    std::vector<TrainingPlan> training_plans;
    std::vector<AuditEntry> audit_log;
    /// Every stored MDC of the lab's own, oldest first (the newest of a site and side is in
    /// force; the older ones are its history).
    std::vector<SiteMdcRecord> site_mdc;
    /// Every reaction-time test with its cues, oldest first.
    std::vector<ReactionTest> reaction_tests;
    /// The trigger-point findings in force at each point of each session (the newest of a
    /// session, site and side), by session, site and side.
    std::vector<TriggerPointFindings> findings;
    /// The reaction time (ms) each session's thresholds are adjusted with, by session id
    /// (history::reaction_ms_for over the whole study, so a filtered export adjusts as the
    /// whole one does); filled by exporting::filter_study, absent where no test applies.
    std::map<RecordId, double> reaction_ms_by_session;

    const Subject* subject(RecordId id) const;
    const Operator* operator_by_id(RecordId id) const;
    const Session* session(RecordId id) const;
    const Site* site(RecordId id) const;
};

/// The subjects in the pickers' order: most recently seen first (their latest session's
/// start, then its id), then those never seen, newest first. StorageReader::subjects() answers
/// in this order whatever the back end.
std::vector<Subject> recent_first(std::vector<Subject> subjects,
                                  const std::vector<Session>& sessions);

} // namespace algocore::records
