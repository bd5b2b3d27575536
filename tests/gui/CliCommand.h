#pragma once
// The parity tests' command-line side: `algoscope-cli <arguments>` run in-process through the
// command registry the executable uses (link algoscope-cli-commands). Returns the exit status
// an argument error would give, 0 when the command ran.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <string>
#include <vector>

void register_all_commands(CLI::App& app);

namespace parity {

inline int cli_command(std::vector<std::string> arguments) {
    CLI::App app;
    register_all_commands(app);
    std::reverse(arguments.begin(), arguments.end()); // CLI11 takes them last first
    try {
        app.parse(arguments);
    } catch (const CLI::ParseError& e) {
        return e.get_exit_code();
    }
    return 0;
}

} // namespace parity
