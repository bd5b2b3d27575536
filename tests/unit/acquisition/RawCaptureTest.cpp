#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "algocore/acquisition/RawCapture.h"

namespace {

using namespace algocore;
using namespace std::chrono_literals;

std::string temp_path(const std::string& name) {
    return (std::filesystem::temp_directory_path() /
            (name + "-" + std::to_string(::getpid()) + ".algocap"))
        .string();
}

std::vector<std::uint8_t> bytes_of(const std::string& text) {
    return {text.begin(), text.end()};
}

TEST(RawCapture, RoundTripKeepsMetadataRecordsAndTimes) {
    const std::string path = temp_path("roundtrip");
    const SteadyTime start = SteadyClock::now();
    RawCaptureWriter writer;
    std::string error;
    ASSERT_TRUE(writer.open(path, {{"port", "/dev/ttyUSB0"}, {"baud", "9600"}}, start, &error))
        << error;
    writer.append_text(CaptureRecordKind::LinkOpened, start + 1ms, "/dev/ttyUSB0 @ 9600 8N1");
    writer.append(CaptureRecordKind::HostToDevice, start + 2ms, bytes_of("?\r"));
    writer.append(CaptureRecordKind::DeviceToHost, start + 25ms, bytes_of("4.285 N\r\n"));
    writer.append_text(CaptureRecordKind::LinkLost, start + 1500ms, "unplugged");
    writer.close();
    EXPECT_FALSE(writer.failed());

    const RawCaptureReadResult read = read_raw_capture(path);
    ASSERT_TRUE(read.ok()) << read.error;
    EXPECT_FALSE(read.contents.truncated);
    EXPECT_EQ(read.contents.metadata.at("port"), "/dev/ttyUSB0");
    EXPECT_EQ(read.contents.metadata.at("baud"), "9600");
    ASSERT_EQ(read.contents.records.size(), 4u);
    EXPECT_EQ(read.contents.records[0].kind, CaptureRecordKind::LinkOpened);
    EXPECT_EQ(read.contents.records[1].kind, CaptureRecordKind::HostToDevice);
    EXPECT_EQ(read.contents.records[1].payload, bytes_of("?\r"));
    EXPECT_EQ(read.contents.records[2].kind, CaptureRecordKind::DeviceToHost);
    EXPECT_EQ(read.contents.records[2].t_ns, 25'000'000u);
    EXPECT_EQ(read.contents.records[2].payload, bytes_of("4.285 N\r\n"));
    EXPECT_EQ(read.contents.records[3].t_ns, 1'500'000'000u);
    EXPECT_EQ(std::string(read.contents.records[3].payload.begin(),
                          read.contents.records[3].payload.end()),
              "unplugged");
    std::filesystem::remove(path);
}

TEST(RawCapture, FileCutShortIsReadUpToTheLastCompleteRecord) {
    const std::string path = temp_path("truncated");
    const SteadyTime start = SteadyClock::now();
    RawCaptureWriter writer;
    ASSERT_TRUE(writer.open(path, {}, start, nullptr));
    writer.append(CaptureRecordKind::DeviceToHost, start + 1ms, bytes_of("first"));
    writer.append(CaptureRecordKind::DeviceToHost, start + 2ms, bytes_of("second"));
    writer.close();
    std::filesystem::resize_file(path, std::filesystem::file_size(path) - 3);

    const RawCaptureReadResult read = read_raw_capture(path);
    ASSERT_TRUE(read.ok()) << read.error;
    EXPECT_TRUE(read.contents.truncated);
    ASSERT_EQ(read.contents.records.size(), 1u);
    EXPECT_EQ(read.contents.records[0].payload, bytes_of("first"));
    std::filesystem::remove(path);
}

TEST(RawCapture, AFileThatIsNotACaptureIsRefusedByName) {
    // (A damaged first record leaves nothing to replay: the file is refused, see below.)
    const std::vector<std::uint8_t> text = bytes_of("t_s,force_n\n0,1\n");
    const RawCaptureReadResult read = parse_raw_capture(text, "notes.csv");
    EXPECT_FALSE(read.ok());
    EXPECT_NE(read.error.find("notes.csv: not an Algoscope raw capture"), std::string::npos);
}

TEST(RawCapture, ARecordWithAnImpossibleLengthIsReportedAsCorrupt) {
    std::vector<std::uint8_t> bytes = {'A', 'L', 'G', 'O', 'C', 'A', 'P', '1', 0, 0, 0, 0};
    bytes.push_back(0); // kind
    for (int i = 0; i < 8; ++i)
        bytes.push_back(0); // t_ns
    for (std::uint8_t b : {0xff, 0xff, 0xff, 0x7f})
        bytes.push_back(b); // len
    const RawCaptureReadResult read = parse_raw_capture(bytes, "bad.algocap");
    EXPECT_FALSE(read.ok());
    EXPECT_NE(read.error.find("corrupt"), std::string::npos) << read.error;
}

// Issue 12, item 3: damage after the header keeps the good records and says why it stopped.
TEST(RawCapture, ARecordStampedBeyondSevenDaysIsDamageAndTheRecordsBeforeItAreKept) {
    const std::string path = temp_path("jump");
    const SteadyTime start = SteadyClock::now();
    RawCaptureWriter writer;
    ASSERT_TRUE(writer.open(path, {}, start, nullptr));
    writer.append(CaptureRecordKind::DeviceToHost, start + 1ms, bytes_of("first"));
    writer.append(CaptureRecordKind::DeviceToHost, start + std::chrono::nanoseconds(1ll << 62),
                  bytes_of("never"));
    writer.append(CaptureRecordKind::DeviceToHost, start + std::chrono::nanoseconds(1ll << 62),
                  bytes_of("after"));
    writer.close();
    const RawCaptureReadResult read = read_raw_capture(path);
    ASSERT_TRUE(read.ok()) << read.error;
    ASSERT_EQ(read.contents.records.size(), 1u);
    EXPECT_FALSE(read.contents.truncated);
    EXPECT_NE(read.contents.damage.find("record 2"), std::string::npos) << read.contents.damage;
    EXPECT_NE(read.contents.damage.find("more than 7 days"), std::string::npos);
    std::filesystem::remove(path);
}

TEST(RawCapture, ACutShortCaptureSaysSoInItsDamage) {
    std::vector<std::uint8_t> bytes = {'A', 'L', 'G', 'O', 'C', 'A', 'P', '1', 0, 0, 0, 0};
    const std::uint8_t record[] = {0, 1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 'o', 'k'};
    bytes.insert(bytes.end(), std::begin(record), std::end(record));
    bytes.insert(bytes.end(), std::begin(record), std::end(record) - 1); // last byte missing
    const RawCaptureReadResult read = parse_raw_capture(bytes, "cut.algocap");
    ASSERT_TRUE(read.ok()) << read.error;
    EXPECT_EQ(read.contents.records.size(), 1u);
    EXPECT_TRUE(read.contents.truncated);
    EXPECT_NE(read.contents.damage.find("record 2 (at byte 27) claims 2 bytes but the file ends"),
              std::string::npos)
        << read.contents.damage;
}

TEST(RawCapture, DevZeroIsNotACaptureAndIsNotReadWhole) {
    const RawCaptureReadResult read = read_raw_capture("/dev/zero");
    EXPECT_FALSE(read.ok());
    EXPECT_NE(read.error.find("not an Algoscope raw capture"), std::string::npos) << read.error;
}

TEST(RawCapture, StampsTakenOutOfOrderAreKeptInTimeOrder) {
    const std::string path = temp_path("order");
    const SteadyTime start = SteadyClock::now();
    RawCaptureWriter writer;
    ASSERT_TRUE(writer.open(path, {}, start, nullptr));
    writer.append(CaptureRecordKind::HostToDevice, start + 5ms, bytes_of("a"));
    writer.append(CaptureRecordKind::DeviceToHost, start + 4ms, bytes_of("b"));
    writer.close();
    const RawCaptureReadResult read = read_raw_capture(path);
    ASSERT_TRUE(read.ok()) << read.error;
    ASSERT_EQ(read.contents.records.size(), 2u);
    EXPECT_EQ(read.contents.records[1].t_ns, 5'000'000u);
    std::filesystem::remove(path);
}

TEST(RawCapture, WriterReportsAFileItCannotCreate) {
    RawCaptureWriter writer;
    std::string error;
    EXPECT_FALSE(writer.open("/nonexistent-dir/x.algocap", {}, SteadyClock::now(), &error));
    EXPECT_NE(error.find("cannot create capture file /nonexistent-dir/x.algocap"),
              std::string::npos);
}

} // namespace
