#include "StoredHistory.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>

#include "algocore/storage/OpenStorage.h"

namespace cli_history {

using namespace algocore;

void fail(const std::string& command, const std::string& message) {
    std::cerr << "algoscope-cli " << command << ": " << message << "\n";
    throw CLI::RuntimeError(2);
}

StoredHistory read_stored_history(const std::string& command, const std::string& db_path,
                                  const std::string& subject) {
    if (!std::filesystem::exists(db_path)) fail(command, "no database at " + db_path);
    // A history or a report never changes the file.
    auto opened = storage::open(db_path, {.writable = false});
    if (!opened.storage) fail(command, db_path + ": " + opened.error);
    StoredHistory out;
    out.db = std::move(opened.storage);
    const auto records = out.db->history_of(subject);
    if (!records) fail(command, "no subject with the code '" + subject + "' in " + db_path);
    out.history = history::SubjectHistory::build(*records);
    return out;
}

} // namespace cli_history
