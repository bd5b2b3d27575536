// The "done when", end to end with the command-line program and a real PostgreSQL 15:
// two stations record PPT series of the same subjects offline (each its own file, each its own
// role), push, a person merges the subjects the two stations both created, and the shared
// study answers `history --server` with both stations' sessions and `reliability --server
// --by operator` with the ICC across them that a single file holding both stations' sessions
// gives.
#include <nlohmann/json.hpp>

#include "CliRun.h"
#include "StationRecords.h"
#include "TestServer.h"
#include "algocore/sharedstudy/ServerSchema.h"
#include "algocore/storage/SqliteStorage.h"

namespace {

using algotest::RecordedSession;
using algotest::ServerTest;
using clitest::run_cli;

std::string sh(const std::string& text) {
    return "'" + text + "'";
}

// The whole of a command's standard output as JSON (some commands indent theirs).
nlohmann::json json_of(const clitest::CliRun& run) {
    std::string all;
    for (const std::string& line : run.lines)
        all += line + "\n";
    return nlohmann::json::parse(all);
}

// The JSON without the ids a database gives its rows (another file numbers them otherwise).
nlohmann::json without_ids(nlohmann::json j) {
    if (j.is_object()) {
        nlohmann::json out = nlohmann::json::object();
        for (auto& [key, value] : j.items())
            if (key != "id" && (key.size() < 3 || key.substr(key.size() - 3) != "_id"))
                out[key] = without_ids(value);
        return out;
    }
    if (j.is_array())
        for (auto& item : j)
            item = without_ids(item);
    return j;
}

class TwoStationsTest : public ServerTest {
protected:
    // Five subjects; each station's examiner measures each once, a few kPa apart.
    static std::vector<RecordedSession> sessions_of(const std::string& examiner, int day,
                                                    double offset_kpa) {
        std::vector<RecordedSession> out;
        const double ppt_kpa[] = {310.0, 420.0, 365.0, 505.0, 280.0};
        for (int i = 0; i < 5; ++i) {
            RecordedSession s;
            s.subject_code = "S-00" + std::to_string(i + 1);
            s.operator_name = examiner;
            s.started_utc =
                "2027-06-0" + std::to_string(day) + "T0" + std::to_string(i + 1) + ":00:00Z";
            s.ppt_kpa = ppt_kpa[i] + offset_kpa + 3.0 * i;
            out.push_back(s);
        }
        return out;
    }

    static void record(const std::string& db, const std::vector<RecordedSession>& sessions) {
        auto opened = algocore::storage::SqliteStorage::open(db);
        ASSERT_TRUE(opened.storage) << opened.error;
        for (const RecordedSession& s : sessions)
            algotest::record_session(*opened.storage, s);
        opened.storage->close();
    }
};

TEST_F(TwoStationsTest, BothStationsSessionsAndTheIccAcrossThemComeBackFromTheServer) {
    ASSERT_EQ(
        run_cli("server init --server " + sh(admin_url()) + " --study reliability-2027").exit_code,
        0);
    make_role("station_a", "pw-a", algocore::sharedstudy::kStationGroupRole);
    make_role("station_b", "pw-b", algocore::sharedstudy::kStationGroupRole);
    make_role("lead", "pw-lead", algocore::sharedstudy::kReaderGroupRole);
    const auto anna = sessions_of("Anna", 1, 0.0);
    const auto bert = sessions_of("Bert", 2, 12.0);
    record(file("a.sqlite"), anna);
    record(file("b.sqlite"), bert);
    // The same sessions in one file: what the study would be had one station recorded both.
    auto both = anna;
    both.insert(both.end(), bert.begin(), bert.end());
    record(file("merged.sqlite"), both);

    for (const auto& [db, role_name, station] :
         {std::tuple{"a.sqlite", "station_a", "room A"}, {"b.sqlite", "station_b", "room B"}}) {
        auto pushed = run_cli("sync --db " + sh(file(db)) + " --server " +
                              sh(server_.tcp_url(database_, role(role_name))) + " --station " +
                              sh(station) + " --json");
        ASSERT_EQ(pushed.exit_code, 0) << pushed.stderr_text;
        EXPECT_EQ(nlohmann::json::parse(pushed.lines.at(0))["pending"], 0);
    }

    // Both stations made S-001 ... S-005: flagged, then merged by a person.
    const std::string reader = server_.tcp_url(database_, role("lead"));
    auto listed = run_cli("subjects --server " + sh(reader) + " --json");
    ASSERT_EQ(listed.exit_code, 0) << listed.stderr_text;
    const auto subjects = nlohmann::json::parse(listed.lines.at(0));
    ASSERT_EQ(subjects.size(), 10u);
    auto refused = run_cli("history --server " + sh(reader) + " --subject S-001 --json");
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_NE(refused.stderr_text.find("have the code 'S-001'"), std::string::npos);
    for (std::size_t i = 0; i < subjects.size(); i += 2) {
        ASSERT_EQ(subjects[i]["code"], subjects[i + 1]["code"]);
        EXPECT_TRUE(subjects[i]["clash"].get<bool>());
        auto merged =
            run_cli("subjects merge --server " + sh(server_.tcp_url(database_, role("station_a"))) +
                    " " + subjects[i]["uuid"].get<std::string>() + " " +
                    subjects[i + 1]["uuid"].get<std::string>() + " --reason 'one person'");
        ASSERT_EQ(merged.exit_code, 0) << merged.stderr_text;
    }

    auto history = run_cli("history --server " + sh(reader) + " --subject S-003 --json");
    ASSERT_EQ(history.exit_code, 0) << history.stderr_text;
    const auto shared = json_of(history);
    auto from_file =
        run_cli("history --db " + sh(file("merged.sqlite")) + " --subject S-003 --json");
    ASSERT_EQ(from_file.exit_code, 0) << from_file.stderr_text;
    const auto merged_file = json_of(from_file);
    ASSERT_EQ(shared["sessions"].size(), 2u);
    EXPECT_EQ(shared["sessions"].size(), merged_file["sessions"].size());
    EXPECT_EQ(without_ids(shared), without_ids(merged_file));
    const std::string text = shared.dump();
    EXPECT_NE(text.find("Anna"), std::string::npos);
    EXPECT_NE(text.find("Bert"), std::string::npos);

    const std::string query = " --site upper_trapezius --side L --by operator --json";
    auto icc_shared = run_cli("reliability --server " + sh(reader) + query);
    auto icc_file = run_cli("reliability --db " + sh(file("merged.sqlite")) + query);
    ASSERT_EQ(icc_shared.exit_code, 0) << icc_shared.stderr_text;
    ASSERT_EQ(icc_file.exit_code, 0) << icc_file.stderr_text;
    const auto a = json_of(icc_shared);
    const auto b = json_of(icc_file);
    ASSERT_EQ(a["icc"].size(), 6u);
    for (std::size_t i = 0; i < 6; ++i) {
        EXPECT_EQ(a["icc"][i]["form"], b["icc"][i]["form"]);
        EXPECT_NEAR(a["icc"][i]["value"].get<double>(), b["icc"][i]["value"].get<double>(), 1e-12)
            << a["icc"][i]["form"];
    }
    EXPECT_GT(a["icc"][1]["value"].get<double>(), 0.9); // raters 12 kPa apart, subjects 225
    EXPECT_EQ(a["n_subjects"], b["n_subjects"]);
}

} // namespace
