// What the user is told when records could not be written: the count, the database, the
// rescue file and the exact command that adds it later; or that nothing could be rescued.
#include <gtest/gtest.h>

#include "algocore/session/Workbench.h"

using algocore::session::unwritten_records_message;

TEST(UnwrittenMessage, NamesTheRescueFileAndTheCommandThatImportsIt) {
    const std::string text =
        unwritten_records_message(3, "/data/study.sqlite", "/data/study.rescue-1.json", "");
    EXPECT_EQ(text, "3 record(s) could not be written to /data/study.sqlite; they are kept in "
                    "/data/study.rescue-1.json - add them later with: algoscope-cli import "
                    "--db /data/study.sqlite /data/study.rescue-1.json");
}

TEST(UnwrittenMessage, SaysWhyNoRescueFileCouldBeWritten) {
    const std::string text =
        unwritten_records_message(2, "/media/ro/study.sqlite", "", "no writable folder");
    EXPECT_EQ(text, "2 record(s) could not be written to /media/ro/study.sqlite and no rescue "
                    "file could be written either (no writable folder)");
}
