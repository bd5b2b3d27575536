// algoscope-cli history, report and export as a clinic or a researcher scripts them: a
// subject's history as JSON, a session's PDF whose text carries its numbers, exports that
// take only the chosen subject, session or dates; clear refusals with exit status 2.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>

#include "CliRun.h"
#include "algocore/storage/SqliteStorage.h"

using namespace algocore::storage;
using cli_run::cli;
using cli_run::CommandRun;
using cli_run::run;

namespace {

// A folder of its own for each test.
std::filesystem::path scratch(const std::string& test) {
    return cli_run::scratch("algoscope-cli-history-" + test);
}

RawTrace ramp(double to_kpa) {
    RawTrace t;
    for (int i = 0; i < 400; ++i)
        t.samples.push_back({0.001 * i, 1000 + i, to_kpa * i / 4000.0, to_kpa * i / 400.0, 0, 0});
    return t;
}

// S1: two sessions at the left trapezius (300/310/320, then 390/400/410) and a hold in the
// second; S2: one session in another month.
std::string make_db(const std::filesystem::path& dir) {
    const std::string path = (dir / "study.sqlite").string();
    auto opened = SqliteStorage::open(path);
    EXPECT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    const RecordId site = db.find_site("upper_trapezius")->id;
    const auto session = [&](const std::string& code, const std::string& when) {
        SessionOpening o;
        o.subject.code = code;
        o.session.started_utc = when;
        o.session.device_serial = "ALG-77";
        o.by = Operator{0, "Ann", "therapist"};
        return db.open_session(o).id;
    };
    const auto trials = [&](RecordId s, std::initializer_list<double> values) {
        int k = 1;
        for (double v : values) {
            Trial t;
            t.session_id = s;
            t.site_id = site;
            t.index = k++;
            t.ppt_kpa = v;
            t.valid = t.counted = true;
            t.preset = "clinical";
            t.target_rate_kpa_s = 30;
            t.peak_kpa = v + 5;
            t.signal_t_s = 11.5;
            db.record_trial(t, ramp(v));
        }
    };
    trials(session("S1", "2026-01-10T09:00:00Z"), {300, 310, 320});
    const RecordId second = session("S1", "2026-02-10T09:00:00Z");
    trials(second, {390, 400, 410});
    Hold h;
    h.session_id = second;
    h.site_id = site;
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
    db.record_hold(h, ramp(280));
    trials(session("S2", "2026-03-01T09:00:00Z"), {200, 210, 220});
    EXPECT_TRUE(db.flush(std::chrono::seconds(30)));
    return path;
}

// Saves the lab's own MDC for the trapezius, as `reliability --save-mdc` does.
void save_lab_mdc(const std::string& path, double mdc_kpa, std::optional<BodySide> side,
                  const std::string& source, const std::string& computed_utc) {
    auto opened = SqliteStorage::open(path);
    ASSERT_TRUE(opened.storage) << opened.error;
    SiteMdcRecord row;
    row.site_key = "upper_trapezius";
    row.side = side;
    row.mdc_kpa = mdc_kpa;
    row.sem_kpa = mdc_kpa / 2.77;
    row.icc_form = "ICC(2,1)";
    row.n_subjects = 20;
    row.source = source;
    row.computed_utc = computed_utc;
    ASSERT_TRUE(opened.storage->save_site_mdc(row).ok);
    ASSERT_TRUE(opened.storage->flush(std::chrono::seconds(30)));
}

std::string read(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST(CliHistory, JsonHasEachSessionsThresholdAndTheRealChangeVerdict) {
    const auto dir = scratch("json");
    const std::string db = make_db(dir);
    const CommandRun r = run(std::string(ALGOSCOPE_CLI) + " history --db " + db +
                             " --subject S1 --json 2>/dev/null");
    ASSERT_EQ(r.exit_code, 0) << r.out;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j["sessions"].size(), 2u);
    ASSERT_EQ(j["points"].size(), 1u);
    const auto& visits = j["points"][0]["sessions"];
    ASSERT_EQ(visits.size(), 2u);
    EXPECT_DOUBLE_EQ(visits[0]["mean_kpa"].get<double>(), 310.0);
    EXPECT_DOUBLE_EQ(visits[1]["sd_kpa"].get<double>(), 10.0);
    EXPECT_EQ(visits[1]["vs_previous"]["verdict"], "increased");
    EXPECT_DOUBLE_EQ(visits[1]["vs_previous"]["change_kpa"].get<double>(), 90.0);
    EXPECT_EQ(j["points"][0]["mdc_source"], "built-in default");
    ASSERT_EQ(j["holds"].size(), 1u);
    EXPECT_DOUBLE_EQ(j["holds"][0]["pti_kpa_s"].get<double>(), 16100.0);
    EXPECT_EQ(j["holds"][0]["pain_rating"], 3);
}

TEST(CliHistory, JsonUsesTheLabsStoredMdcAndSaysWhichMdcJudged) {
    const auto dir = scratch("lab-mdc");
    const std::string db = make_db(dir);
    save_lab_mdc(db, 95.0, BodySide::Left, "ICC(2,1) 0.88, 20 subjects x 2 sessions; pilot.sqlite",
                 "2026-01-31T12:00:00Z");
    const CommandRun r = run(std::string(ALGOSCOPE_CLI) + " history --db " + db +
                             " --subject S1 --json 2>/dev/null");
    ASSERT_EQ(r.exit_code, 0) << r.out;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j["points"].size(), 1u);
    const auto& point = j["points"][0];
    const std::string provenance =
        "this lab (2026-01-31): ICC(2,1) 0.88, 20 subjects x 2 sessions; pilot.sqlite";
    EXPECT_DOUBLE_EQ(point["mdc_kpa"].get<double>(), 95.0);
    EXPECT_EQ(point["mdc_source"], "this lab");
    EXPECT_EQ(point["mdc_provenance"], provenance);
    // +90 kPa: increased against the built-in 70 kPa, within the lab's 95 kPa.
    const auto& change = point["sessions"][1]["vs_previous"];
    EXPECT_DOUBLE_EQ(change["change_kpa"].get<double>(), 90.0);
    EXPECT_DOUBLE_EQ(change["mdc_kpa"].get<double>(), 95.0);
    EXPECT_EQ(change["verdict"], "no_detectable_change");
    EXPECT_EQ(change["mdc_source"], "this lab");
    EXPECT_EQ(change["mdc_provenance"], provenance);

    const CommandRun text = cli("history --db " + db + " --subject S1");
    ASSERT_EQ(text.exit_code, 0) << text.out;
    EXPECT_NE(text.out.find("(MDC 95 kPa, " + provenance + ")"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("vs previous +90 kPa (no real change)"), std::string::npos) << text.out;
}

TEST(CliHistory, TextFollowsTheChosenUnit) {
    const auto dir = scratch("unit");
    const std::string db = make_db(dir);
    const CommandRun r = cli("history --db " + db + " --subject S1 --unit kgf/cm2");
    ASSERT_EQ(r.exit_code, 0) << r.out;
    EXPECT_NE(r.out.find("mean 4.08 kgf/cm²"), std::string::npos) << r.out; // 400 kPa
    EXPECT_EQ(r.out.find("kPa"), std::string::npos) << r.out;
}

TEST(CliHistory, AnUnknownSubjectOrDatabaseIsRefusedWithExitTwo) {
    const auto dir = scratch("unknown");
    const std::string db = make_db(dir);
    CommandRun r = cli("history --db " + db + " --subject NOPE --json");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.out.find("no subject with the code 'NOPE'"), std::string::npos) << r.out;
    r = cli("history --db " + (dir / "missing.sqlite").string() + " --subject S1");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.out.find("no database at"), std::string::npos) << r.out;
}

TEST(CliReport, ThePdfCarriesTheSessionsNumbersAsText) {
    const auto dir = scratch("report");
    const std::string db = make_db(dir);
    const auto pdf = dir / "report.pdf";
    const CommandRun r = run("env -u DISPLAY -u QT_QPA_PLATFORM " + std::string(ALGOSCOPE_CLI) +
                             " report --db " + db + " --subject S1 --pdf " + pdf.string() +
                             " --clinic 'Praxis Nord' --therapist 'A. Roth' 2>&1");
    ASSERT_EQ(r.exit_code, 0) << r.out;
    EXPECT_NE(r.out.find(": visit of "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(", 1 session, 1 page, printed "), std::string::npos) << r.out;
    const CommandRun text = run("pdftotext -layout " + pdf.string() + " - 2>&1");
    ASSERT_EQ(text.exit_code, 0) << "pdftotext (poppler-utils, installed by "
                                    "scripts/install-deps.sh): "
                                 << text.out;
    for (const char* expected :
         {"Praxis Nord", "A. Roth", "S1", "ALG-77", "Upper trapezius L", "390 400 410", "+90",
          "real increase", "PTI 16100 kPa", "step-ups 0, pain", "3/10"})
        EXPECT_NE(text.out.find(expected), std::string::npos) << expected << "\n" << text.out;
}

// The header saved from the GUI's History page is the one the command line uses; a flag
// overrides one field; a damaged header file is said and the report still made.
TEST(CliReport, TheHeaderComesFromTheSavedSettingsUnlessGiven) {
    const auto dir = scratch("report-header");
    const std::string db = make_db(dir);
    {
        std::ofstream header(dir / "report-header.json");
        header << R"({"clinic": "Physio am See", "therapist": "B. Kraus"})";
    }
    const std::string env = "env ALGOSCOPE_CONFIG_DIR=" + dir.string() + " ";
    const auto pdf = dir / "report.pdf";
    const CommandRun r = run(env + ALGOSCOPE_CLI + " report --db " + db + " --subject S1 --pdf " +
                             pdf.string() + " --therapist 'C. Vogel' 2>&1");
    ASSERT_EQ(r.exit_code, 0) << r.out;
    const CommandRun text = run("pdftotext -layout " + pdf.string() + " - 2>&1");
    ASSERT_EQ(text.exit_code, 0) << text.out;
    EXPECT_NE(text.out.find("Physio am See"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("C. Vogel"), std::string::npos) << text.out;
    EXPECT_EQ(text.out.find("B. Kraus"), std::string::npos) << text.out;

    {
        std::ofstream header(dir / "report-header.json", std::ios::trunc);
        header << "{\"clinic\": ";
    }
    const CommandRun damaged = run(env + ALGOSCOPE_CLI + " report --db " + db +
                                   " --subject S1 --pdf " + pdf.string() + " 2>&1");
    EXPECT_EQ(damaged.exit_code, 0) << damaged.out;
    EXPECT_NE(damaged.out.find("is not a valid report header"), std::string::npos) << damaged.out;
}

TEST(CliReport, ThePdfMarksTheLabsMdcAndNamesItsSourceAndDate) {
    const auto dir = scratch("report-lab-mdc");
    const std::string db = make_db(dir);
    save_lab_mdc(db, 95.0, BodySide::Left, "ICC(2,1) 0.88, 20 subjects; pilot.sqlite",
                 "2026-01-31T12:00:00Z");
    const auto pdf = dir / "report.pdf";
    const CommandRun r = cli("report --db " + db + " --subject S1 --pdf " + pdf.string());
    ASSERT_EQ(r.exit_code, 0) << r.out;
    // The text as a reader copies it (the embedded font's map back to Unicode).
    const CommandRun text = run("pdftotext " + pdf.string() + " - 2>&1");
    ASSERT_EQ(text.exit_code, 0) << text.out;
    EXPECT_NE(text.out.find("no real change (95†)"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("† MDC of Upper trapezius L: this lab (2026-01-31): "
                            "ICC(2,1) 0.88, 20 subjects; pilot.sqlite."),
              std::string::npos)
        << text.out;
}

// Issue 19 item 7: the report draws Greek and Cyrillic with an embedded font that maps back to
// Unicode; a code it cannot draw is refused with the character named and exit 2, free text it
// cannot draw is marked and named in a footnote.
TEST(CliReport, GreekIsPrintedAndACodeTheFontCannotDrawIsRefusedWithExitTwo) {
    const auto dir = scratch("report-scripts");
    const std::string db = make_db(dir);
    {
        auto opened = SqliteStorage::open(db);
        ASSERT_TRUE(opened.storage) << opened.error;
        // Stored as older rows were: recording refuses the last two codes now.
        for (const char* code : {"\u03a301", "\u039401", "\u4e2d01", "\u0420001"}) {
            SessionOpening o;
            o.subject.code = code;
            o.session.started_utc = "2026-02-10T09:00:00Z";
            const RecordId s = opened.storage->open_session(o).id;
            Trial t;
            t.session_id = s;
            t.site_id = opened.storage->find_site("upper_trapezius")->id;
            t.index = 1;
            t.ppt_kpa = 300;
            t.valid = t.counted = true;
            t.preset = "clinical";
            t.target_rate_kpa_s = 30;
            t.peak_kpa = 305;
            t.signal_t_s = 11.5;
            opened.storage->record_trial(t, ramp(300));
        }
        ASSERT_TRUE(opened.storage->flush(std::chrono::seconds(30)));
    }
    std::string texts[2];
    for (int i = 0; i < 2; ++i) {
        const auto pdf = dir / ("greek" + std::to_string(i) + ".pdf");
        const CommandRun r = cli("report --db " + db + " --subject " +
                                 (i == 0 ? "\u03a301" : "\u039401") + " --pdf " + pdf.string() +
                                 " --clinic '\u6771\u4eac Clinic' --therapist '\u0418. "
                                 "\u041f\u0435\u0442\u0440\u043e\u0432'");
        ASSERT_EQ(r.exit_code, 0) << r.out;
        texts[i] = run("pdftotext " + pdf.string() + " - 2>&1").out;
        const CommandRun fonts = run("pdffonts " + pdf.string() + " 2>&1");
        EXPECT_NE(fonts.out.find("+DejaVuSans "), std::string::npos) << fonts.out;
        EXPECT_NE(fonts.out.find("CID TrueType      Identity-H       yes yes yes"),
                  std::string::npos)
            << fonts.out;
    }
    // Σ01 and Δ01 print as themselves (they both printed "?01" before).
    EXPECT_NE(texts[0].find("\u03a301"), std::string::npos) << texts[0];
    EXPECT_NE(texts[1].find("\u039401"), std::string::npos) << texts[1];
    EXPECT_EQ(texts[0].find("?01"), std::string::npos) << texts[0];
    EXPECT_NE(texts[0].find("Therapist: \u0418. \u041f\u0435\u0442\u0440\u043e\u0432"),
              std::string::npos)
        << texts[0];
    EXPECT_NE(texts[0].find("\ufffd\ufffd Clinic"), std::string::npos) << texts[0];
    EXPECT_NE(texts[0].find("(U+6771, U+4EAC)"), std::string::npos) << texts[0];

    const auto refused = dir / "cjk.pdf";
    const CommandRun r = cli("report --db " + db + " --subject \u4e2d01 --pdf " + refused.string());
    EXPECT_EQ(r.exit_code, 2) << r.out;
    EXPECT_NE(r.out.find("has '\u4e2d' (U+4E2D), which a subject code cannot hold"),
              std::string::npos)
        << r.out;
    EXPECT_FALSE(std::filesystem::exists(refused));
    // A Cyrillic Р would print as P: the report asks the code rule recording asks.
    const CommandRun look_alike =
        cli("report --db " + db + " --subject \u0420001 --pdf " + refused.string());
    EXPECT_EQ(look_alike.exit_code, 2) << look_alike.out;
    EXPECT_NE(look_alike.out.find("has '\u0420' (U+0420), a Cyrillic letter that looks like the "
                                  "Latin 'P'"),
              std::string::npos)
        << look_alike.out;
    EXPECT_FALSE(std::filesystem::exists(refused));
}

TEST(CliReport, AnUnknownSessionIsRefused) {
    const auto dir = scratch("report-session");
    const std::string db = make_db(dir);
    const CommandRun r =
        cli("report --db " + db + " --subject S1 --session 99 --pdf " + (dir / "r.pdf").string());
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.out.find("has no session 99"), std::string::npos) << r.out;
    EXPECT_FALSE(std::filesystem::exists(dir / "r.pdf"));
}

TEST(CliExport, FiltersTakeOnlyTheChosenSubjectAndDates) {
    const auto dir = scratch("export");
    const std::string db = make_db(dir);
    CommandRun r = cli("export --db " + db + " --subject S1 --from 2026-02-01 --out " +
                       (dir / "csv").string());
    ASSERT_EQ(r.exit_code, 0) << r.out;
    const std::string trials = read(dir / "csv" / "trials.csv");
    EXPECT_NE(trials.find("preset,target_rate_kpa_s"), std::string::npos);
    EXPECT_NE(trials.find(",clinical,30,"), std::string::npos) << trials;
    EXPECT_EQ(std::count(trials.begin(), trials.end(), '\n'), 4); // header + 3 trials
    EXPECT_EQ(trials.find(",300,"), std::string::npos);
    EXPECT_TRUE(std::filesystem::exists(dir / "csv" / "training_scores.csv"));

    r = run(std::string(ALGOSCOPE_CLI) + " export --db " + db +
            " --format json --to 2026-01-31 2>/dev/null");
    ASSERT_EQ(r.exit_code, 0);
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["sessions"].size(), 1u);
    EXPECT_EQ(j["trials"].size(), 3u);
    EXPECT_EQ(j["trials"][0]["trace"]["encoding"], "delta-runs-1");

    r = cli("export --db " + db + " --from 2026-13-01");
    EXPECT_NE(r.exit_code, 0) << r.out;
    EXPECT_NE(r.out.find("must be a date YYYY-MM-DD"), std::string::npos) << r.out;
    r = cli("export --db " + db + " --subject NOPE");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.out.find("no subject with the code"), std::string::npos) << r.out;
}

TEST(CliExport, CarriesEveryStoredMdcOfTheLabWhateverTheFilter) {
    const auto dir = scratch("export-site-mdc");
    const std::string db = make_db(dir);
    save_lab_mdc(db, 95.0, BodySide::Left, "left, pilot", "2026-01-31T12:00:00Z");
    save_lab_mdc(db, 80.0, std::nullopt, "both sides, main study", "2026-02-28T12:00:00Z");
    CommandRun r = cli("export --db " + db + " --subject S2 --out " + (dir / "csv").string());
    ASSERT_EQ(r.exit_code, 0) << r.out;
    const std::string csv = read(dir / "csv" / "site_mdc.csv");
    EXPECT_EQ(csv.rfind("site,side,mdc_kpa,sem_kpa,icc_form,n_subjects,source,computed_utc,"
                        "mdc_id\r\n",
                        0),
              0u)
        << csv;
    EXPECT_NE(csv.find("upper_trapezius,L,95,"), std::string::npos) << csv;
    EXPECT_NE(csv.find(",\"ICC(2,1)\",20,\"left, pilot\",2026-01-31T12:00:00Z,"), std::string::npos)
        << csv;
    EXPECT_NE(csv.find("upper_trapezius,both,80,"), std::string::npos) << csv;
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 3); // header + 2 rows

    r = run(std::string(ALGOSCOPE_CLI) + " export --db " + db + " --format json 2>/dev/null");
    ASSERT_EQ(r.exit_code, 0);
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j["site_mdc"].size(), 2u);
    const auto& left = j["site_mdc"][0];
    EXPECT_EQ(left["site"], "upper_trapezius");
    EXPECT_EQ(left["side"], "L");
    EXPECT_DOUBLE_EQ(left["mdc_kpa"].get<double>(), 95.0);
    EXPECT_NEAR(left["sem_kpa"].get<double>(), 95.0 / 2.77, 1e-9);
    EXPECT_EQ(left["icc_form"], "ICC(2,1)");
    EXPECT_EQ(left["n_subjects"], 20);
    EXPECT_EQ(left["source"], "left, pilot");
    EXPECT_EQ(left["computed_utc"], "2026-01-31T12:00:00Z");
    EXPECT_EQ(j["site_mdc"][1]["side"], "both");
    EXPECT_GT(j["site_mdc"][1]["id"].get<long long>(), left["id"].get<long long>());
}

// A code stored with terminal control sequences (an old database, a hand-edited file) is shown
// escaped: the text output never passes a control character to the terminal.
TEST(CliHistory, StoredControlCharactersAreShownEscapedNeverSentToTheTerminal) {
    const auto dir = scratch("control-characters");
    const std::string path = (dir / "study.sqlite").string();
    const std::string code = "S\x1b]0;owned\x07-1";
    {
        auto opened = SqliteStorage::open(path);
        ASSERT_TRUE(opened.storage) << opened.error;
        auto& db = *opened.storage;
        SessionOpening o;
        o.subject.code = code;
        o.session.started_utc = "2026-01-10T09:00:00Z";
        o.by = Operator{0, "Ann\x1b[2J", "therapist"};
        const RecordId session = db.open_session(o).id;
        Trial t;
        t.session_id = session;
        t.site_id = db.find_site("upper_trapezius")->id;
        t.index = 1;
        t.ppt_kpa = 300;
        t.valid = t.counted = true;
        t.preset = "clinical";
        db.record_trial(t, ramp(300));
        ASSERT_TRUE(db.flush(std::chrono::seconds(30)));
    }
    const CommandRun r = run(std::string(ALGOSCOPE_CLI) + " history --db " + path +
                             " --subject \"$(printf 'S\\033]0;owned\\007-1')\" 2>&1");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    EXPECT_NE(r.out.find("Subject S\\x1B]0;owned\\x07-1: 1 sessions"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("by Ann\\x1B[2J"), std::string::npos) << r.out;
    for (char c : r.out)
        EXPECT_TRUE(c == '\n' || static_cast<unsigned char>(c) >= 0x20)
            << "control character " << static_cast<int>(c);
}

// A name an older Algoscope stored in Latin-1 (before names had to be UTF-8) is not UTF-8:
// history --json and the whole-study JSON export still write every record, the bytes that are
// not UTF-8 shown as U+FFFD, never a JSON library's exception and exit 2.
TEST(CliHistory, ANameStoredInLatin1IsWrittenToJsonWithReplacementCharacters) {
    const auto dir = scratch("latin1-name");
    const std::string path = (dir / "study.sqlite").string();
    {
        auto opened = SqliteStorage::open(path);
        ASSERT_TRUE(opened.storage) << opened.error;
        auto& db = *opened.storage;
        SessionOpening o;
        o.subject.code = "M\xfcller-01";
        o.session.started_utc = "2026-01-10T09:00:00Z";
        o.by = Operator{0, "Ren\xe9", "therapist"};
        const RecordId session = db.open_session(o).id;
        Trial t;
        t.session_id = session;
        t.site_id = db.find_site("upper_trapezius")->id;
        t.index = 1;
        t.ppt_kpa = 415;
        t.valid = t.counted = true;
        t.preset = "clinical";
        db.record_trial(t, ramp(415));
        ASSERT_TRUE(db.flush(std::chrono::seconds(30)));
    }
    const CommandRun history = run(std::string(ALGOSCOPE_CLI) + " history --json --db " + path +
                                   " --subject \"$(printf 'M\\374ller-01')\" 2>/dev/null");
    ASSERT_EQ(history.exit_code, 0) << history.out;
    const auto j = nlohmann::json::parse(history.out);
    EXPECT_EQ(j["subject"], "M\xEF\xBF\xBDller-01");
    EXPECT_EQ(j["sessions"].size(), 1u);

    const std::string out = (dir / "study.json").string();
    const CommandRun exported = cli("export --format json --db " + path + " --out " + out);
    ASSERT_EQ(exported.exit_code, 0) << exported.out;
    std::ifstream in(out);
    const auto study = nlohmann::json::parse(in);
    const std::string text = study.dump();
    EXPECT_NE(text.find("M\xEF\xBF\xBDller-01"), std::string::npos) << text.substr(0, 400);
    EXPECT_NE(text.find("Ren\xEF\xBF\xBD"), std::string::npos);
    EXPECT_NE(text.find("415"), std::string::npos);
}
