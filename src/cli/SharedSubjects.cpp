// algoscope-cli subjects --server URL [--json] and subjects merge: the shared study's subject
// registry, read and joined on its server (SubjectRegistry in algocore does the work).
#include "SharedSubjects.h"

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "algocore/sharedstudy/SubjectRegistry.h"
#include "algoinput/JsonText.h"
#include "algoinput/QuotedInput.h"

namespace {

using namespace algocore::sharedstudy;

struct SubjectsOptions {
    std::string server;
    bool json = false;
    std::string keep;
    std::string other;
    std::string reason;
};

int exit_status(const ServerError& error) {
    return error.transient() ? 3 : 2;
}

std::unique_ptr<ServerConnection> connect(const std::string& address, const char* command) {
    ServerOpen opened = ServerConnection::open(address);
    if (!opened.connection)
        std::cerr << "algoscope-cli " << command << ": " << opened.error.message << "\n";
    if (!opened.connection) throw CLI::RuntimeError(exit_status(opened.error));
    return std::move(opened.connection);
}

int run_list(const SubjectsOptions& o) {
    auto server = connect(o.server, "subjects");
    const SubjectList list = list_subjects(*server);
    if (list.error) {
        std::cerr << "algoscope-cli subjects: " << list.error.message << "\n";
        return exit_status(list.error);
    }
    if (o.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const SharedSubject& s : list.subjects)
            out.push_back({{"uuid", s.uuid},
                           {"code", s.code},
                           {"station", s.station},
                           {"clash", s.clash},
                           {"merged_into", s.merged_into ? nlohmann::json(*s.merged_into)
                                                         : nlohmann::json(nullptr)},
                           {"sessions", s.sessions}});
        std::cout << algoinput::json_text(out) << std::endl;
        return 0;
    }
    for (const SharedSubject& s : list.subjects) {
        std::cout << s.uuid << "  " << algoinput::escape_input(s.code) << "  "
                  << algoinput::escape_input(s.station) << "  " << s.sessions << " sessions";
        if (s.merged_into) std::cout << "  merged into " << *s.merged_into;
        if (s.clash) std::cout << "  CLASH: another subject has this code";
        std::cout << "\n";
    }
    return 0;
}

int run_merge(const SubjectsOptions& o) {
    auto server = connect(o.server, "subjects merge");
    if (ServerError e = merge_subjects(*server, o.keep, o.other, o.reason)) {
        std::cerr << "algoscope-cli subjects merge: " << e.message << "\n";
        return exit_status(e);
    }
    std::cout << "merged subject " << o.other << " into " << o.keep
              << " (recorded with who and when; nothing was rewritten)\n";
    return 0;
}

} // namespace

namespace cli_shared_subjects {

void add_to(CLI::App& subjects) {
    auto o = std::make_shared<SubjectsOptions>();
    const char* server_help =
        "libpq connection string or postgresql:// URI (no password in it: ~/.pgpass or "
        "PGPASSFILE)";
    CLI::App* cmd = &subjects;
    cmd->add_option("--server", o->server, server_help);
    cmd->add_flag("--json", o->json,
                  "Write a JSON array: uuid, code, station, clash, merged_into, sessions");
    CLI::App* merge = cmd->add_subcommand(
        "merge", "Join two subject records of one person: OTHER is read as KEEP from now on, "
                 "with an audit row (who, when, why); exit 2 refused, 3 server unreachable");
    merge->add_option("--server", o->server, server_help)->required();
    merge->add_option("keep", o->keep, "UUID of the subject to keep")->required();
    merge->add_option("other", o->other, "UUID of the subject read as KEEP")->required();
    merge->add_option("--reason", o->reason, "Why they are one person (kept in the audit row)");
    merge->callback([o] {
        if (const int code = run_merge(*o); code != 0) throw CLI::RuntimeError(code);
    });
    // The listing is `subjects` itself; another subcommand (set, merge) did its own work.
    cmd->callback([o, cmd] {
        if (!cmd->get_subcommands().empty()) return;
        if (o->server.empty()) {
            std::cerr << "algoscope-cli subjects: give --server URL to list the shared study's "
                         "subjects, or a subcommand (set, merge)\n";
            throw CLI::RuntimeError(2);
        }
        if (const int code = run_list(*o); code != 0) throw CLI::RuntimeError(code);
    });
}

} // namespace cli_shared_subjects
