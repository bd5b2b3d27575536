#include "StudySource.h"

#include <filesystem>

#include "algocore/storage/OpenStorage.h"

namespace cli_study {

using namespace algocore;

void add_study_options(CLI::App* command, StudySource& source) {
    auto* db = command->add_option("--db", source.db, "Database file (opened read-only)");
    auto* server = command->add_option(
        "--server", source.server,
        "The shared study instead of a file: a libpq connection string or postgresql:// URI "
        "(no password in it: ~/.pgpass or PGPASSFILE)");
    db->excludes(server);
    server->excludes(db);
}

std::string check_study_source(const StudySource& source) {
    if (source.db.empty() && source.server.empty()) return "give --db FILE or --server URL";
    return {};
}

OpenedStudy open_for_reading(const StudySource& source) {
    OpenedStudy out;
    // Reading never changes the file, even while it is recorded into; the server is only read.
    if (source.is_server()) {
        storage::Opened opened = storage::open_server(source.server, {.writable = false});
        out.storage = std::move(opened.storage);
        out.error = std::move(opened.error);
        return out;
    }
    if (!std::filesystem::exists(source.db)) {
        out.error = "no database at " + source.db;
        return out;
    }
    auto opened = storage::open(source.db, {.writable = false});
    if (!opened.storage) {
        out.error = source.db + ": " + opened.error;
        return out;
    }
    out.note = opened.storage->read_note();
    out.storage = std::move(opened.storage);
    return out;
}

} // namespace cli_study
