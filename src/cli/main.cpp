// algoscope-cli: the headless path through algocore. Everything a researcher can do in the
// GUI can be scripted from here. Each subcommand lives in its own cmd_<name>.cpp.
#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>
#include <string>

#include "algoinput/QuotedInput.h"
#include "algoversion/Version.h"

void register_all_commands(CLI::App& app);

namespace {

// CLI11 answers a mistyped command with "A subcommand is required" or "The following
// arguments were not expected", neither naming what was typed. Walk the words before the
// first option along the command tree and name the first one that is not a command.
std::string unknown_command(CLI::App& app, int argc, char** argv) {
    CLI::App* current = &app;
    for (int i = 1; i < argc; ++i) {
        const std::string word = argv[i];
        if (word.empty() || word[0] == '-') return {};
        // Option groups are nameless subcommands: not commands a user types.
        const auto commands =
            current->get_subcommands([](CLI::App* a) { return !a->get_name().empty(); });
        if (commands.empty()) return {};
        CLI::App* next = nullptr;
        std::string known;
        for (CLI::App* command : commands) {
            if (command->check_name(word)) next = command;
            known += (known.empty() ? "" : ", ") + command->get_name();
        }
        if (!next)
            return "unknown command '" + algoinput::escape_input(word, 40) + "' (commands" +
                   (current == &app ? std::string() : " of " + current->get_name()) + ": " + known +
                   ")";
        current = next;
    }
    return {};
}

} // namespace

int main(int argc, char** argv) {
    // Named, not argv[0]: usage lines (and the man pages made from them) say "algoscope-cli",
    // not the path it was started from.
    CLI::App app{"algoscope-cli: headless pressure algometry (ports, streaming, calibration, "
                 "thresholds, holds, export)",
                 "algoscope-cli"};
    app.set_version_flag("--version", "algoscope-cli " + std::string(algoversion::version()));
    app.require_subcommand(1);
    register_all_commands(app);
    if (const std::string unknown = unknown_command(app, argc, argv); !unknown.empty()) {
        std::cerr << "algoscope-cli: " << unknown << "\n";
        return 2;
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::RuntimeError& e) {
        // A command's own outcome (3 = server unreachable, 4 = busy, ...): its status as is.
        return e.get_exit_code();
    } catch (const CLI::ParseError& e) {
        // The parser prints the message (or the help); any argument error is exit status 2,
        // one status a script can test, not the parser's own numbers.
        return app.exit(e) == 0 ? 0 : 2;
    } catch (const std::exception& e) {
        // Configuration boundaries (bad file, bad argument) throw; the message reaches the user.
        std::cerr << "algoscope-cli: " << e.what() << "\n";
        return 2;
    }
    return 0;
}
