#pragma once
// The study's shared registry of subjects. Two stations that both create subject S-017
// offline make two records with two UUIDs; the registry flags the clash and a person merges
// them. A merge rewrites nothing (on the server or on any station): it is its own audited row
// saying "read OTHER as KEEP", so every reader then sees one subject with both stations'
// sessions.
#include <optional>
#include <string>
#include <vector>

#include "algocore/sharedstudy/ServerConnection.h"

namespace algocore::sharedstudy {

/// One subject record on the server.
struct SharedSubject {
    std::string uuid;
    std::string code;
    std::string station;                    ///< where it was created
    bool clash = false;                     ///< another subject (not merged with it) has its code
    std::optional<std::string> merged_into; ///< the subject it is read as, after a merge
    int sessions = 0;                       ///< its own sessions
};

/// The registry, or why it could not be read.
struct SubjectList {
    std::vector<SharedSubject> subjects; ///< by code, then creation order
    ServerError error;
};

/// Every subject of the study, with its clash flag and merge.
SubjectList list_subjects(ServerConnection& server);

/// Merges `other` into `keep` with an audit row (who, when, why). Refused when either is
/// unknown, they are the same, or either was already merged.
ServerError merge_subjects(ServerConnection& server, const std::string& keep,
                           const std::string& other, const std::string& reason);

/// The subject every subject record is read as (itself, or where its merges lead).
std::string merge_root(const std::vector<SharedSubject>& subjects, const std::string& uuid);

} // namespace algocore::sharedstudy
