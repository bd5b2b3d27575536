// algoscope-cli sync: pushes a station's records that the shared study's server has not
// acknowledged, and says what it sent. Run twice, the second sends nothing. A station file
// that is an older copy, or belongs to another study, is refused and nothing is overwritten.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "algoargs/Arguments.h"
#include "algocore/sharedstudy/StationPush.h"
#include "algocore/storage/OpenStorage.h"
#include "algoinput/JsonText.h"

namespace {

using namespace algocore;
using namespace algocore::sharedstudy;

struct SyncOptions {
    std::string db;
    std::string server;
    std::string station;
    bool json = false;
};

constexpr const char* kPrefix = "algoscope-cli sync: ";

// 3 when a later try can succeed (server down, network), 2 when something must be changed.
int exit_status(const ServerError& error) {
    return error.transient() ? 3 : 2;
}

// A file of an older Algoscope is migrated first, as any recording command would.
StationFileOpen open_station(const std::string& path) {
    StationFileOpen opened = StationFile::open(path);
    if (opened.file || opened.error.find("open it once for recording") == std::string::npos)
        return opened;
    auto storage = storage::open(path);
    if (!storage.storage) return {nullptr, storage.error};
    storage.storage->close();
    return StationFile::open(path);
}

int run_sync(const SyncOptions& o) {
    if (!std::filesystem::is_regular_file(o.db)) {
        std::cerr << kPrefix << "no database at " << o.db << "\n";
        return 2;
    }
    // The server first: a wrong address or password leaves the station's file untouched.
    ServerOpen server = ServerConnection::open(o.server);
    if (!server.connection) {
        std::cerr << kPrefix << server.error.message << "; " << o.db << " is unchanged\n";
        return exit_status(server.error);
    }
    StationFileOpen station = open_station(o.db);
    if (!station.file) {
        std::cerr << kPrefix << station.error << "\n";
        return 2;
    }
    PushOptions options;
    options.station_name = o.station;
    const PushReport report = push_station(*station.file, *server.connection, options);
    if (report.error) {
        std::cerr << kPrefix << report.error.message;
        if (report.sent > 0) std::cerr << " (after " << report.sent << " records were sent)";
        if (report.error.transient())
            std::cerr << "; " << report.pending << " records waiting, nothing lost";
        std::cerr << "\n";
        return exit_status(report.error);
    }
    if (o.json) {
        std::cout << algoinput::json_text(
                         nlohmann::json{{"station", report.station},
                                        {"study", report.study},
                                        {"sent", report.sent},
                                        {"already_on_server", report.already_there},
                                        {"acknowledged_seq", report.acknowledged_seq},
                                        {"pending", report.pending},
                                        {"batches", report.batches}})
                  << std::endl;
    } else {
        std::cout << "station '" << report.station << "' to study '" << report.study << "': sent "
                  << report.sent << " records";
        if (report.already_there > 0)
            std::cout << " (" << report.already_there << " were already on the server)";
        std::cout << ", acknowledged through " << report.acknowledged_seq << ", " << report.pending
                  << " waiting\n";
    }
    return 0;
}

} // namespace

void register_sync_command(CLI::App& app) {
    auto o = std::make_shared<SyncOptions>();
    CLI::App* cmd = app.add_subcommand(
        "sync", "Push this station's records to the shared study's server (exit 2 refused, "
                "3 server unreachable: nothing is lost, try again later)");
    cmd->add_option("--db", o->db, "The station's database")->required();
    cmd->add_option("--server", o->server,
                    "libpq connection string or postgresql:// URI (no password in it: "
                    "~/.pgpass or PGPASSFILE)")
        ->required();
    cmd->add_option("--station", o->station,
                    "The station's name in the study, given at its first push (default: this "
                    "computer's name)")
        ->check(cli_args::printable_name());
    cmd->add_flag("--json", o->json,
                  "Write one JSON object: station, study, sent, already_on_server, "
                  "acknowledged_seq, pending, batches");
    cmd->callback([o] {
        if (const int code = run_sync(*o); code != 0) throw CLI::RuntimeError(code);
    });
}
