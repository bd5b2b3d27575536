#pragma once
// Everything a subject's history is built from, read in one go on the storage thread: the
// subject, its sessions oldest first, the operators of those sessions, every trial and hold
// of them (without their traces, which are read on demand) and the site library.
#include <vector>

#include "algocore/storage/Records.h"

namespace algocore::storage {

/// A subject's stored records (Storage::history_of).
struct SubjectRecords {
    Subject subject;
    std::vector<Session> sessions;   ///< oldest first (started_utc, then id)
    std::vector<Operator> operators; ///< who ran these sessions
    std::vector<Trial> trials;       ///< of these sessions, in session order, then by id
    std::vector<Hold> holds;         ///< of these sessions, in session order, then by id
    std::vector<Site> sites;         ///< the whole library (names, MDC, body-map positions)
};

} // namespace algocore::storage
