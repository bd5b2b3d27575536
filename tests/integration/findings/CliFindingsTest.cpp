// algoscope-cli findings set / list as a therapist scripts them: the class follows the
// Delphi criteria, the referral zone is stored as named regions, a point's zone over two
// visits reads back in order, findings.csv has one row per point and visit, and a region the
// body map does not have is refused with exit 2 before anything is stored.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "CliRun.h"

using cli_run::cli;
using cli_run::cli_json;
using cli_run::CommandRun;
using cli_run::json_lines;

namespace {

std::filesystem::path scratch(const std::string& test) {
    return cli_run::scratch("algoscope-cli-findings-" + test);
}

std::string read(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

TEST(CliFindings, AReferralZoneThatShrinksOverTwoVisitsReadsBackAndExportsAsNamedRegions) {
    const auto dir = scratch("shrinks");
    const std::string db = (dir / "study.sqlite").string();
    // First visit: taut band, tender spot, familiar pain, pain referred to the temple and the
    // back of the neck (the point's own side, and a side given).
    CommandRun first = cli_json(
        "findings set --db " + db +
        " --subject S1 --site upper_trapezius --side R --taut-band yes --tender-spot yes "
        "--local-twitch-response no --familiar-pain yes --zone back_of_neck:R --zone temple");
    ASSERT_EQ(first.exit_code, 0) << first.out;
    const auto stored = json_lines(first.out);
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0]["classification"], "active");
    EXPECT_EQ(stored[0]["site"], "upper_trapezius");
    EXPECT_EQ(stored[0]["side"], "R");
    EXPECT_EQ(stored[0]["taut_band"], "present");
    EXPECT_EQ(stored[0]["local_twitch_response"], "absent");
    EXPECT_EQ(stored[0]["jump_sign"], "not_examined");
    EXPECT_EQ(stored[0]["referral_zone"], (nlohmann::json{"temple:R", "back_of_neck:R"}));
    EXPECT_EQ(stored[0]["referral_regions"], 2);
    const auto first_session = stored[0]["session_id"].get<long long>();
    EXPECT_GT(first_session, 0);

    // Second visit: the patient no longer recognises the pain; the zone is the temple only.
    CommandRun second = cli_json("findings set --db " + db +
                                 " --subject S1 --site upper_trapezius --side R --taut-band yes "
                                 "--tender-spot yes --familiar-pain no --zone temple:R");
    ASSERT_EQ(second.exit_code, 0) << second.out;
    EXPECT_EQ(json_lines(second.out).at(0)["classification"], "latent");

    const CommandRun listed = cli_json("findings list --db " + db + " --subject S1 --json");
    ASSERT_EQ(listed.exit_code, 0) << listed.out;
    const auto visits = json_lines(listed.out);
    ASSERT_EQ(visits.size(), 2u);
    EXPECT_EQ(visits[0]["session_id"], first_session);
    EXPECT_EQ(visits[0]["referral_regions"], 2);
    EXPECT_EQ(visits[1]["referral_regions"], 1);
    EXPECT_LT(visits[1]["referral_share_pct"].get<double>(),
              visits[0]["referral_share_pct"].get<double>());
    EXPECT_NE(visits[1]["session_id"], first_session);
    const CommandRun words = cli("findings list --db " + db + " --subject S1");
    EXPECT_NE(words.out.find("latent trigger point  referral: temple (R)"), std::string::npos)
        << words.out;

    const CommandRun exported =
        cli("export --db " + db + " --format csv --out " + (dir / "csv").string());
    ASSERT_EQ(exported.exit_code, 0) << exported.out;
    const std::string csv = read(dir / "csv" / "findings.csv");
    EXPECT_EQ(csv.rfind("subject,session,date,operator,site,side,findings_id,examined_utc,"
                        "taut_band,tender_spot,local_twitch_response,jump_sign,familiar_pain,"
                        "classification,referral_regions,referral_share_pct,referral_zone,"
                        "referral_zone_words\r\n",
                        0),
              0u)
        << csv;
    EXPECT_NE(csv.find(",upper_trapezius,R,"), std::string::npos) << csv;
    EXPECT_NE(csv.find(",present,present,absent,not_examined,present,active,2,"), std::string::npos)
        << csv;
    EXPECT_NE(csv.find(",temple:R back_of_neck:R,\"temple (R); back of the neck (R)\"\r\n"),
              std::string::npos)
        << csv;
    EXPECT_NE(csv.find(",latent,1,"), std::string::npos) << csv;
    std::filesystem::remove_all(dir);
}

TEST(CliFindings, FindingsJoinAStoredSessionOfTheSubject) {
    const auto dir = scratch("session");
    const std::string db = (dir / "study.sqlite").string();
    const CommandRun first = cli_json("findings set --db " + db +
                                      " --subject S2 --site masseter --side L --tender-spot yes");
    ASSERT_EQ(first.exit_code, 0) << first.out;
    const auto session = json_lines(first.out).at(0)["session_id"].get<long long>();
    const CommandRun same =
        cli_json("findings set --db " + db + " --subject S2 --session " + std::to_string(session) +
                 " --site upper_trapezius --side L --taut-band yes");
    ASSERT_EQ(same.exit_code, 0) << same.out;
    EXPECT_EQ(json_lines(same.out).at(0)["session_id"], session);
    // Another subject's session is refused.
    const CommandRun other = cli("findings set --db " + db + " --subject S3 --session " +
                                 std::to_string(session) + " --site masseter");
    EXPECT_EQ(other.exit_code, 2) << other.out;
    EXPECT_NE(other.out.find("is not a session of S3"), std::string::npos) << other.out;
    const auto listed =
        json_lines(cli_json("findings list --db " + db + " --subject S2 --json").out);
    ASSERT_EQ(listed.size(), 2u);
    EXPECT_EQ(listed[0]["session_id"], session);
    EXPECT_EQ(listed[1]["session_id"], session);
    std::filesystem::remove_all(dir);
}

// history --json carries the findings in the shape findings list prints (one serializer).
TEST(CliFindings, HistoryJsonCarriesEachPointsFindingsInTheShapeFindingsListPrints) {
    const auto dir = scratch("history");
    const std::string db = (dir / "study.sqlite").string();
    const CommandRun set = cli_json("findings set --db " + db +
                                    " --subject S4 --site upper_trapezius --side R --taut-band "
                                    "yes --tender-spot yes --familiar-pain yes --zone temple:R");
    ASSERT_EQ(set.exit_code, 0) << set.out;
    const CommandRun history = cli_json("history --db " + db + " --subject S4 --json");
    ASSERT_EQ(history.exit_code, 0) << history.out;
    const auto doc = nlohmann::json::parse(history.out);
    ASSERT_EQ(doc["findings"].size(), 1u) << history.out;
    const auto& found = doc["findings"][0];
    EXPECT_EQ(found["classification"], "active");
    EXPECT_EQ(found["site"], "upper_trapezius");
    EXPECT_EQ(found["side"], "R");
    EXPECT_EQ(found["referral_zone"], (nlohmann::json{"temple:R"}));
    EXPECT_EQ(found["session_id"], doc["sessions"][0]["session_id"]);
    auto listed = json_lines(cli_json("findings list --db " + db + " --subject S4 --json").out);
    ASSERT_EQ(listed.size(), 1u);
    listed[0].erase("subject"); // the history names its subject once, and each session's date
    listed[0].erase("date");
    EXPECT_EQ(found, listed[0]);
    std::filesystem::remove_all(dir);
}

TEST(CliFindings, ARegionTheBodyMapDoesNotHaveIsRefusedWithExit2AndNothingIsStored) {
    const auto dir = scratch("refused");
    const std::string db = (dir / "study.sqlite").string();
    CommandRun bad = cli("findings set --db " + db +
                         " --subject S1 --site upper_trapezius --taut-band yes --zone elbow:L");
    EXPECT_EQ(bad.exit_code, 2) << bad.out;
    EXPECT_NE(bad.out.find("unknown body-map region 'elbow:L'"), std::string::npos) << bad.out;
    EXPECT_NE(bad.out.find("shoulder_blade"), std::string::npos) << bad.out; // the regions named
    EXPECT_FALSE(std::filesystem::exists(db));
    bad = cli("findings set --db " + db + " --subject S1 --site upper_trapezius --jump-sign maybe");
    EXPECT_EQ(bad.exit_code, 2) << bad.out;
    EXPECT_NE(bad.out.find("--jump-sign must be yes, no or not-examined"), std::string::npos)
        << bad.out;
    bad = cli("findings set --db " + db + " --subject S1 --site elbow");
    EXPECT_EQ(bad.exit_code, 2) << bad.out;
    bad = cli("findings list --db " + db + " --subject S1");
    EXPECT_EQ(bad.exit_code, 2) << bad.out;
    std::filesystem::remove_all(dir);
}
