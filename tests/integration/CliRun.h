#pragma once
// The CLI integration tests' side of a command line: `algoscope-cli <arguments>` run as its own
// process (the executable ALGOSCOPE_CLI names, as a script runs it), with its exit status and
// what it printed; a clean scratch folder per test; JSON lines read back. One copy for every
// CLI test (they each had their own).
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace cli_run {

struct CommandRun {
    int exit_code = -1;
    std::string out;
};

/// Runs a shell command line; its standard output and exit status.
inline CommandRun run(const std::string& command_line) {
    CommandRun r;
    FILE* pipe = popen(command_line.c_str(), "r");
    if (pipe == nullptr) return r;
    char buffer[8192];
    while (std::fgets(buffer, sizeof buffer, pipe) != nullptr)
        r.out += buffer;
    const int status = pclose(pipe);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

/// `algoscope-cli <arguments>`, standard error with standard output (what a person reads).
inline CommandRun cli(const std::string& arguments) {
    return run(std::string(ALGOSCOPE_CLI) + " " + arguments + " 2>&1");
}

/// `algoscope-cli <arguments>`, standard output only (the JSON); standard error is dropped.
inline CommandRun cli_json(const std::string& arguments) {
    return run(std::string(ALGOSCOPE_CLI) + " " + arguments + " 2>/dev/null");
}

/// An empty folder of the temporary directory named `name`, made afresh for a test.
inline std::filesystem::path scratch(const std::string& name) {
    const auto dir = std::filesystem::temp_directory_path() / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

/// Each non-empty line of `text` parsed as JSON.
inline std::vector<nlohmann::json> json_lines(const std::string& text) {
    std::vector<nlohmann::json> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) out.push_back(nlohmann::json::parse(line));
    return out;
}

} // namespace cli_run
