#pragma once
// Everything a subject's history is built from, read in one go on the storage thread: the
// subject, its sessions oldest first, the operators of those sessions, every trial and hold
// of them (without their traces, which are read on demand), the site library and the lab's
// own MDC rows in force at the subject's sites.
#include <vector>

#include "algocore/records/ReactionRecords.h"
#include "algocore/records/Records.h"
#include "algocore/records/TriggerPointRecords.h"

namespace algocore::records {

/// A subject's stored records (Storage::history_of).
struct SubjectRecords {
    Subject subject;
    std::vector<Session> sessions;   ///< oldest first (started_utc, then id)
    std::vector<Operator> operators; ///< who ran these sessions
    std::vector<Trial> trials;       ///< of these sessions, in session order, then by id
    std::vector<Hold> holds;         ///< of these sessions, in session order, then by id
    std::vector<Site> sites;         ///< the whole library (names, MDC, body-map positions)
    /// The lab's own MDC at the sites the subject's trials were measured at: the newest row
    /// of each site and stored side (L, R, M or both sides), by site key then side. Which of
    /// them a point uses is MdcLookup's rule (the side's own row, else the both-sides row).
    std::vector<SiteMdcRecord> site_mdc;
    /// The reaction-time tests of these sessions (without their cues), oldest first.
    std::vector<ReactionTest> reaction_tests;
    /// The trigger-point findings in force at each point of these sessions (the newest of a
    /// session, site and side), in session order.
    std::vector<TriggerPointFindings> findings;
};

} // namespace algocore::records
