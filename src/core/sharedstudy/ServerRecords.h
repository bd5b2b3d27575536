#pragma once
// Reading the whole study's records from the server as the storage's record types, so every
// view built on a database file (history, report, reliability, export) works unchanged on the
// shared study. Ids are the server's; a merged subject is read as the one it was merged into,
// operators with one name are one operator (raters across stations), sites are the built-in
// library plus each custom site key once.
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "algocore/records/StudyData.h"
#include "algocore/records/SubjectRecords.h"
#include "algocore/sharedstudy/ServerConnection.h"

namespace algocore::sharedstudy {

/// A read that failed: the server's one-line message.
class ServerReadError : public std::runtime_error {
public:
    explicit ServerReadError(const std::string& message) : std::runtime_error(message) {}
};

/// The study's registries, read first by every other read.
struct StudyIndex {
    std::vector<records::Site> sites;
    std::map<std::string, records::RecordId> site_by_key;
    std::vector<records::Subject> subjects;                   ///< subjects not merged into another
    std::map<std::string, records::RecordId> subject_by_uuid; ///< any record → the one it is
    std::map<std::string, std::vector<std::string>> members;  ///< root uuid → its records
    std::map<std::string, std::vector<std::string>> roots_by_code;
    std::map<records::RecordId, std::string> root_uuid; ///< root id → uuid
    std::vector<records::Operator> operators;           ///< one per name
    std::map<std::string, records::RecordId> operator_by_uuid;
};

StudyIndex read_index(ServerConnection& server);

/// Every record of the study (traces are read on demand).
records::StudyData read_study(ServerConnection& server, const StudyIndex& index);

/// A subject's records by code; nullopt when no subject has it; ServerReadError when two
/// subjects that were not merged have it.
std::optional<records::SubjectRecords>
read_history(ServerConnection& server, const StudyIndex& index, const std::string& code);

/// A session's reaction-time tests with their cues, oldest first.
std::vector<records::ReactionTest> read_reaction_tests(ServerConnection& server,
                                                       records::RecordId session_id);

/// A trial's or hold's trace ("trials" or "holds"); nullopt when there is none.
std::optional<records::RawTrace> read_trace(ServerConnection& server, const char* table,
                                            records::RecordId id);

} // namespace algocore::sharedstudy
