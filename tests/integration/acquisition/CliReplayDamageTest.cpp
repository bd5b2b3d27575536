// Issue 12, item 3, from the command line: `replay` of a capture that jumps absurdly far in
// time, was cut short or has a flipped bit ends in bounded time, replays the records before
// the damage, says where on stderr and exits 6; /dev/zero is not a capture. Runs that used to
// hang are run under `timeout` and a memory limit.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>

#include "CliRun.h"
#include "algocore/acquisition/RawCapture.h"

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using clitest::CliRun;
using clitest::run_cli;
using clitest::run_command;

// Bounds for runs that hung or exhausted memory before the fixes.
const std::string kBounded = "timeout 20 sh -c 'ulimit -v 3000000; exec \"$0\" \"$@\"' ";

fs::path temp_path(const std::string& name) {
    return fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
}

std::vector<std::uint8_t> bytes_of(const std::string& text) {
    return {text.begin(), text.end()};
}

// A capture of a DIY board printing "1.5" ten times, 1 ms apart; `after` adds one more line
// at that time (nanoseconds since the start).
fs::path board_capture(const std::string& name, std::optional<std::uint64_t> late_ns = {}) {
    const fs::path path = temp_path(name);
    algocore::RawCaptureWriter writer;
    const algocore::SteadyTime start = algocore::SteadyClock::now();
    EXPECT_TRUE(writer.open(path.string(), {{"driver", "ascii"}, {"format", "1"}}, start, nullptr));
    for (int i = 1; i <= 10; ++i)
        writer.append(algocore::CaptureRecordKind::DeviceToHost, start + i * 1ms,
                      bytes_of("1.5\r\n"));
    if (late_ns)
        writer.append(algocore::CaptureRecordKind::DeviceToHost,
                      start + std::chrono::nanoseconds(*late_ns), bytes_of("9.9\r\n"));
    writer.close();
    return path;
}

std::size_t sample_count(const CliRun& run) {
    std::size_t n = 0;
    for (const auto& line : run.lines)
        n += line.rfind("{\"t\":", 0) == 0 ? 1 : 0;
    return n;
}

// Offset of record `index` (0-based) in a board capture: 12-byte header, metadata, then
// records of 13 + 5 bytes.
std::size_t record_offset(const fs::path& path, std::size_t index) {
    std::ifstream in(path, std::ios::binary);
    char header[12];
    in.read(header, sizeof header);
    const std::size_t meta = static_cast<unsigned char>(header[8]) |
                             (static_cast<std::size_t>(static_cast<unsigned char>(header[9])) << 8);
    return 12 + meta + index * 18;
}

void flip_byte(const fs::path& path, std::size_t offset, std::uint8_t mask) {
    std::fstream file(path, std::ios::binary | std::ios::in | std::ios::out);
    file.seekg(static_cast<std::streamoff>(offset));
    char c = 0;
    file.get(c);
    file.seekp(static_cast<std::streamoff>(offset));
    file.put(static_cast<char>(c ^ mask));
}

TEST(CliReplayOfDamagedCaptures, AnAbsurdTimeJumpEndsTheReplayWithAWarning) {
    const fs::path path = board_capture("jump.algocap", std::uint64_t{1} << 62);
    const CliRun run = run_command(kBounded + ALGOSCOPE_CLI_PATH + " replay " + path.string());
    EXPECT_EQ(run.exit_code, 6) << run.stderr_text;
    EXPECT_GE(sample_count(run), 8u);
    EXPECT_NE(run.stderr_text.find("warning: "), std::string::npos) << run.stderr_text;
    EXPECT_NE(run.stderr_text.find("jumps"), std::string::npos) << run.stderr_text;
    fs::remove(path);
}

TEST(CliReplayOfDamagedCaptures, ACaptureCutShortReplaysWhatItHoldsWarnsAndExitsSix) {
    const fs::path path = board_capture("cut.algocap");
    fs::resize_file(path, fs::file_size(path) - 3);
    const CliRun run = run_cli("replay " + path.string());
    EXPECT_EQ(run.exit_code, 6) << run.stderr_text;
    EXPECT_GE(sample_count(run), 7u);
    EXPECT_NE(run.stderr_text.find("cut short"), std::string::npos) << run.stderr_text;
    fs::remove(path);
}

TEST(CliReplayOfDamagedCaptures, ABitFlippedLengthOrKindIsReportedAsDamage) {
    const fs::path length_flip = board_capture("flip-length.algocap");
    flip_byte(length_flip, record_offset(length_flip, 5) + 11, 0x01); // len += 65536
    const CliRun length_run = run_cli("replay " + length_flip.string());
    EXPECT_EQ(length_run.exit_code, 6) << length_run.stderr_text;
    EXPECT_NE(length_run.stderr_text.find("damaged"), std::string::npos) << length_run.stderr_text;

    const fs::path kind_flip = board_capture("flip-kind.algocap");
    flip_byte(kind_flip, record_offset(kind_flip, 5), 0x40);
    const CliRun kind_run = run_cli("replay " + kind_flip.string());
    EXPECT_EQ(kind_run.exit_code, 6) << kind_run.stderr_text;
    EXPECT_GE(sample_count(kind_run), 3u) << "the records before the damage are replayed";
    EXPECT_NE(kind_run.stderr_text.find("unknown kind"), std::string::npos) << kind_run.stderr_text;
    fs::remove(length_flip);
    fs::remove(kind_flip);
}

TEST(CliReplayOfDamagedCaptures, DevZeroIsRefusedAsNotACapture) {
    const CliRun run = run_command(kBounded + ALGOSCOPE_CLI_PATH + " replay /dev/zero");
    EXPECT_EQ(run.exit_code, 3) << run.stderr_text;
    EXPECT_NE(run.stderr_text.find("not an Algoscope raw capture"), std::string::npos)
        << run.stderr_text;
}

TEST(CliArguments, ReplaySpeedZeroIsRefusedAndMaxPlaysAtOnce) {
    const fs::path path = board_capture("speed.algocap");
    const CliRun zero = run_cli("replay " + path.string() + " --speed 0");
    EXPECT_NE(zero.exit_code, 0);
    EXPECT_NE(zero.stderr_text.find("--speed"), std::string::npos) << zero.stderr_text;
    const CliRun max = run_cli("replay " + path.string() + " --speed max");
    EXPECT_EQ(max.exit_code, 0) << max.stderr_text;
    EXPECT_GE(sample_count(max), 9u);
    fs::remove(path);
}

} // namespace
