// algoscope-cli server init: creates the shared study on a PostgreSQL server, or migrates it
// to the schema this program writes. A study newer than this program is refused untouched.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "algoargs/Arguments.h"
#include "algocore/sharedstudy/ServerSchema.h"
#include "algoinput/JsonText.h"

namespace {

using namespace algocore::sharedstudy;

struct ServerInitOptions {
    std::string server;
    std::string study;
    bool json = false;
};

// Exit status for a server failure: 3 when the network or server may come back, 2 otherwise.
int exit_status(const ServerError& error) {
    return error.transient() ? 3 : 2;
}

int run_init(const ServerInitOptions& o) {
    ServerOpen opened = ServerConnection::open(o.server);
    if (!opened.connection) {
        std::cerr << "algoscope-cli server init: " << opened.error.message << "\n";
        return exit_status(opened.error);
    }
    const StudyInit init = init_study(*opened.connection, o.study.empty() ? "study" : o.study);
    if (init.error) {
        std::cerr << "algoscope-cli server init: " << init.error.message << "\n";
        return exit_status(init.error);
    }
    const std::string what = init.from_version == 0 ? "created"
                             : init.from_version == init.study.schema_version
                                 ? "already current"
                                 : "migrated from version " + std::to_string(init.from_version);
    if (o.json) {
        std::cout << algoinput::json_text(
                         nlohmann::json{{"study", init.study.name},
                                        {"study_uuid", init.study.uuid},
                                        {"schema_version", init.study.schema_version},
                                        {"from_version", init.from_version}})
                  << std::endl;
    } else {
        std::cout << "shared study '" << init.study.name << "' (" << init.study.uuid << ") on "
                  << opened.connection->describe() << ": schema version "
                  << init.study.schema_version << ", " << what << "\n";
    }
    return 0;
}

} // namespace

void register_server_command(CLI::App& app) {
    CLI::App* server = app.add_subcommand("server", "The shared study's PostgreSQL server");
    server->require_subcommand(1);
    auto o = std::make_shared<ServerInitOptions>();
    CLI::App* init = server->add_subcommand(
        "init", "Create the shared study on the server or migrate it to this version's schema "
                "(exit 2 refused, 3 server unreachable)");
    init->add_option("--server", o->server,
                     "libpq connection string or postgresql:// URI (no password in it: "
                     "~/.pgpass or PGPASSFILE)")
        ->required();
    init->add_option("--study", o->study, "The study's name, when it is created (default: study)")
        ->check(cli_args::printable_name());
    init->add_flag("--json", o->json, "Write one JSON object instead of text");
    init->callback([o] {
        if (const int code = run_init(*o); code != 0) throw CLI::RuntimeError(code);
    });
}
