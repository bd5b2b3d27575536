// Stations pushing to a real PostgreSQL server: every record once, traces byte for byte, a
// re-sent batch and concurrent stations counted exactly, a server that was down caught up
// with, an older copy of a station or a push to another study refused with nothing changed.
#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <thread>

#include "StationRecords.h"
#include "TestServer.h"
#include "algocore/sharedstudy/ServerSchema.h"
#include "algocore/sharedstudy/SharedStudyStorage.h"
#include "algocore/sharedstudy/StationPush.h"
#include "algocore/storage/SqliteStorage.h"

namespace {

using namespace algocore;
using namespace algocore::sharedstudy;
using algotest::RecordedSession;
using algotest::ServerTest;

class StationPushTest : public ServerTest {
protected:
    void SetUp() override {
        ServerTest::SetUp();
        if (HasFatalFailure()) return;
        admin_ = connect(admin_url());
        ASSERT_TRUE(admin_);
        ASSERT_FALSE(init_study(*admin_, "knee-oa").error);
    }

    std::unique_ptr<ServerConnection> connect(const std::string& address) {
        ServerOpen opened = ServerConnection::open(address);
        EXPECT_FALSE(opened.error) << opened.error.message;
        return std::move(opened.connection);
    }

    // A station's file with `sessions` sessions of subject `code` (3 trials each).
    void record(const std::string& db, const std::string& code, int sessions, int first_day = 1) {
        auto opened = storage::SqliteStorage::open(db);
        ASSERT_TRUE(opened.storage) << opened.error;
        for (int i = 0; i < sessions; ++i) {
            RecordedSession s;
            s.subject_code = code;
            s.operator_name = "Anna";
            s.started_utc = "2027-03-" + std::string(first_day + i < 10 ? "0" : "") +
                            std::to_string(first_day + i) + "T09:00:00Z";
            s.holds = 1;
            algotest::record_session(*opened.storage, s);
        }
        opened.storage->close();
    }

    PushReport push(const std::string& db, const std::string& address,
                    const std::string& station = {}) {
        auto file = StationFile::open(db);
        EXPECT_TRUE(file.file) << file.error;
        auto server = ServerConnection::open(address);
        if (!server.connection) {
            PushReport failed;
            failed.error = server.error;
            return failed;
        }
        PushOptions options;
        options.station_name = station;
        options.batch_records = 7; // several batches even for small files
        return push_station(*file.file, *server.connection, options);
    }

    std::int64_t server_count(const std::string& table) {
        return admin_->exec("SELECT count(*) FROM algoscope." + table).rows.integer(0, 0);
    }

    static std::int64_t station_count(const std::string& db, const std::string& table) {
        SQLite::Database file(db);
        return file.execAndGet("SELECT count(*) FROM " + table).getInt64();
    }

    std::unique_ptr<ServerConnection> admin_;
};

TEST_F(StationPushTest, EveryRecordArrivesOnceAndTheSecondPushSendsNothing) {
    const std::string db = file("room-a.sqlite");
    record(db, "S-017", 2);
    const PushReport first = push(db, admin_url(), "room A");
    ASSERT_FALSE(first.error) << first.error.message;
    EXPECT_EQ(first.station, "room A");
    EXPECT_EQ(first.study, "knee-oa");
    // subject, operator, 2 sessions, 6 trials, 2 holds
    EXPECT_EQ(first.sent, 12);
    EXPECT_EQ(first.already_there, 0);
    EXPECT_EQ(first.pending, 0);
    EXPECT_EQ(first.acknowledged_seq, station_count(db, "outbox"));
    EXPECT_GE(first.batches, 2);
    for (const char* table : {"subjects", "operators", "sessions", "trials", "holds"})
        EXPECT_EQ(server_count(table), station_count(db, table)) << table;

    const PushReport second = push(db, admin_url());
    ASSERT_FALSE(second.error) << second.error.message;
    EXPECT_EQ(second.sent, 0);
    EXPECT_EQ(second.station, "room A");
    EXPECT_EQ(server_count("trials"), 6);
}

TEST_F(StationPushTest, TracesArriveAsTheStoredBlobsByteForByte) {
    const std::string db = file("room-a.sqlite");
    record(db, "S-017", 1);
    ASSERT_FALSE(push(db, admin_url()).error);
    SQLite::Database station(db);
    SQLite::Statement local(station, "SELECT t.uuid, tt.sample_count, tt.samples FROM trials t "
                                     "JOIN trial_traces tt ON tt.trial_id = t.id");
    int compared = 0;
    while (local.executeStep()) {
        auto row = admin_->exec("SELECT sample_count, samples FROM algoscope.trials "
                                "WHERE uuid = $1",
                                {ServerParam::text(local.getColumn(0).getString())});
        ASSERT_EQ(row.rows.size(), 1);
        EXPECT_EQ(row.rows.integer(0, 0), local.getColumn(1).getInt64());
        const auto* blob = static_cast<const std::uint8_t*>(local.getColumn(2).getBlob());
        EXPECT_EQ(row.rows.bytes(0, 1),
                  std::vector<std::uint8_t>(blob, blob + local.getColumn(2).getBytes()));
        ++compared;
    }
    EXPECT_EQ(compared, 3);
}

TEST_F(StationPushTest, ABatchSentAgainAfterALostAcknowledgementAddsNothing) {
    const std::string db = file("room-a.sqlite");
    record(db, "S-017", 2);
    ASSERT_FALSE(push(db, admin_url()).error);
    // As if the server committed but the station never heard: the watermark goes back.
    admin_sql("UPDATE algoscope.stations SET acknowledged_seq = 3, acknowledged_uuid = NULL");
    const std::string uuid3 = [&] {
        auto file = StationFile::open(db);
        return file.file->uuid_at(3);
    }();
    admin_sql("UPDATE algoscope.stations SET acknowledged_uuid = '" + uuid3 + "'");
    const PushReport again = push(db, admin_url());
    ASSERT_FALSE(again.error) << again.error.message;
    EXPECT_EQ(again.sent, 9);
    EXPECT_EQ(again.already_there, 9);
    EXPECT_EQ(server_count("trials"), 6);
    EXPECT_EQ(server_count("sessions"), 2);
}

TEST_F(StationPushTest, TwoStationsPushingAtOnceAreCountedExactly) {
    const std::string a = file("a.sqlite");
    const std::string b = file("b.sqlite");
    record(a, "S-001", 6);
    record(b, "S-002", 6, 10);
    PushReport ra;
    PushReport rb;
    std::thread ta([&] { ra = push(a, admin_url(), "room A"); });
    std::thread tb([&] { rb = push(b, admin_url(), "room B"); });
    ta.join();
    tb.join();
    ASSERT_FALSE(ra.error) << ra.error.message;
    ASSERT_FALSE(rb.error) << rb.error.message;
    EXPECT_EQ(server_count("trials"), station_count(a, "trials") + station_count(b, "trials"));
    EXPECT_EQ(server_count("sessions"), 12);
    EXPECT_EQ(server_count("subjects"), 2);
    EXPECT_EQ(server_count("operators"), 2); // each station's Anna is its own record
    EXPECT_EQ(admin_
                  ->exec("SELECT count(*) FROM (SELECT uuid FROM algoscope.trials GROUP BY "
                         "uuid HAVING count(*) > 1) d")
                  .rows.integer(0, 0),
              0);
}

TEST_F(StationPushTest, AServerDownForARecordingIsCaughtUpWithLater) {
    const std::string db = file("room-a.sqlite");
    record(db, "S-017", 1);
    ASSERT_FALSE(push(db, admin_url()).error);
    const std::string nowhere = "postgresql:///x?host=" + file("no-server") + "&port=1";
    record(db, "S-017", 2, 5); // recorded while the server is unreachable
    const PushReport down = push(db, nowhere);
    EXPECT_EQ(down.error.problem, ServerProblem::Unreachable);
    EXPECT_TRUE(down.error.transient());
    record(db, "S-018", 1, 9);
    {
        auto f = StationFile::open(db);
        // 2 sessions x (session, 3 trials, hold) + a new subject's session (subject, session, 3, 1)
        EXPECT_EQ(f.file->last_seq() - f.file->sync_memory()->acknowledged_seq, 16);
    }
    const PushReport back = push(db, admin_url());
    ASSERT_FALSE(back.error) << back.error.message;
    EXPECT_EQ(back.sent, 16);
    EXPECT_EQ(back.pending, 0);
    EXPECT_EQ(server_count("sessions"), 4);
    EXPECT_EQ(server_count("trials"), station_count(db, "trials"));
}

TEST_F(StationPushTest, AFileRestoredFromAnOlderCopyIsRefusedAndNothingIsOverwritten) {
    const std::string db = file("room-a.sqlite");
    const std::string backup = file("backup.sqlite");
    record(db, "S-017", 1);
    ASSERT_FALSE(push(db, admin_url(), "room A").error);
    std::filesystem::copy_file(db, backup);
    record(db, "S-017", 1, 2);
    ASSERT_FALSE(push(db, admin_url()).error);
    const auto trials_before = server_count("trials");
    const auto watermark_before =
        admin_->exec("SELECT acknowledged_seq FROM algoscope.stations").rows.integer(0, 0);

    std::filesystem::copy_file(backup, db, std::filesystem::copy_options::overwrite_existing);
    const PushReport restored = push(db, admin_url());
    EXPECT_EQ(restored.error.problem, ServerProblem::StationBehind);
    EXPECT_NE(restored.error.message.find("older copy"), std::string::npos)
        << restored.error.message;
    EXPECT_NE(restored.error.message.find("nothing was overwritten"), std::string::npos);

    // The restored copy records on past the server's watermark: still refused.
    record(db, "S-099", 3, 20);
    const PushReport recorded_on = push(db, admin_url());
    EXPECT_EQ(recorded_on.error.problem, ServerProblem::StationBehind);
    EXPECT_EQ(server_count("trials"), trials_before);
    EXPECT_EQ(admin_->exec("SELECT acknowledged_seq FROM algoscope.stations").rows.integer(0, 0),
              watermark_before);
    EXPECT_EQ(admin_->exec("SELECT count(*) FROM algoscope.subjects WHERE code = 'S-099'")
                  .rows.integer(0, 0),
              0);
}

TEST_F(StationPushTest, APushToAnotherStudyIsRefusedAndTheFileIsUnchanged) {
    const std::string db = file("room-a.sqlite");
    record(db, "S-017", 1);
    ASSERT_FALSE(push(db, admin_url()).error);
    const std::string other_db = database_ + "_other";
    ASSERT_EQ(server_.recreate_database(other_db), "");
    {
        auto other = connect(server_.admin_url(other_db));
        ASSERT_FALSE(init_study(*other, "shoulder-2028").error);
    }
    auto memory_before = StationFile::open(db).file->sync_memory();
    const PushReport wrong = push(db, server_.admin_url(other_db));
    EXPECT_EQ(wrong.error.problem, ServerProblem::WrongStudy);
    EXPECT_NE(wrong.error.message.find("belongs to the study 'knee-oa'"), std::string::npos)
        << wrong.error.message;
    EXPECT_NE(wrong.error.message.find("'shoulder-2028'"), std::string::npos);
    auto memory_after = StationFile::open(db).file->sync_memory();
    EXPECT_EQ(memory_after->synced_utc, memory_before->synced_utc);
    EXPECT_EQ(memory_after->study_uuid, memory_before->study_uuid);
    auto other = connect(server_.admin_url(other_db));
    EXPECT_EQ(other->exec("SELECT count(*) FROM algoscope.stations").rows.integer(0, 0), 0);
    other.reset();
    server_.admin_sql("postgres", "DROP DATABASE " + other_db + " WITH (FORCE)");
}

TEST_F(StationPushTest, ASecondFileCannotTakeAStationsName) {
    const std::string a = file("a.sqlite");
    const std::string b = file("b.sqlite");
    record(a, "S-001", 1);
    record(b, "S-002", 1);
    ASSERT_FALSE(push(a, admin_url(), "room A").error);
    const PushReport clash = push(b, admin_url(), "room A");
    EXPECT_EQ(clash.error.problem, ServerProblem::StationClash);
    EXPECT_NE(clash.error.message.find("already has a station named 'room A'"), std::string::npos);
    EXPECT_EQ(server_count("subjects"), 1);
}

TEST_F(StationPushTest, ACorrectionOnTheStationCorrectsTheServersCopyWithItsAuditRow) {
    const std::string db = file("room-a.sqlite");
    record(db, "S-017", 1);
    ASSERT_FALSE(push(db, admin_url()).error);
    std::string trial_uuid;
    {
        auto opened = storage::SqliteStorage::open(db);
        auto& s = *opened.storage;
        const auto subject = s.find_subject("S-017");
        const auto session = s.sessions_of(subject->id).front();
        const auto trial = s.trials_of(session.id).front();
        auto request = s.correct({"trials", trial.id, "counted", "0", "Anna", "patient moved"});
        ASSERT_TRUE(request.ok) << request.error;
        ASSERT_TRUE(s.wait_committed(request.ticket, std::chrono::seconds(10)));
        opened.storage->close();
        SQLite::Database raw(db);
        trial_uuid =
            raw.execAndGet("SELECT uuid FROM trials WHERE id = " + std::to_string(trial.id))
                .getString();
    }
    const PushReport corrected = push(db, admin_url());
    ASSERT_FALSE(corrected.error) << corrected.error.message;
    EXPECT_EQ(corrected.sent, 1);
    auto row = admin_->exec("SELECT counted FROM algoscope.trials WHERE uuid = $1",
                            {ServerParam::text(trial_uuid)});
    EXPECT_FALSE(row.rows.boolean(0, 0));
    auto audit = admin_->exec("SELECT field, old_value, new_value, reason, row_uuid::text "
                              "FROM algoscope.audit_log");
    ASSERT_EQ(audit.rows.size(), 1);
    EXPECT_EQ(audit.rows.text(0, 0), "counted");
    EXPECT_EQ(audit.rows.text(0, 1), "1");
    EXPECT_EQ(audit.rows.text(0, 2), "0");
    EXPECT_EQ(audit.rows.text(0, 3), "patient moved");
    EXPECT_EQ(audit.rows.text(0, 4), trial_uuid);
}

TEST_F(StationPushTest, AnExcludedTrialIsExcludedOnTheServerAndNeverCountedThere) {
    // One trial excluded before the first push (it travels excluded), one after (the audited
    // correction excludes the server's copy), one excluded and counted again.
    const std::string db = file("room-a.sqlite");
    record(db, "S-017", 1);
    std::vector<records::Trial> trials;
    const auto exclude = [&](records::RecordId id, const std::string& reason) {
        auto opened = storage::SqliteStorage::open(db);
        ASSERT_TRUE(opened.storage) << opened.error;
        auto request = opened.storage->correct({"trials", id, "excluded_reason", reason, "Anna",
                                                reason.empty() ? "counted again" : reason});
        ASSERT_TRUE(request.ok) << request.error;
        ASSERT_TRUE(opened.storage->wait_committed(request.ticket, std::chrono::seconds(10)));
        opened.storage->close();
    };
    {
        auto opened = storage::SqliteStorage::open(db);
        auto& s = *opened.storage;
        const auto subject = s.find_subject("S-017");
        trials = s.trials_of(s.sessions_of(subject->id).front().id);
        opened.storage->close();
    }
    ASSERT_EQ(trials.size(), 3u);
    exclude(trials[0].id, "patient moved");
    ASSERT_FALSE(push(db, admin_url()).error);
    exclude(trials[1].id, "probe slipped");
    exclude(trials[2].id, "wrong site");
    exclude(trials[2].id, "");
    const PushReport corrected = push(db, admin_url());
    ASSERT_FALSE(corrected.error) << corrected.error.message;

    const auto reason_on_server = [&](std::size_t i) {
        SQLite::Database raw(db);
        const std::string uuid =
            raw.execAndGet("SELECT uuid FROM trials WHERE id = " + std::to_string(trials[i].id))
                .getString();
        auto row = admin_->exec("SELECT COALESCE(excluded_reason, '<none>'), counted FROM "
                                "algoscope.trials WHERE uuid = $1",
                                {ServerParam::text(uuid)});
        return row.rows.text(0, 0);
    };
    EXPECT_EQ(reason_on_server(0), "patient moved");
    EXPECT_EQ(reason_on_server(1), "probe slipped");
    EXPECT_EQ(reason_on_server(2), "<none>");

    // Read back through the shared study: excluded trials are shown with their reason and not
    // counted, as the station's own file reads them.
    SharedStudyOpen study = open_shared_study(admin_url());
    ASSERT_TRUE(study.storage) << study.error;
    const auto subject = study.storage->find_subject("S-017");
    ASSERT_TRUE(subject);
    const auto on_server =
        study.storage->trials_of(study.storage->sessions_of(subject->id).front().id);
    ASSERT_EQ(on_server.size(), 3u);
    EXPECT_EQ(on_server[0].excluded_reason, "patient moved");
    EXPECT_FALSE(on_server[0].counted);
    EXPECT_EQ(on_server[1].excluded_reason, "probe slipped");
    EXPECT_FALSE(on_server[1].counted);
    EXPECT_EQ(on_server[2].excluded_reason, "");
    EXPECT_TRUE(on_server[2].counted);
}

TEST_F(StationPushTest, AHoldsSignalLossesTravelWithItAndReadBackAsTheStationStoredThem) {
    // One session whose hold lost its signal twice, one (another subject) whose hold's losses
    // were never measured: the server keeps both apart, as the station's file does.
    const std::string db = file("room-a.sqlite");
    {
        auto opened = storage::SqliteStorage::open(db);
        ASSERT_TRUE(opened.storage) << opened.error;
        RecordedSession lost;
        lost.subject_code = "S-021";
        lost.operator_name = "Anna";
        lost.started_utc = "2027-03-01T09:00:00Z";
        lost.holds = 1;
        lost.hold_signal_losses = {{20.0, 10.25}, {50.5, 2.0}};
        algotest::record_session(*opened.storage, lost);
        RecordedSession unmeasured = lost;
        unmeasured.subject_code = "S-022";
        unmeasured.hold_signal_losses.clear();
        algotest::record_session(*opened.storage, unmeasured);
        opened.storage->close();
    }
    const PushReport pushed = push(db, admin_url());
    ASSERT_FALSE(pushed.error) << pushed.error.message;

    SharedStudyOpen study = open_shared_study(admin_url());
    ASSERT_TRUE(study.storage) << study.error;
    const auto hold_of = [&](const std::string& code) {
        const auto subject = study.storage->find_subject(code);
        EXPECT_TRUE(subject);
        const auto holds =
            study.storage->holds_of(study.storage->sessions_of(subject->id).front().id);
        EXPECT_EQ(holds.size(), 1u);
        return holds.front();
    };
    const records::Hold lost = hold_of("S-021");
    ASSERT_TRUE(lost.metrics.signal_losses);
    ASSERT_EQ(lost.metrics.signal_losses->size(), 2u);
    EXPECT_DOUBLE_EQ((*lost.metrics.signal_losses)[0].at_s, 20.0);
    EXPECT_DOUBLE_EQ((*lost.metrics.signal_losses)[0].lost_s, 10.25);
    EXPECT_DOUBLE_EQ((*lost.metrics.signal_losses)[1].at_s, 50.5);
    EXPECT_DOUBLE_EQ(lost.metrics.signal_lost_s(), 12.25);
    EXPECT_FALSE(hold_of("S-022").metrics.signal_losses);
}

TEST_F(StationPushTest, AHoldsReleaseMarksTravelWithItAndAnUnrecordedHoldStaysUnrecorded) {
    const std::string db = file("room-a.sqlite");
    {
        auto opened = storage::SqliteStorage::open(db);
        ASSERT_TRUE(opened.storage) << opened.error;
        RecordedSession marked;
        marked.subject_code = "S-031";
        marked.operator_name = "Anna";
        marked.started_utc = "2027-03-02T09:00:00Z";
        marked.holds = 1;
        marked.hold_release_marks = records::ReleaseMarks{{8.5, 32.25}, {10.75}};
        algotest::record_session(*opened.storage, marked);
        RecordedSession older = marked;
        older.subject_code = "S-032";
        older.hold_release_marks.reset();
        algotest::record_session(*opened.storage, older);
        opened.storage->close();
    }
    const PushReport pushed = push(db, admin_url());
    ASSERT_FALSE(pushed.error) << pushed.error.message;

    SharedStudyOpen study = open_shared_study(admin_url());
    ASSERT_TRUE(study.storage) << study.error;
    const auto hold_of = [&](const std::string& code) {
        const auto subject = study.storage->find_subject(code);
        EXPECT_TRUE(subject);
        const auto holds =
            study.storage->holds_of(study.storage->sessions_of(subject->id).front().id);
        EXPECT_EQ(holds.size(), 1u);
        return holds.front();
    };
    const records::Hold marked = hold_of("S-031");
    ASSERT_TRUE(marked.release_marks);
    EXPECT_EQ(marked.release_marks->marks_s, (std::vector<double>{8.5, 32.25}));
    EXPECT_EQ(marked.release_marks->detections_s, (std::vector<double>{10.75}));
    EXPECT_FALSE(hold_of("S-032").release_marks);
}

TEST_F(StationPushTest, AReactionTimeTestTheRateAtTheButtonAndTheClockAnchorTravelAsStored) {
    const std::string db = file("room-a.sqlite");
    {
        auto opened = storage::SqliteStorage::open(db);
        ASSERT_TRUE(opened.storage) << opened.error;
        auto& s = *opened.storage;
        RecordedSession recorded;
        recorded.subject_code = "S-031";
        recorded.operator_name = "Anna";
        recorded.started_utc = "2027-03-01T09:00:00Z";
        const records::RecordId session = algotest::record_session(s, recorded);
        records::ReactionTest test;
        test.session_id = session;
        test.tested_utc = "2027-03-01T09:05:00Z";
        test.cue_source = "device";
        test.trials = 2;
        test.practice = 1;
        test.n = 2;
        test.median_ms = 251.5;
        test.iqr_ms = 3.0;
        test.anticipations = 1;
        test.complete = true;
        test.timing_uncertainty_ms = 1.0;
        test.timing_note = "cue and press on the device's clock";
        test.cues = {{1, "practice", 2.0, 2.26, 260.0},
                     {2, "anticipation", 5.0, 5.05, 50.0},
                     {3, "counted", 8.0, 8.25, 250.0},
                     {4, "counted", 11.5, 11.753, 253.0},
                     {5, "missed", 14.0, std::nullopt, std::nullopt}};
        const auto stored = s.record_reaction_test(test);
        ASSERT_TRUE(s.wait_committed(stored.ticket, std::chrono::seconds(10)));
        opened.storage->close();
    }
    const PushReport pushed = push(db, admin_url());
    ASSERT_FALSE(pushed.error) << pushed.error.message;

    SharedStudyOpen study = open_shared_study(admin_url());
    ASSERT_TRUE(study.storage) << study.error;
    auto& shared = *study.storage;
    const auto subject = shared.find_subject("S-031");
    ASSERT_TRUE(subject);
    const auto session = shared.sessions_of(subject->id).front();
    const auto tests = shared.reaction_tests_of(session.id);
    ASSERT_EQ(tests.size(), 1u);
    const records::ReactionTest& t = tests.front();
    EXPECT_EQ(t.cue_source, "device");
    EXPECT_EQ(t.n, 2);
    ASSERT_TRUE(t.median_ms);
    EXPECT_DOUBLE_EQ(*t.median_ms, 251.5);
    EXPECT_EQ(t.anticipations, 1);
    EXPECT_TRUE(t.complete);
    EXPECT_EQ(t.timing_note, "cue and press on the device's clock");
    ASSERT_EQ(t.cues.size(), 5u);
    EXPECT_EQ(t.cues[3].outcome, "counted");
    ASSERT_TRUE(t.cues[3].reaction_ms);
    EXPECT_DOUBLE_EQ(*t.cues[3].reaction_ms, 253.0);
    EXPECT_FALSE(t.cues[4].press_t_s);
    EXPECT_FALSE(t.cues[0].uuid.empty());
    // The history read from the server knows the test too (the PPT estimate needs it).
    const auto history = shared.history_of("S-031");
    ASSERT_TRUE(history);
    ASSERT_EQ(history->reaction_tests.size(), 1u);
    EXPECT_EQ(history->reaction_tests.front().uuid, t.uuid);
    // Each trial's rate at the button and its clock's anchor are the ones the station stored.
    SQLite::Database raw(db);
    SQLite::Statement rates(
        raw, "SELECT uuid, rate_at_button_kpa_s, clock_zero_utc FROM trials ORDER BY id");
    const auto on_server = shared.trials_of(session.id);
    std::size_t compared = 0;
    while (rates.executeStep()) {
        for (const records::Trial& trial : on_server) {
            if (trial.uuid != rates.getColumn(0).getString()) continue;
            ++compared;
            EXPECT_EQ(trial.rate_at_button_kpa_s.has_value(), !rates.getColumn(1).isNull());
            if (trial.rate_at_button_kpa_s) {
                EXPECT_DOUBLE_EQ(*trial.rate_at_button_kpa_s, rates.getColumn(1).getDouble());
            }
            EXPECT_EQ(trial.clock_zero_utc, rates.getColumn(2).getString()); // NULL reads ""
        }
    }
    EXPECT_EQ(compared, 3u);
    EXPECT_FALSE(on_server.front().rate_at_button_kpa_s);
    EXPECT_TRUE(on_server.back().rate_at_button_kpa_s);
    EXPECT_EQ(on_server.front().clock_zero_utc, "");
    EXPECT_EQ(on_server.back().clock_zero_utc, "2026-12-01T09:00:00.125Z");
}

} // namespace

TEST_F(StationPushTest, TriggerPointFindingsTravelAndTheNewestOfAPointIsTheVisits) {
    const std::string db = file("room-a.sqlite");
    const std::vector<records::RegionRef> zone = {{"temple", records::BodySide::Right},
                                                  {"back_of_neck", records::BodySide::Right}};
    {
        auto opened = storage::SqliteStorage::open(db);
        ASSERT_TRUE(opened.storage) << opened.error;
        auto& s = *opened.storage;
        RecordedSession recorded;
        recorded.subject_code = "S-040";
        recorded.operator_name = "Anna";
        recorded.started_utc = "2027-03-02T09:00:00Z";
        const records::RecordId session = algotest::record_session(s, recorded);
        records::TriggerPointFindings f;
        f.session_id = session;
        f.site_id = s.find_site("upper_trapezius")->id;
        f.side = records::BodySide::Right;
        f.examined_utc = "2027-03-02T09:10:00Z";
        f.exam.taut_band = records::Finding::Present;
        s.record_findings(f); // examined again below: this one is not the visit's
        f.examined_utc = "2027-03-02T09:12:00Z";
        f.exam.tender_spot = records::Finding::Present;
        f.exam.familiar_pain = records::Finding::Absent;
        f.exam.referral = zone;
        const auto stored = s.record_findings(f);
        ASSERT_TRUE(s.wait_committed(stored.ticket, std::chrono::seconds(10)));
        opened.storage->close();
    }
    const PushReport pushed = push(db, admin_url());
    ASSERT_FALSE(pushed.error) << pushed.error.message;

    SharedStudyOpen study = open_shared_study(admin_url());
    ASSERT_TRUE(study.storage) << study.error;
    auto& shared = *study.storage;
    const auto subject = shared.find_subject("S-040");
    ASSERT_TRUE(subject);
    const auto session = shared.sessions_of(subject->id).front();
    const auto findings = shared.findings_of(session.id);
    ASSERT_EQ(findings.size(), 1u);
    const records::TriggerPointFindings& f = findings.front();
    EXPECT_EQ(f.examined_utc, "2027-03-02T09:12:00Z");
    EXPECT_EQ(f.side, records::BodySide::Right);
    EXPECT_EQ(f.site_id, shared.find_site("upper_trapezius")->id);
    EXPECT_EQ(f.exam.taut_band, records::Finding::Present);
    EXPECT_EQ(f.exam.tender_spot, records::Finding::Present);
    EXPECT_EQ(f.exam.familiar_pain, records::Finding::Absent);
    EXPECT_EQ(f.exam.jump_sign, records::Finding::NotExamined);
    EXPECT_EQ(f.exam.referral, zone);
    const auto history = shared.history_of("S-040");
    ASSERT_TRUE(history);
    ASSERT_EQ(history->findings.size(), 1u);
    EXPECT_EQ(history->findings.front().uuid, f.uuid);
    // Both examinations are on the server, as the station stored them.
    EXPECT_EQ(server_count("trigger_point_findings"), 2);
}
