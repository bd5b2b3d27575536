// algoscope-cli import: adds the records of a rescue file (written when a database could not
// take them: read-only, full disk) to the database they were meant for, matched by identity
// (subjects by code, sites by key, records by uuid) with new local ids. Records the database
// already has are skipped, so importing twice adds nothing; a record that differs from the
// database's under the same identity is named and nothing changes.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "algocore/storage/OpenStorage.h"
#include "algoinput/JsonText.h"

namespace {

struct ImportOptions {
    std::string db;
    std::string rescue;
};

int run_import(const ImportOptions& o) {
    using namespace algocore;
    if (!std::filesystem::exists(o.db)) {
        std::cerr << "algoscope-cli import: no database at " << o.db << "\n";
        return 2;
    }
    auto opened = storage::open(o.db);
    if (!opened.storage) {
        // A database another program is recording into is not a bad file: nothing was
        // stored, try again later (the same exit as a database that cannot be written).
        std::cerr << "algoscope-cli import: " << opened.error
                  << (opened.busy ? "; nothing was imported, the rescue file is unchanged" : "")
                  << "\n";
        return opened.busy ? 4 : 2;
    }
    if (std::string problem = opened.storage->check_writable(); !problem.empty()) {
        std::cerr << "algoscope-cli import: " << problem << "; the rescue file is unchanged\n";
        return 4;
    }
    std::string summary;
    if (std::string problem = opened.storage->import_rescue(o.rescue, &summary); !problem.empty()) {
        std::cerr << "algoscope-cli import: " << problem << "\n";
        return 2;
    }
    opened.storage->close();
    std::cout << algoinput::json_text(
                     nlohmann::json{{"database", o.db}, {"rescue", o.rescue}, {"added", summary}})
              << std::endl;
    return 0;
}

} // namespace

void register_import_command(CLI::App& app) {
    auto o = std::make_shared<ImportOptions>();
    CLI::App* cmd = app.add_subcommand(
        "import", "Add the records of a rescue file to the database they were meant for "
                  "(exit 2 bad file, 4 database busy or not writable)");
    cmd->add_option("--db", o->db, "The database")->required();
    cmd->add_option("rescue", o->rescue, "The rescue file (*.rescue-*.sqlite)")
        ->required()
        ->check(CLI::ExistingFile);
    cmd->callback([o] {
        if (const int code = run_import(*o); code != 0) throw CLI::RuntimeError(code);
    });
}
