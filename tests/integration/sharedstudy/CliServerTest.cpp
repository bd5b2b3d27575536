// `algoscope-cli server init` end to end on a real server.
#include <nlohmann/json.hpp>

#include "CliRun.h"
#include "TestServer.h"
#include "algocore/sharedstudy/ServerSchema.h"

namespace {

using algotest::ServerTest;
using clitest::run_cli;

std::string quoted(const std::string& text) {
    return "'" + text + "'";
}

class CliServerTest : public ServerTest {};

TEST_F(CliServerTest, InitCreatesTheStudyThenSaysItIsCurrent) {
    auto created =
        run_cli("server init --server " + quoted(admin_url()) + " --study knee-oa --json");
    ASSERT_EQ(created.exit_code, 0) << created.stderr_text;
    ASSERT_EQ(created.lines.size(), 1u);
    const auto json = nlohmann::json::parse(created.lines[0]);
    EXPECT_EQ(json["study"], "knee-oa");
    EXPECT_EQ(json["from_version"], 0);
    EXPECT_EQ(json["schema_version"], algocore::sharedstudy::kServerSchemaVersion);
    EXPECT_EQ(json["study_uuid"].get<std::string>().size(), 36u);

    auto again = run_cli("server init --server " + quoted(admin_url()));
    ASSERT_EQ(again.exit_code, 0) << again.stderr_text;
    ASSERT_EQ(again.lines.size(), 1u);
    EXPECT_NE(again.lines[0].find("shared study 'knee-oa' (" +
                                  json["study_uuid"].get<std::string>() + ")"),
              std::string::npos)
        << again.lines[0];
    EXPECT_NE(again.lines[0].find("already current"), std::string::npos);
}

TEST_F(CliServerTest, InitRefusesANewerStudyAndChangesNothing) {
    ASSERT_EQ(run_cli("server init --server " + quoted(admin_url())).exit_code, 0);
    // One past this program's version, whatever that is.
    const std::string newer = std::to_string(algocore::sharedstudy::kServerSchemaVersion + 1);
    admin_sql("UPDATE algoscope.study SET schema_version = " + newer);
    auto refused = run_cli("server init --server " + quoted(admin_url()));
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_EQ(refused.stderr_text, "algoscope-cli server init: the study's schema is version " +
                                       newer + ", newer than this Algoscope knows (" +
                                       std::to_string(algocore::sharedstudy::kServerSchemaVersion) +
                                       "); update Algoscope, nothing was changed\n");
}

TEST_F(CliServerTest, InitOnAServerThatIsNotThereExits3WithOneLine) {
    auto refused =
        run_cli("server init --server 'postgresql:///x?host=" + file("nothing") + "&port=5'");
    EXPECT_EQ(refused.exit_code, 3);
    EXPECT_EQ(std::count(refused.stderr_text.begin(), refused.stderr_text.end(), '\n'), 1);
    EXPECT_NE(refused.stderr_text.find(file("nothing")), std::string::npos);
}

} // namespace
