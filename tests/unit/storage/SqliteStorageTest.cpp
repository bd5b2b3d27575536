#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>

#include "StorageFixture.h"
#include "TempDir.h"
#include "algocore/storage/SiteLibrary.h"
#include "algocore/storage/SqliteStorage.h"

using namespace algocore::storage;
using namespace std::chrono_literals;

namespace {

std::unique_ptr<SqliteStorage> open_or_fail(const std::string& path, SqliteOptions options = {}) {
    auto opened = SqliteStorage::open(path, options);
    EXPECT_TRUE(opened.storage) << opened.error;
    return std::move(opened.storage);
}

struct Recorded {
    RecordId subject = 0, session = 0, site = 0, trial = 0, hold = 0, student = 0;
};

Recorded record_a_session(SqliteStorage& db) {
    Recorded r;
    Subject s;
    s.code = "S014";
    s.sex = "female";
    s.age_band = "30-39";
    s.dominant_side = BodySide::Right;
    r.subject = db.add_subject(s).id;
    Operator op{0, "Dr. Ada", "therapist"};
    const RecordId op_id = db.add_operator(op).id;
    Session session;
    session.subject_id = r.subject;
    session.operator_id = op_id;
    session.started_utc = "2026-11-23T09:00:00Z";
    session.device_serial = "ALG-0042";
    session.calibration_id = 12;
    session.probe_cm2 = 1.0;
    session.notes = "baseline";
    r.session = db.begin_session(session).id;
    r.site = db.find_site("Upper trapezius")->id;
    r.trial = db.record_trial(algotest::trial_at(r.session, r.site, BodySide::Left, 1, 412.5),
                              algotest::ramp_trace(500, 50.0, 1.0))
                  .id;
    Hold h;
    h.session_id = r.session;
    h.site_id = r.site;
    h.side = BodySide::Left;
    h.prescription = R"({"name":"ppt_90s"})";
    h.band_low_kpa = 370.0;
    h.band_high_kpa = 450.0;
    h.limit_kpa = 500.0;
    h.target_hold_s = 90.0;
    h.outcome = "complete";
    h.metrics = {95.0, 90.0, 94.7, 410.2, 409.0, 38969.0, 462.0, 3.1, 2, 1};
    h.step_ups = {{30.0, 31.2, 395.0, 420.0}, {60.5, 61.0, 400.0, 425.0}};
    h.pain_rating_0_10 = 6;
    r.hold = db.record_hold(h, algotest::ramp_trace(300, 10.0, 1.0)).id;
    r.student = db.add_operator({0, "Student Bo", "student"}).id;
    return r;
}

} // namespace

TEST(SqliteStorage, RecordsSurviveCloseAndReopenExactly) {
    algotest::TempDir dir;
    Recorded r;
    {
        auto db = open_or_fail(dir.file("study.db"));
        r = record_a_session(*db);
        EXPECT_EQ(db->close(), 0u);
    }
    auto db = open_or_fail(dir.file("study.db"));
    const auto subject = db->find_subject("S014");
    ASSERT_TRUE(subject);
    EXPECT_EQ(subject->id, r.subject);
    EXPECT_EQ(subject->age_band, "30-39");
    EXPECT_EQ(subject->dominant_side, BodySide::Right);

    const auto sessions = db->sessions_of(r.subject);
    ASSERT_EQ(sessions.size(), 1u);
    EXPECT_EQ(sessions[0].device_serial, "ALG-0042");
    EXPECT_EQ(sessions[0].calibration_id, 12u);

    const auto trials = db->trials_of(r.session);
    ASSERT_EQ(trials.size(), 1u);
    EXPECT_EQ(trials[0].ppt_kpa, 412.5);
    EXPECT_EQ(trials[0].side, BodySide::Left);
    EXPECT_EQ(trials[0].outcome, "signalled");
    EXPECT_EQ(trials[0].in_corridor_pct, 93.5);
    const auto trace = db->trial_trace(r.trial);
    ASSERT_TRUE(trace);
    ASSERT_EQ(trace->samples.size(), 500u);
    EXPECT_EQ(trace->samples[499].pressure_kpa, 50.0 * 0.499);
    EXPECT_EQ(trace->samples[499].buttons, 2);

    const auto holds = db->holds_of(r.session);
    ASSERT_EQ(holds.size(), 1u);
    EXPECT_EQ(holds[0].metrics.pti_kpa_s, 38969.0);
    EXPECT_EQ(holds[0].metrics.excursions, 2);
    ASSERT_EQ(holds[0].step_ups.size(), 2u);
    EXPECT_EQ(holds[0].step_ups[1].after_kpa, 425.0);
    EXPECT_EQ(holds[0].pain_rating_0_10, 6);
    EXPECT_EQ(holds[0].limit_kpa, 500.0);
    EXPECT_EQ(db->hold_trace(r.hold)->samples.size(), 300u);
}

TEST(SqliteStorage, SiteLibraryHoldsTriggerPointAndDfnsSites) {
    algotest::TempDir dir;
    auto db = open_or_fail(dir.file("study.db"));
    for (const char* name :
         {"upper trapezius", "Levator scapulae", "infraspinatus", "supraspinatus", "rhomboids",
          "gluteus medius", "piriformis", "quadratus lumborum", "tibialis anterior", "masseter",
          "temporalis", "thenar eminence"}) {
        const auto site = db->find_site(name);
        ASSERT_TRUE(site) << name;
        EXPECT_FALSE(site->landmark.empty()) << name;
        EXPECT_TRUE(site->front || site->back) << name;
        EXPECT_TRUE(site->builtin);
    }
    EXPECT_TRUE(db->find_site("thenar_eminence")->dfns);
    EXPECT_FALSE(db->find_site("piriformis")->dfns);
    EXPECT_FALSE(db->find_site("no such muscle"));

    Site custom;
    custom.name = "Scar, left knee";
    custom.back = BodyMapPoint{0.41, 0.74};
    const auto added = db->add_site(custom);
    const auto found = db->find_site("scar_left_knee");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, added.id);
    EXPECT_FALSE(found->builtin);
    EXPECT_EQ(db->sites().size(), builtin_sites().size() + 1);
}

TEST(SqliteStorage, LatestAndPreviousThresholdComeFromCountedTrials) {
    algotest::TempDir dir;
    auto db = open_or_fail(dir.file("study.db"));
    const RecordId subject = db->add_subject({0, "S1", {}, {}, {}, ""}).id;
    const RecordId site = db->find_site("infraspinatus")->id;
    Session first;
    first.subject_id = subject;
    first.started_utc = "2026-11-01T10:00:00Z";
    const RecordId s1 = db->begin_session(first).id;
    Session second = first;
    second.started_utc = "2026-11-15T10:00:00Z";
    const RecordId s2 = db->begin_session(second).id;
    db->record_trial(algotest::trial_at(s1, site, BodySide::Right, 1, 300.0), {});
    db->record_trial(algotest::trial_at(s1, site, BodySide::Right, 2, 340.0), {});
    auto invalid = algotest::trial_at(s2, site, BodySide::Right, 1, 900.0);
    invalid.valid = false;
    invalid.counted = false;
    db->record_trial(invalid, {});
    db->record_trial(algotest::trial_at(s2, site, BodySide::Right, 2, 400.0), {});
    db->record_trial(algotest::trial_at(s2, site, BodySide::Left, 1, 500.0), {});
    auto tolerance = algotest::trial_at(s2, site, BodySide::Right, 1, 700.0);
    tolerance.measure = TrialMeasure::Tolerance;
    db->record_trial(tolerance, {});

    // kNoRecord as the session to be before: the latest session's threshold.
    const auto latest =
        db->previous_threshold_of("S1", site, BodySide::Right, TrialMeasure::Ppt, kNoRecord);
    ASSERT_TRUE(latest);
    EXPECT_EQ(latest->session_id, s2);
    EXPECT_EQ(latest->n, 1);
    EXPECT_DOUBLE_EQ(latest->mean_kpa, 400.0);
    const auto previous =
        db->previous_threshold_of("S1", site, BodySide::Right, TrialMeasure::Ppt, s2);
    ASSERT_TRUE(previous);
    EXPECT_EQ(previous->session_id, s1);
    EXPECT_DOUBLE_EQ(previous->mean_kpa, 320.0);
    EXPECT_FALSE(db->previous_threshold_of("S1", site, BodySide::Right, TrialMeasure::Ppt, s1));
    EXPECT_FALSE(
        db->previous_threshold_of("nobody", site, BodySide::Right, TrialMeasure::Ppt, kNoRecord));
    const auto tol =
        db->previous_threshold_of("S1", site, BodySide::Right, TrialMeasure::Tolerance, kNoRecord);
    ASSERT_TRUE(tol);
    EXPECT_DOUBLE_EQ(tol->mean_kpa, 700.0);
    EXPECT_FALSE(db->previous_threshold_of("S1", db->find_site("masseter")->id, BodySide::Right,
                                           TrialMeasure::Ppt, kNoRecord));

    const auto summaries = db->site_summaries(subject);
    ASSERT_EQ(summaries.size(), 4u); // s1 R ppt; s2 L ppt; s2 R ppt; s2 R tolerance
    EXPECT_EQ(summaries[0].session_id, s1);
    EXPECT_EQ(summaries[0].n, 2);
    EXPECT_DOUBLE_EQ(summaries[0].mean_kpa, 320.0);
    EXPECT_NEAR(summaries[0].sd_kpa, 28.2842712, 1e-6);
    EXPECT_NEAR(summaries[0].cv_pct, 8.8388348, 1e-6);
    EXPECT_EQ(summaries[2].side, BodySide::Right);
    EXPECT_EQ(summaries[2].n, 1);
    EXPECT_EQ(summaries[2].n_all, 2);
}

TEST(SqliteStorage, CorrectionKeepsOldValueInAuditLog) {
    algotest::TempDir dir;
    auto db = open_or_fail(dir.file("study.db"));
    const Recorded r = record_a_session(*db);
    const auto request =
        db->correct({"trials", r.trial, "valid", "0", "Dr. Ada", "subject moved during the ramp"});
    ASSERT_TRUE(request.ok) << request.error;
    ASSERT_TRUE(db->correct({"trials", r.trial, "valid", "1", "Dr. Ada", "video reviewed"}).ok);
    ASSERT_TRUE(db->correct({"holds", r.hold, "pain_rating", "4", "Dr. Ada", "typo"}).ok);
    ASSERT_TRUE(db->flush(5s));

    EXPECT_TRUE(db->trials_of(r.session)[0].valid);
    EXPECT_EQ(db->holds_of(r.session)[0].pain_rating_0_10, 4);
    const auto log = db->audit_log("trials", r.trial);
    ASSERT_EQ(log.size(), 2u);
    EXPECT_EQ(log[0].old_value, "1");
    EXPECT_EQ(log[0].new_value, "0");
    EXPECT_EQ(log[0].who, "Dr. Ada");
    EXPECT_EQ(log[0].reason, "subject moved during the ramp");
    EXPECT_EQ(log[1].old_value, "0");
    EXPECT_EQ(log[1].new_value, "1");
    EXPECT_EQ(db->audit_log("holds", r.hold)[0].old_value, "6");
}

TEST(SqliteStorage, RefusesCorrectingMeasuredValues) {
    algotest::TempDir dir;
    auto db = open_or_fail(dir.file("study.db"));
    const auto refused = db->correct({"trials", 1, "ppt_kpa", "500", "x", ""});
    EXPECT_FALSE(refused.ok);
    EXPECT_NE(refused.error.find("ppt_kpa"), std::string::npos);
    EXPECT_FALSE(db->correct({"trials; DROP TABLE trials", 1, "valid", "1", "x", ""}).ok);
    EXPECT_FALSE(db->correct({"trials", 1, "side", "Q", "x", ""}).ok);
    EXPECT_FALSE(db->correct({"holds", 1, "pain_rating", "11", "x", ""}).ok);
    EXPECT_FALSE(db->correct({"trials", 1, "valid", "1", "", ""}).ok);
}

TEST(SqliteStorage, RejectsARecordWithBadReferenceButKeepsTheRest) {
    algotest::TempDir dir;
    auto db = open_or_fail(dir.file("study.db"));
    const RecordId subject = db->add_subject({0, "S2", {}, {}, {}, ""}).id;
    const auto duplicate = db->add_subject({0, "S2", {}, {}, {}, ""}); // duplicate code
    Session s;
    s.subject_id = subject;
    const RecordId session = db->begin_session(s).id;
    ASSERT_TRUE(db->flush(5s));
    const auto status = db->status();
    EXPECT_EQ(status.state, StorageState::Ok);
    EXPECT_EQ(status.rejected_writes, 1u);
    EXPECT_FALSE(db->wait_committed(duplicate.ticket, 1s));
    EXPECT_NE(status.last_rejection.find("UNIQUE"), std::string::npos) << status.last_rejection;
    EXPECT_EQ(db->sessions_of(subject).size(), 1u);
    EXPECT_EQ(db->sessions_of(subject)[0].id, session);
}

TEST(SqliteStorage, SecondRecordingProcessIsRefused) {
    algotest::TempDir dir;
    auto first = open_or_fail(dir.file("study.db"));
    const auto second = SqliteStorage::open(dir.file("study.db"));
    EXPECT_FALSE(second.storage);
    EXPECT_NE(second.error.find("already open"), std::string::npos) << second.error;
    SqliteOptions read_only;
    read_only.writable = false;
    EXPECT_TRUE(SqliteStorage::open(dir.file("study.db"), read_only).storage);
}

TEST(SqliteStorage, StudentScoresComeBackInTimeOrder) {
    algotest::TempDir dir;
    auto db = open_or_fail(dir.file("study.db"));
    const RecordId student = db->add_operator({0, "Student Bo", "student"}).id;
    for (const char* when : {"2026-11-20T10:00:00Z", "2026-11-01T10:00:00Z"}) {
        TrainingScore s;
        s.student_id = student;
        s.exercise = "hold 400 kPa";
        s.feedback = "none";
        s.attempted_utc = when;
        s.absolute_error_kpa = when[8] == '2' ? 12.0 : 30.0;
        db->record_training_score(s);
    }
    const auto scores = db->scores_of_student("Student Bo");
    ASSERT_EQ(scores.size(), 2u);
    EXPECT_EQ(scores[0].attempted_utc, "2026-11-01T10:00:00Z");
    EXPECT_EQ(scores[0].absolute_error_kpa, 30.0);
    EXPECT_EQ(scores[1].absolute_error_kpa, 12.0);
}

// A read asked before a write never sees it: the storage thread takes reads and writes in the
// order they were enqueued, so a view that asked before recording gets the state before its
// own records (algoscope-cli ppt's change line relies on it). Before, writes went first.
TEST(SqliteStorage, AReadAskedBeforeAWriteRunsBeforeIt) {
    algotest::TempDir dir;
    auto db = open_or_fail(dir.file("study.db"));
    SessionOpening opening;
    opening.subject.code = "S-order";
    const RecordId session = db->open_session(opening).id;
    const RecordId site = db->find_site("masseter")->id;
    ASSERT_TRUE(db->flush(5s));
    // Hold the storage thread so the read and the write are both waiting when it looks.
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    ASSERT_TRUE(db->post([released] { released.wait(); }));
    std::atomic<int> seen{-1};
    ASSERT_TRUE(db->post([&] { seen = static_cast<int>(db->trials_of(session).size()); }));
    const auto written =
        db->record_trial(algotest::trial_at(session, site, BodySide::Left, 1, 300.0), {});
    release.set_value();
    ASSERT_TRUE(db->wait_committed(written.ticket, 5s));
    ASSERT_TRUE(db->flush(5s));
    for (int i = 0; i < 500 && seen == -1; ++i)
        std::this_thread::sleep_for(10ms);
    EXPECT_EQ(seen, 0);
    EXPECT_EQ(db->trials_of(session).size(), 1u);
}

TEST(SqliteStorage, AHoldKeepsItsStretchesWithoutSignalAndAnUnmeasuredHoldSaysSo) {
    algotest::TempDir dir;
    Recorded r;
    RecordId unplugged = 0;
    {
        auto db = open_or_fail(dir.file("study.db"));
        r = record_a_session(*db); // its hold does not say whether the signal was lost
        Hold h = db->holds_of(r.session).at(0);
        h.id = kNoRecord;
        h.uuid.clear(); // another hold: an identity of its own
        h.repetition = 2;
        h.metrics.signal_losses = std::vector<SignalLossRecord>{{20.0, 10.25}, {70.5, 1.5}};
        unplugged = db->record_hold(h, algotest::ramp_trace(300, 10.0, 1.0)).id;
        EXPECT_EQ(db->close(), 0u);
    }
    auto db = open_or_fail(dir.file("study.db"));
    const auto holds = db->holds_of(r.session);
    ASSERT_EQ(holds.size(), 2u);
    const Hold& old = holds[0].id == r.hold ? holds[0] : holds[1];
    const Hold& lost = holds[0].id == unplugged ? holds[0] : holds[1];
    EXPECT_FALSE(old.metrics.signal_losses.has_value());
    EXPECT_EQ(old.metrics.signal_lost_s(), 0.0);
    ASSERT_TRUE(lost.metrics.signal_losses.has_value());
    ASSERT_EQ(lost.metrics.signal_losses->size(), 2u);
    EXPECT_EQ((*lost.metrics.signal_losses)[0].at_s, 20.0);
    EXPECT_EQ((*lost.metrics.signal_losses)[1].lost_s, 1.5);
    EXPECT_EQ(lost.metrics.signal_lost_s(), 11.75);
}

TEST(SqliteStorage, AHoldKeepsItsReleaseMarksAndPromptsAndAnOlderHoldSaysTheyWereNotRecorded) {
    algotest::TempDir dir;
    Recorded r;
    RecordId marked = 0, unlabelled = 0;
    {
        auto db = open_or_fail(dir.file("study.db"));
        r = record_a_session(*db); // its hold has no release_marks: as before schema 11
        Hold h = db->holds_of(r.session).at(0);
        h.id = kNoRecord;
        h.uuid.clear();
        h.repetition = 2;
        h.release_marks = ReleaseMarks{{12.5, 31.25}, {13.75, 44.0, 50.5}};
        marked = db->record_hold(h, algotest::ramp_trace(300, 10.0, 1.0)).id;
        h.uuid.clear();
        h.repetition = 3;
        h.release_marks = ReleaseMarks{}; // recorded, and the therapist marked nothing
        unlabelled = db->record_hold(h, algotest::ramp_trace(300, 10.0, 1.0)).id;
        EXPECT_EQ(db->close(), 0u);
    }
    auto db = open_or_fail(dir.file("study.db"));
    const auto holds = db->holds_of(r.session);
    ASSERT_EQ(holds.size(), 3u);
    for (const Hold& h : holds) {
        if (h.id == r.hold) {
            EXPECT_FALSE(h.release_marks.has_value());
        } else if (h.id == marked) {
            ASSERT_TRUE(h.release_marks.has_value());
            EXPECT_EQ(h.release_marks->marks_s, (std::vector<double>{12.5, 31.25}));
            EXPECT_EQ(h.release_marks->detections_s, (std::vector<double>{13.75, 44.0, 50.5}));
        } else {
            EXPECT_EQ(h.id, unlabelled);
            ASSERT_TRUE(h.release_marks.has_value());
            EXPECT_TRUE(h.release_marks->marks_s.empty());
            EXPECT_TRUE(h.release_marks->detections_s.empty());
        }
    }
    // What the column holds, so other readers (the shared study) can parse it.
    SQLite::Database raw(dir.file("study.db"), SQLite::OPEN_READONLY);
    SQLite::Statement st(raw, "SELECT release_marks FROM holds WHERE id = ?");
    st.bind(1, marked);
    ASSERT_TRUE(st.executeStep());
    EXPECT_EQ(st.getColumn(0).getString(),
              R"({"detections_s":[13.75,44.0,50.5],"marks_s":[12.5,31.25]})");
}

TEST(SqliteStorage, ATrialKeepsThePressesWhileLoadedAndAnOlderTrialSaysTheyWereNotRecorded) {
    algotest::TempDir dir;
    Recorded r;
    RecordId pressed = 0, none = 0;
    {
        auto db = open_or_fail(dir.file("study.db"));
        r = record_a_session(*db); // its trial has no presses_while_loaded: as before schema 12
        Trial t = algotest::trial_at(r.session, r.site, BodySide::Left, 2, 380.0);
        t.presses_while_loaded = std::vector<PressWhileLoadedRecord>{{0.4, 73.0}, {1.25, 180.5}};
        pressed = db->record_trial(t, algotest::ramp_trace(500, 50.0, 1.0)).id;
        t = algotest::trial_at(r.session, r.site, BodySide::Left, 3, 390.0);
        t.presses_while_loaded = std::vector<PressWhileLoadedRecord>{}; // none while it waited
        none = db->record_trial(t, algotest::ramp_trace(500, 50.0, 1.0)).id;
        EXPECT_EQ(db->close(), 0u);
    }
    auto db = open_or_fail(dir.file("study.db"));
    const auto trials = db->trials_of(r.session);
    ASSERT_EQ(trials.size(), 3u);
    for (const Trial& t : trials) {
        if (t.id == r.trial) {
            EXPECT_FALSE(t.presses_while_loaded.has_value());
        } else if (t.id == pressed) {
            ASSERT_TRUE(t.presses_while_loaded.has_value());
            EXPECT_EQ(*t.presses_while_loaded,
                      (std::vector<PressWhileLoadedRecord>{{0.4, 73.0}, {1.25, 180.5}}));
        } else {
            EXPECT_EQ(t.id, none);
            ASSERT_TRUE(t.presses_while_loaded.has_value());
            EXPECT_TRUE(t.presses_while_loaded->empty());
        }
    }
    SQLite::Database raw(dir.file("study.db"), SQLite::OPEN_READONLY);
    SQLite::Statement st(raw, "SELECT presses_while_loaded FROM trials WHERE id = ?");
    st.bind(1, pressed);
    ASSERT_TRUE(st.executeStep());
    EXPECT_EQ(st.getColumn(0).getString(),
              R"([{"pressure_kpa":73.0,"t_s":0.4},{"pressure_kpa":180.5,"t_s":1.25}])");
}

// A trial's session clock has a wall-clock anchor (schema 13); a trial stored before has none,
// and the column stays NULL rather than being given a made-up time by the migration.
TEST(SqliteStorage, ATrialKeepsTheWallClockAnchorOfItsClockAndAnOlderTrialHasNone) {
    algotest::TempDir dir;
    Recorded r;
    {
        auto db = open_or_fail(dir.file("study.db"));
        r = record_a_session(*db);
        EXPECT_EQ(db->close(), 0u);
    }
    {
        // The file as schema 12 left it: no anchor column (13) and no trigger-point findings
        // (14, with its outbox trigger).
        SQLite::Database raw(dir.file("study.db"), SQLite::OPEN_READWRITE);
        raw.exec("DROP TRIGGER outbox_trigger_point_findings; DROP TABLE trigger_point_findings");
        raw.exec("ALTER TABLE trials DROP COLUMN clock_zero_utc; PRAGMA user_version = 12");
    }
    RecordId anchored = 0;
    {
        auto db = open_or_fail(dir.file("study.db")); // migrates to 13 and 14
        Trial t = algotest::trial_at(r.session, r.site, BodySide::Left, 2, 380.0);
        t.clock_zero_utc = "2026-11-23T08:59:58.250Z";
        anchored = db->record_trial(t, algotest::ramp_trace(500, 50.0, 1.0)).id;
        EXPECT_EQ(db->close(), 0u);
    }
    auto db = open_or_fail(dir.file("study.db"));
    const auto trials = db->trials_of(r.session);
    ASSERT_EQ(trials.size(), 2u);
    EXPECT_EQ(trials[0].id, r.trial);
    EXPECT_EQ(trials[0].clock_zero_utc, "");
    EXPECT_EQ(trials[1].id, anchored);
    EXPECT_EQ(trials[1].clock_zero_utc, "2026-11-23T08:59:58.250Z");
    SQLite::Database raw(dir.file("study.db"), SQLite::OPEN_READONLY);
    SQLite::Statement st(raw, "SELECT clock_zero_utc FROM trials ORDER BY id");
    ASSERT_TRUE(st.executeStep());
    EXPECT_TRUE(st.getColumn(0).isNull());
    ASSERT_TRUE(st.executeStep());
    EXPECT_EQ(st.getColumn(0).getString(), "2026-11-23T08:59:58.250Z");
}
