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

StoredHistory read_stored_history(const std::string& command, const cli_study::StudySource& source,
                                  const std::string& subject) {
    if (const std::string wrong = cli_study::check_study_source(source); !wrong.empty())
        fail(command, wrong);
    // A history or a report never changes the study.
    auto opened = cli_study::open_for_reading(source);
    if (!opened.storage) fail(command, opened.error);
    StoredHistory out;
    out.db = std::move(opened.storage);
    std::optional<records::SubjectRecords> records;
    try {
        records = out.db->history_of(subject);
    } catch (const std::exception& e) {
        fail(command, e.what()); // the shared study: a code clash, a lost server
    }
    if (!records) fail(command, "no subject with the code '" + subject + "' in " + source.name());
    out.history = history::SubjectHistory::build(*records);
    return out;
}

} // namespace cli_history
