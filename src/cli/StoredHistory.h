#pragma once
// Opens a database read-only and reads one subject's history, for `history` and `report`.
// Errors are a clear sentence on standard error and exit status 2.
#include <memory>
#include <string>

#include "StudySource.h"
#include "algocore/history/SubjectHistory.h"
#include "algocore/storage/Storage.h"

namespace cli_history {

/// An open read-only study (a file or the shared study) and one subject's history from it.
struct StoredHistory {
    std::unique_ptr<algocore::storage::Storage> db;
    algocore::history::SubjectHistory history;
};

/// Reads `subject`'s history from the study; fails (CLI::RuntimeError(2)) with a message
/// prefixed by "algoscope-cli <command>:" when the study or the subject is missing.
StoredHistory read_stored_history(const std::string& command, const cli_study::StudySource& source,
                                  const std::string& subject);

/// Prints "algoscope-cli <command>: <message>" and exits with status 2.
[[noreturn]] void fail(const std::string& command, const std::string& message);

} // namespace cli_history
