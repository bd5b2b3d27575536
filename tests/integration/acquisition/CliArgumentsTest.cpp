// Issue 12, items 9 and 10, from the command line: absurd numbers, empty or control-character
// names, an unknown command, and /dev/zero as an input file are refused in bounded time with
// a message naming the option or the file. Runs that used to hang or exhaust memory are run
// under `timeout` and a memory limit.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

#include "CliRun.h"

namespace {

namespace fs = std::filesystem;
using clitest::CliRun;
using clitest::run_cli;
using clitest::run_command;

// Bounds for runs that hung or exhausted memory before the fixes.
const std::string kBounded = "timeout 20 sh -c 'ulimit -v 3000000; exec \"$0\" \"$@\"' ";

fs::path temp_path(const std::string& name) {
    return fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
}

TEST(CliArguments, NonFiniteOrAbsurdNumbersAreRefusedNamingTheOption) {
    for (const std::string& args : {std::string("stream --port /dev/null --duration nan"),
                                    std::string("stream --port /dev/null --duration inf"),
                                    std::string("stream --port /dev/null --probe-area 1e-300"),
                                    std::string("stream --port /dev/null --probe-area nan")}) {
        SCOPED_TRACE(args);
        const CliRun run = run_cli(args);
        EXPECT_NE(run.exit_code, 0);
        const std::string option =
            args.substr(args.rfind("--"), args.rfind(' ') - args.rfind("--"));
        EXPECT_NE(run.stderr_text.find(option), std::string::npos) << run.stderr_text;
    }
}

TEST(CliArguments, AnEmptyOrControlCharacterNameIsRefused) {
    const std::string points = std::string(ALGOSCOPE_CAL_DATA) + "/load_cell_points.csv";
    const std::string base = "calibrate new --points " + points +
                             " --device ALG-7 --reference WS-1 --out " +
                             temp_path("named.json").string() + " --operator ";
    for (const std::string& name : {std::string("''"), std::string("\"$(printf 'A\\033[2J')\"")}) {
        SCOPED_TRACE(name);
        const CliRun run = run_cli(base + name);
        EXPECT_NE(run.exit_code, 0);
        EXPECT_NE(run.stderr_text.find("--operator"), std::string::npos) << run.stderr_text;
        EXPECT_EQ(run.stderr_text.find('\x1b'), std::string::npos) << "escape echoed raw";
    }
    fs::remove(temp_path("named.json"));
}

// Issue 19 item 5: a name that is not UTF-8 (a Latin-1 station or study name from a legacy
// script) is refused before anything is opened or sent, naming the option and the byte; the
// server would have refused it later with its own "invalid byte sequence" message.
TEST(CliArguments, ANameThatIsNotUtf8IsRefusedNamingTheOptionAndTheByte) {
    const std::string server = " --server 'host=/nonexistent-algoscope-socket connect_timeout=1'";
    for (const std::string& args :
         {"sync --db " + temp_path("station.sqlite").string() + server +
              " --station \"$(printf 'St\\344tion')\"",
          "server init" + server + " --study \"$(printf 'St\\344tion')\""}) {
        SCOPED_TRACE(args);
        const CliRun run = run_cli(args);
        EXPECT_NE(run.exit_code, 0) << run.stderr_text;
        EXPECT_NE(run.exit_code, 3) << "it went on to the server: " << run.stderr_text;
        const std::string option =
            args.rfind("--station") != std::string::npos ? "--station" : "--study";
        EXPECT_NE(run.stderr_text.find(option), std::string::npos) << run.stderr_text;
        EXPECT_NE(run.stderr_text.find("byte 0xE4 at position 3 is not UTF-8"), std::string::npos)
            << run.stderr_text;
    }
    EXPECT_FALSE(fs::exists(temp_path("station.sqlite")));
}

TEST(CliArguments, AnUnknownSubcommandIsNamed) {
    const CliRun run = run_cli("frobnicate --now");
    EXPECT_NE(run.exit_code, 0);
    EXPECT_NE(run.stderr_text.find("unknown command 'frobnicate'"), std::string::npos)
        << run.stderr_text;
}

// A script tells "you called me wrong" from "the run failed" by the exit status: every
// argument error exits 2, as the unknown-command path and the docs say (the argument parser's
// own codes, 104-109, leaked out before), while --help still exits 0.
TEST(CliArguments, EveryArgumentErrorExitsTwoAndHelpExitsZero) {
    for (const std::string& args :
         {std::string("ppt --bogus"), std::string("ppt --db x.sqlite"),
          std::string("stream --port /dev/null --probe-area abc"),
          std::string("export --db x.sqlite --format xml --out y"), std::string("")}) {
        SCOPED_TRACE(args);
        const CliRun run = run_cli(args);
        EXPECT_EQ(run.exit_code, 2) << run.stderr_text;
        EXPECT_FALSE(run.stderr_text.empty());
    }
    for (const std::string& args : {std::string("--help"), std::string("ppt --help")}) {
        SCOPED_TRACE(args);
        EXPECT_EQ(run_cli(args).exit_code, 0);
    }
}

TEST(CliInputFiles, DevZeroAsAnInputFileIsRefusedBySize) {
    for (const std::string& args :
         {std::string(" calibrate fit --in /dev/zero --x a --y b --degree 1"),
          std::string(" calibrate report /dev/zero"),
          std::string(" calibrate new --points /dev/zero --device D --operator O --reference R "
                      "--out /dev/null")}) {
        SCOPED_TRACE(args);
        const CliRun run = run_command(kBounded + ALGOSCOPE_CLI_PATH + args);
        EXPECT_NE(run.exit_code, 0);
        EXPECT_NE(run.stderr_text.find("/dev/zero: larger than"), std::string::npos)
            << run.stderr_text;
    }
}

TEST(SimulatorArguments, NanDurationAndDevZeroScenarioAreRefused) {
    const CliRun nan =
        run_command("timeout 10 " + std::string(ALGOSCOPE_SIM_PATH) + " --duration nan");
    EXPECT_EQ(nan.exit_code, 2) << nan.stderr_text;
    EXPECT_NE(nan.stderr_text.find("--duration"), std::string::npos) << nan.stderr_text;
    const CliRun zero =
        run_command(kBounded + ALGOSCOPE_SIM_PATH + " --scenario-file /dev/zero --duration 1");
    EXPECT_EQ(zero.exit_code, 2) << zero.stderr_text;
    EXPECT_NE(zero.stderr_text.find("/dev/zero: larger than"), std::string::npos)
        << zero.stderr_text;
}

} // namespace
