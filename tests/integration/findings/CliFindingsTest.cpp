// algoscope-cli findings set / list as a therapist scripts them: the class follows the
// Delphi criteria, the referral zone is stored as named regions, a point's zone over two
// visits reads back in order, findings.csv has one row per point and visit, and a region the
// body map does not have is refused with exit 2 before anything is stored.
#include <gtest/gtest.h>

#include <cstdio>
#include <ctime>
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
using cli_run::run;
#include "algocore/storage/SqliteStorage.h"

using namespace algocore::records;
using algocore::storage::SqliteStorage;

namespace {

std::filesystem::path scratch(const std::string& test) {
    return cli_run::scratch("algoscope-cli-findings-" + test);
}

// Now on the wall clock, "2026-12-06T09:30:00Z"; and today in the local time the report's
// visits are days of.
std::string utc_now() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}
std::string local_today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &local);
    return text;
}

// A session of `code` by `who` begun at `started_utc`, as a hold or a PPT would open it.
RecordId stored_session(const std::string& db, const std::string& code, const std::string& who,
                        const std::string& started_utc, bool with_hold) {
    auto opened = SqliteStorage::open(db);
    EXPECT_TRUE(opened.storage) << opened.error;
    SessionOpening o;
    o.subject.code = code;
    o.session.started_utc = started_utc;
    o.session.device_serial = "ALG-77";
    o.by = Operator{kNoRecord, who, "therapist"};
    const RecordId session = opened.storage->open_session(o).id;
    if (with_hold) {
        Hold h;
        h.session_id = session;
        h.site_id = opened.storage->find_site("upper_trapezius")->id;
        h.side = BodySide::Right;
        h.band_low_kpa = 240;
        h.band_high_kpa = 290;
        h.target_hold_s = 60;
        h.outcome = "complete";
        h.metrics.duration_s = 61;
        h.metrics.time_in_band_s = 55;
        h.metrics.time_in_band_pct = 90.2;
        h.metrics.mean_kpa = 266;
        h.metrics.pti_kpa_s = 16100;
        h.pain_rating_0_10 = 3;
        RawTrace trace;
        for (int i = 0; i < 400; ++i)
            trace.samples.push_back({0.15 * i, 1000 + i, 26.6, 266.0, 0, 0});
        opened.storage->record_hold(h, trace);
    }
    EXPECT_TRUE(opened.storage->flush(std::chrono::seconds(30)));
    return session;
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
    // First visit, a month ago: taut band, tender spot, familiar pain, pain referred to the
    // temple and the back of the neck (the point's own side, and a side given).
    const RecordId month_ago =
        stored_session(db, "S1", "Ann", "2026-01-10T09:00:00Z", /*with_hold=*/false);
    CommandRun first = cli_json(
        "findings set --db " + db + " --session " + std::to_string(month_ago) +
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
    EXPECT_EQ(first_session, month_ago);

    // Second visit, today: the patient no longer recognises the pain; the zone is the temple
    // only. The subject has no session today, so this is a new visit.
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

// Without --session, findings join the subject's visit of today (the session its hold was
// stored in today), as the GUI's Treatment page keeps a hold and the points examined in its
// visit's one session: two findings set calls and the hold are one visit, one section of the
// day's report. Before, each call opened a session of its own (three sections).
TEST(CliFindings, TwoFindingsSetCallsAndAHoldTheSameDayAreOneVisitInTheReport) {
    const auto dir = scratch("one-visit");
    const std::string db = (dir / "study.sqlite").string();
    stored_session(db, "S5", "Ann", "2026-01-10T09:00:00Z", /*with_hold=*/true); // another day
    const RecordId today = stored_session(db, "S5", "Ann", utc_now(), /*with_hold=*/true);
    const CommandRun trapezius =
        cli_json("findings set --db " + db +
                 " --subject S5 --operator Ann --site upper_trapezius --side R --taut-band yes "
                 "--tender-spot yes --familiar-pain yes --zone temple:R");
    ASSERT_EQ(trapezius.exit_code, 0) << trapezius.out;
    EXPECT_EQ(json_lines(trapezius.out).at(0)["session_id"], today);
    const CommandRun masseter =
        cli_json("findings set --db " + db +
                 " --subject S5 --site masseter --side R --taut-band yes --tender-spot no");
    ASSERT_EQ(masseter.exit_code, 0) << masseter.out;
    EXPECT_EQ(json_lines(masseter.out).at(0)["session_id"], today);

    const auto history =
        nlohmann::json::parse(cli_json("history --db " + db + " --subject S5 --json").out);
    EXPECT_EQ(history["sessions"].size(), 2u) << history.dump(2); // a month ago, and today
    const auto pdf = dir / "visit.pdf";
    const CommandRun report = cli("report --db " + db + " --subject S5 --date " + local_today() +
                                  " --pdf " + pdf.string());
    ASSERT_EQ(report.exit_code, 0) << report.out;
    EXPECT_NE(report.out.find(", 1 session, "), std::string::npos) << report.out;
    const CommandRun text = run("pdftotext -layout " + pdf.string() + " - 2>&1");
    ASSERT_EQ(text.exit_code, 0) << text.out;
    EXPECT_NE(text.out.find("Session " + std::to_string(today) + ","), std::string::npos)
        << text.out;
    EXPECT_NE(text.out.find("Trigger points"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("PTI 16100 kPa"), std::string::npos) << text.out;
    std::filesystem::remove_all(dir);
}

// The command line asks the subject-code rule recording and the report ask: a code with a
// Cyrillic Р that would print as P001 is refused at entry, naming the letter, and nothing is
// stored under it.
TEST(CliFindings, ASubjectCodeWithALookAlikeLetterIsRefusedWithExit2NamingIt) {
    const auto dir = scratch("look-alike");
    const std::string db = (dir / "study.sqlite").string();
    const CommandRun refused = cli("findings set --db " + db +
                                   " --subject \u0420001 --site upper_trapezius --taut-band yes");
    EXPECT_EQ(refused.exit_code, 2) << refused.out;
    EXPECT_NE(refused.out.find("the subject code '\u0420001' has '\u0420' (U+0420), a Cyrillic "
                               "letter that looks like the Latin 'P'"),
              std::string::npos)
        << refused.out;
    const CommandRun listed = cli("findings list --db " + db + " --subject \u0420001");
    EXPECT_EQ(listed.exit_code, 2) << listed.out; // no such subject was stored
    EXPECT_NE(listed.out.find("no subject with the code"), std::string::npos) << listed.out;
    const CommandRun latin = cli_json("findings set --db " + db +
                                      " --subject P001 --site upper_trapezius --taut-band yes");
    EXPECT_EQ(latin.exit_code, 0) << latin.out;
    // A Cyrillic code with a letter no Latin one looks like is recorded (it was refused for
    // its а and о).
    const CommandRun cyrillic = cli_json("findings set --db " + db +
                                         " --subject \u0438\u0432\u0430\u043d\u043e\u0432"
                                         "\u0430-03 --site upper_trapezius --taut-band yes");
    EXPECT_EQ(cyrillic.exit_code, 0) << cyrillic.out;
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
