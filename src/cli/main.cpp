// algoscope-cli: the headless path through algocore. Everything a researcher can do in the
// GUI can be scripted from here. Each subcommand lives in its own cmd_<name>.cpp.
#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>

void register_all_commands(CLI::App& app);

int main(int argc, char** argv) {
    CLI::App app{"algoscope-cli: headless pressure algometry (ports, streaming, calibration, "
                 "thresholds, holds, export)"};
    app.require_subcommand(1);
    register_all_commands(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    } catch (const std::exception& e) {
        // Configuration boundaries (bad file, bad argument) throw; the message reaches the user.
        std::cerr << "algoscope-cli: " << e.what() << "\n";
        return 2;
    }
    return 0;
}
