#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "algoinput/InputFile.h"

namespace fs = std::filesystem;
using algoinput::read_input_file;

namespace {

fs::path temp_file(const std::string& name, const std::string& content) {
    const fs::path path = fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
    std::ofstream(path, std::ios::binary) << content;
    return path;
}

} // namespace

TEST(InputFile, ReadsAFileWithinTheLimitWhole) {
    const fs::path path = temp_file("input-ok", std::string("a,b\n1,2\n\0x", 10));
    const auto read = read_input_file(path, 10, "CSV file");
    ASSERT_TRUE(read.ok()) << read.error;
    EXPECT_EQ(read.bytes, std::string("a,b\n1,2\n\0x", 10));
    fs::remove(path);
}

TEST(InputFile, RefusesAFileOneByteOverTheLimit) {
    const fs::path path = temp_file("input-big", std::string(11, 'x'));
    const auto read = read_input_file(path, 10, "CSV file");
    EXPECT_FALSE(read.ok());
    EXPECT_TRUE(read.bytes.empty());
    EXPECT_NE(read.error.find("larger than 10 bytes, too large for a CSV file"), std::string::npos)
        << read.error;
    fs::remove(path);
}

TEST(InputFile, DevZeroIsRefusedInsteadOfExhaustingMemory) {
    const auto read = read_input_file("/dev/zero", 4u << 20, "calibration record");
    EXPECT_FALSE(read.ok());
    EXPECT_EQ(read.error,
              "/dev/zero: larger than 4 MiB, too large for a calibration record (is it the "
              "right file?)");
}

TEST(InputFile, AFolderAndAMissingFileAreNamed) {
    EXPECT_EQ(read_input_file("/tmp", 100, "scenario file").error,
              "/tmp: is a folder, not a scenario file");
    EXPECT_EQ(read_input_file("/nonexistent/x.csv", 100, "scenario file").error,
              "/nonexistent/x.csv: cannot open the scenario file");
}
