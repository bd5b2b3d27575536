#pragma once
// Runs an executable as a user would from a shell: stdout split into lines, stderr kept
// whole, the exit status (or -1 when it was killed by a signal).
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace clitest {

struct CliRun {
    int exit_code = -1;
    std::vector<std::string> lines; // stdout
    std::string stderr_text;
};

/// Runs `command` through /bin/sh. Safe to call from several threads at once: each run has
/// its own stderr file (one per process lost the messages of commands run side by side, as
/// the class tests' three stations are).
inline CliRun run_command(const std::string& command) {
    namespace fs = std::filesystem;
    static std::atomic<unsigned> runs{0};
    const fs::path err = fs::temp_directory_path() /
                         ("cli-err-" + std::to_string(::getpid()) + "-" + std::to_string(++runs));
    CliRun run;
    FILE* out = ::popen((command + " 2>" + err.string()).c_str(), "r");
    if (!out) return run;
    std::string line;
    char buffer[4096];
    while (std::fgets(buffer, sizeof buffer, out)) {
        line += buffer;
        if (!line.empty() && line.back() == '\n') {
            line.pop_back();
            run.lines.push_back(line);
            line.clear();
        }
    }
    if (!line.empty()) run.lines.push_back(line);
    const int status = ::pclose(out);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream in(err);
    std::stringstream text;
    text << in.rdbuf();
    run.stderr_text = text.str();
    fs::remove(err);
    return run;
}

/// Runs algoscope-cli with `args`.
inline CliRun run_cli(const std::string& args) {
    return run_command(std::string(ALGOSCOPE_CLI_PATH) + " " + args);
}

} // namespace clitest
