// Every stored record carries the global identity it was given when it was enqueued (a UUID
// v7), the same in memory, in the database and in a rescue file; no two records share one;
// rows of an older file get theirs, once, when it is migrated.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <set>

#include "OlderSchema.h"
#include "StorageFixture.h"
#include "TempDir.h"
#include "algocore/Uuid.h"
#include "algocore/storage/SqliteStorage.h"

using namespace algocore::storage;
using namespace std::chrono_literals;

namespace {

// Tables of records (each row one record born on a station) and library rows (built-in sites).
const char* const kRecordTables[] = {
    "subjects",        "operators",        "sessions",       "trials",   "holds",
    "training_scores", "expert_templates", "training_plans", "site_mdc", "audit_log"};

struct Made {
    std::vector<Enqueued> enqueued;
    RecordId session = kNoRecord;
    RecordId trial = kNoRecord;
};

// One record of every kind, through the storage interface.
Made record_one_of_each(SqliteStorage& db) {
    Made m;
    Subject subject;
    subject.code = "S-1";
    m.enqueued.push_back(db.add_subject(subject));
    m.enqueued.push_back(db.add_operator({0, "Ann", "researcher"}));
    Site custom;
    custom.name = "Left thenar";
    m.enqueued.push_back(db.add_site(custom));
    SessionOpening opening;
    opening.subject.code = "S-2";
    opening.by = Operator{0, "Bo", "student"};
    const Enqueued opened = db.open_session(opening);
    m.enqueued.push_back(opened);
    m.session = opened.id;
    const RecordId site = db.find_site("masseter")->id;
    const Enqueued trial =
        db.record_trial(algotest::trial_at(m.session, site, BodySide::Left, 1, 300.0),
                        algotest::ramp_trace(50, 50.0, 1.0));
    m.enqueued.push_back(trial);
    m.trial = trial.id;
    Hold hold;
    hold.session_id = m.session;
    hold.site_id = site;
    hold.outcome = "complete";
    hold.prescription = "{}";
    m.enqueued.push_back(db.record_hold(hold, algotest::ramp_trace(50, 10.0, 1.0)));
    ExpertTemplate expert;
    expert.session_id = m.session;
    expert.name = "ramp";
    expert.kind = "ramp";
    const Enqueued made_template = db.record_template(expert, algotest::ramp_trace(20, 5.0, 1.0));
    m.enqueued.push_back(made_template);
    TrainingPlan plan;
    plan.session_id = m.session;
    plan.template_id = made_template.id;
    plan.schedule = "{}";
    const Enqueued made_plan = db.record_training_plan(plan);
    m.enqueued.push_back(made_plan);
    TrainingScore score;
    score.session_id = m.session;
    score.exercise = "ramp";
    score.feedback = "full";
    score.template_id = made_template.id;
    score.plan_id = made_plan.id;
    m.enqueued.push_back(db.record_training_score(score));
    SiteMdcRecord mdc;
    mdc.site_key = "masseter";
    mdc.mdc_kpa = 40.0;
    mdc.source = "test";
    EXPECT_TRUE(db.save_site_mdc(mdc).ok);
    EXPECT_TRUE(db.correct({"trials", m.trial, "valid", "0", "Ann", "moved"}).ok);
    return m;
}

std::vector<std::string> uuids_of(const std::string& path, const std::string& table,
                                  const std::string& where = "1") {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    SQLite::Statement st(db, "SELECT uuid FROM " + table + " WHERE " + where + " ORDER BY id");
    std::vector<std::string> out;
    while (st.executeStep())
        out.push_back(st.getColumn(0).isNull() ? "NULL" : st.getColumn(0).getString());
    return out;
}

} // namespace

TEST(RecordIdentity, EveryRecordIsStoredWithTheUuidItWasGivenWhenEnqueued) {
    algotest::TempDir dir;
    const std::string path = dir.file("study.db");
    Made made;
    {
        auto opened = SqliteStorage::open(path);
        ASSERT_TRUE(opened.storage) << opened.error;
        made = record_one_of_each(*opened.storage);
        for (const Enqueued& e : made.enqueued)
            EXPECT_TRUE(algocore::is_uuid(e.uuid)) << e.uuid;
        const auto trials = opened.storage->trials_of(made.session);
        ASSERT_EQ(trials.size(), 1u);
        EXPECT_EQ(trials[0].uuid, made.enqueued[4].uuid); // read back as it was given
        EXPECT_EQ(opened.storage->find_subject("S-1")->uuid, made.enqueued[0].uuid);
        EXPECT_EQ(opened.storage->load_study().sessions.at(0).uuid, made.enqueued[3].uuid);
        ASSERT_EQ(opened.storage->close(), 0u);
    }
    std::set<std::string> all;
    for (const char* table : kRecordTables) {
        const auto uuids = uuids_of(path, table);
        ASSERT_FALSE(uuids.empty()) << table << ": nothing stored";
        for (const std::string& uuid : uuids) {
            EXPECT_TRUE(algocore::is_uuid(uuid)) << table << ": " << uuid;
            EXPECT_TRUE(all.insert(uuid).second) << table << ": " << uuid << " twice";
        }
    }
    // The custom site is a record; built-in sites are the library, known by their key.
    const std::string custom_site = uuids_of(path, "sites", "builtin = 0").at(0);
    EXPECT_TRUE(algocore::is_uuid(custom_site));
    EXPECT_TRUE(all.insert(custom_site).second);
    for (const std::string& uuid : uuids_of(path, "sites", "builtin = 1"))
        EXPECT_EQ(uuid, "NULL");
    for (const Enqueued& e : made.enqueued)
        EXPECT_EQ(all.count(e.uuid), 1u) << e.uuid;
    // A session opening adds its new subject and operator with identities of their own.
    EXPECT_EQ(uuids_of(path, "subjects").size(), 2u);
    EXPECT_EQ(uuids_of(path, "operators").size(), 2u);
}

TEST(RecordIdentity, ARecordMadeWithAUuidKeepsItAndTwoRecordsCannotShareOne) {
    algotest::TempDir dir;
    auto opened = SqliteStorage::open(dir.file("study.db"));
    ASSERT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    Subject subject;
    subject.code = "S-1";
    Session session;
    session.subject_id = db.add_subject(subject).id;
    session.uuid = "0190c4e2-5a1b-7c3d-8e4f-0123456789ab";
    const Enqueued first = db.begin_session(session);
    EXPECT_EQ(first.uuid, session.uuid);
    ASSERT_TRUE(db.wait_committed(first.ticket, 5s));
    EXPECT_EQ(db.sessions_of(session.subject_id).at(0).uuid, session.uuid);
    // The same identity again is another record claiming to be this one: refused alone.
    const Enqueued again = db.begin_session(session);
    EXPECT_FALSE(db.wait_committed(again.ticket, 5s));
    EXPECT_NE(db.status().last_rejection.find("sessions.uuid"), std::string::npos)
        << db.status().last_rejection;
    session.uuid = "not-a-uuid";
    const Enqueued malformed = db.begin_session(session);
    EXPECT_FALSE(db.wait_committed(malformed.ticket, 5s));
    EXPECT_NE(db.status().last_rejection.find("uuid must be a UUID"), std::string::npos)
        << db.status().last_rejection;
    EXPECT_EQ(db.sessions_of(session.subject_id).size(), 1u);
}

TEST(RecordIdentity, ARescueFileCarriesTheUuidsTheRecordsWereGiven) {
    algotest::TempDir dir;
    const std::string path = dir.file("study.db");
    SqliteOptions options;
    options.retry_interval = 20ms;
    auto opened = SqliteStorage::open(path, options);
    ASSERT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    Subject subject;
    subject.code = "S-1";
    Session session;
    session.subject_id = db.add_subject(subject).id;
    const RecordId session_id = db.begin_session(session).id;
    ASSERT_TRUE(db.flush(5s));
    db.set_max_page_count(1); // the disk is full from now on
    const RecordId site = db.find_site("masseter")->id;
    const Enqueued trial =
        db.record_trial(algotest::trial_at(session_id, site, BodySide::Left, 1, 415.0),
                        algotest::ramp_trace(2000, 50.0, 1.0));
    ASSERT_EQ(db.close(200ms), 1u);
    ASSERT_FALSE(db.rescue_path().empty()) << db.rescue_error();
    EXPECT_EQ(uuids_of(db.rescue_path(), "trials"), std::vector<std::string>{trial.uuid});
}

TEST(RecordIdentity, MigratingAnOlderFileGivesEachExistingRecordItsOwnUuidOnce) {
    algotest::TempDir dir;
    const std::string path = dir.file("old.db");
    {
        auto opened = SqliteStorage::open(path);
        ASSERT_TRUE(opened.storage) << opened.error;
        record_one_of_each(*opened.storage);
        ASSERT_EQ(opened.storage->close(), 0u);
    }
    {
        // An older Algoscope also stored the session's continuous samples in chunks; no
        // version writes them now, but a file that has them keeps them with an identity.
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        db.exec("INSERT INTO session_samples (session_id, calibration_id, first_t_s, last_t_s, "
                "sample_count, samples) SELECT t.session_id, 0, 0.0, 0.0, tt.sample_count, "
                "tt.samples FROM trial_traces tt JOIN trials t ON t.id = tt.trial_id LIMIT 1");
        algotest::undo_record_identities(db);
    }
    { ASSERT_TRUE(SqliteStorage::open(path).storage); }
    std::set<std::string> all;
    std::vector<std::vector<std::string>> first;
    std::vector<std::string> tables(std::begin(kRecordTables), std::end(kRecordTables));
    tables.push_back("session_samples");
    for (const std::string& table : tables) {
        first.push_back(uuids_of(path, table));
        for (const std::string& uuid : first.back()) {
            EXPECT_TRUE(algocore::is_uuid(uuid)) << table << ": " << uuid;
            EXPECT_TRUE(all.insert(uuid).second) << table << ": " << uuid << " twice";
        }
    }
    EXPECT_TRUE(algocore::is_uuid(uuids_of(path, "sites", "builtin = 0").at(0)));
    // Opening again keeps them: an identity is given once.
    std::string database_uuid;
    {
        auto again = SqliteStorage::open(path);
        ASSERT_TRUE(again.storage) << again.error;
        database_uuid = again.storage->database_uuid();
    }
    for (std::size_t i = 0; i < tables.size(); ++i)
        EXPECT_EQ(uuids_of(path, tables[i]), first[i]) << tables[i];
    SQLite::Database check(path, SQLite::OPEN_READONLY);
    EXPECT_EQ(check.execAndGet("PRAGMA user_version").getInt(), kSchemaVersion);
    EXPECT_TRUE(algocore::is_uuid(database_uuid));
    EXPECT_EQ(check.execAndGet("SELECT uuid FROM database_identity").getString(), database_uuid);
}
