// The report header file both front ends share: what one writes the other reads, a missing
// file is an empty header, a damaged one is refused naming the file, and the folder follows
// ALGOSCOPE_CONFIG_DIR / XDG_CONFIG_HOME.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "TempDir.h"
#include "algocore/history/ReportHeaderFile.h"

using namespace algocore::history;

namespace {
void write_text(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}
} // namespace

TEST(ReportHeaderFile, WhatIsWrittenIsReadBackAndTheFolderIsMade) {
    algotest::TempDir dir;
    const std::string path = dir.file("config/algoscope/report-header.json");
    ASSERT_EQ(write_report_header(path, {"Praxis Nord", "A. Roth"}), "");
    const ReportHeaderRead read = read_report_header(path);
    EXPECT_EQ(read.error, "");
    EXPECT_EQ(read.header.clinic, "Praxis Nord");
    EXPECT_EQ(read.header.therapist, "A. Roth");
    // Written again, replaced whole.
    ASSERT_EQ(write_report_header(path, {"Klinik Süd", ""}), "");
    EXPECT_EQ(read_report_header(path).header.clinic, "Klinik Süd");
    EXPECT_EQ(read_report_header(path).header.therapist, "");
}

TEST(ReportHeaderFile, AMissingFileIsAnEmptyHeaderNotAnError) {
    algotest::TempDir dir;
    const ReportHeaderRead read = read_report_header(dir.file("none.json"));
    EXPECT_EQ(read.error, "");
    EXPECT_EQ(read.header.clinic, "");
}

TEST(ReportHeaderFile, ADamagedFileIsRefusedNamingIt) {
    algotest::TempDir dir;
    const std::string path = dir.file("report-header.json");
    for (const char* text : {"{\"clinic\": ", "[1,2]", "{\"clinic\": 42}", "\xff\xfe garbage"}) {
        write_text(path, text);
        const ReportHeaderRead read = read_report_header(path);
        EXPECT_NE(read.error.find(path), std::string::npos) << text << ": " << read.error;
        EXPECT_EQ(read.header.clinic, "") << text;
    }
}

TEST(ReportHeaderFile, TheFolderFollowsTheEnvironment) {
    const char* saved = std::getenv("ALGOSCOPE_CONFIG_DIR");
    const std::string before = saved ? saved : "";
    ::setenv("ALGOSCOPE_CONFIG_DIR", "/srv/clinic", 1);
    EXPECT_EQ(default_report_header_path(), "/srv/clinic/report-header.json");
    ::unsetenv("ALGOSCOPE_CONFIG_DIR");
    ::setenv("XDG_CONFIG_HOME", "/home/ann/.cfg", 1);
    EXPECT_EQ(default_report_header_path(), "/home/ann/.cfg/algoscope/report-header.json");
    if (saved) ::setenv("ALGOSCOPE_CONFIG_DIR", before.c_str(), 1);
}
