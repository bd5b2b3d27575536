// Trigger-point findings stored per point and visit: the five findings and the referral zone
// read back as written, the newest findings of a point in a visit are the visit's, a
// subject's history and the export carry them visit by visit, nothing is changed or deleted,
// and a rescue file carries them under the database's ids.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <chrono>

#include "StorageFixture.h"
#include "TempDir.h"
#include "algocore/Uuid.h"
#include "algocore/storage/SqliteStorage.h"

using namespace algocore::storage;
using namespace std::chrono_literals;

namespace {

TriggerPointFindings findings_at(RecordId session_id, RecordId site_id,
                                 std::vector<RegionRef> zone) {
    TriggerPointFindings f;
    f.session_id = session_id;
    f.site_id = site_id;
    f.side = BodySide::Right;
    f.examined_utc = "2026-12-05T09:10:00Z";
    f.exam.taut_band = Finding::Present;
    f.exam.tender_spot = Finding::Present;
    f.exam.local_twitch = Finding::Absent;
    f.exam.familiar_pain = Finding::Present;
    f.exam.referral = std::move(zone);
    return f;
}

RecordId session_of(SqliteStorage& db, RecordId subject_id, const char* started_utc) {
    Session session;
    session.subject_id = subject_id;
    session.started_utc = started_utc;
    return db.begin_session(session).id;
}

} // namespace

TEST(TriggerPointFindingsStore, TheNewestFindingsOfAPointAreTheVisitsAndTheZoneShrinksOverVisits) {
    algotest::TempDir dir;
    auto opened = SqliteStorage::open(dir.file("tp.db"));
    ASSERT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    const RecordId site = db.find_site("upper_trapezius")->id;
    const auto subject = db.add_subject({0, "S-TP", {}, {}, {}, ""});
    const RecordId first = session_of(db, subject.id, "2026-12-01T09:00:00Z");
    const RecordId second = session_of(db, subject.id, "2026-12-08T09:00:00Z");

    // First visit: examined twice; the second examination (three regions) is the visit's.
    db.record_findings(findings_at(first, site, {{"temple", BodySide::Right}}));
    const auto stored = db.record_findings(findings_at(first, site,
                                                       {{"back_of_neck", BodySide::Right},
                                                        {"temple", BodySide::Right},
                                                        {"jaw", BodySide::Right}}));
    TriggerPointFindings later = findings_at(second, site, {{"back_of_neck", BodySide::Right}});
    later.exam.familiar_pain = Finding::Absent;
    later.exam.jump_sign = Finding::Present;
    db.record_findings(later);
    ASSERT_TRUE(db.flush(5s));

    const auto visit = db.findings_of(first);
    ASSERT_EQ(visit.size(), 1u);
    const TriggerPointFindings& f = visit[0];
    EXPECT_EQ(f.id, stored.id);
    EXPECT_EQ(f.uuid, stored.uuid);
    EXPECT_TRUE(algocore::is_uuid(f.uuid)) << f.uuid;
    EXPECT_EQ(f.site_id, site);
    EXPECT_EQ(f.side, BodySide::Right);
    EXPECT_EQ(f.examined_utc, "2026-12-05T09:10:00Z");
    EXPECT_EQ(f.exam.taut_band, Finding::Present);
    EXPECT_EQ(f.exam.tender_spot, Finding::Present);
    EXPECT_EQ(f.exam.local_twitch, Finding::Absent);
    EXPECT_EQ(f.exam.jump_sign, Finding::NotExamined);
    EXPECT_EQ(f.exam.familiar_pain, Finding::Present);
    // Stored in the body map's one order, whatever order it was drawn in.
    EXPECT_EQ(f.exam.referral, (std::vector<RegionRef>{{"temple", BodySide::Right},
                                                       {"jaw", BodySide::Right},
                                                       {"back_of_neck", BodySide::Right}}));

    const auto history = db.history_of("S-TP");
    ASSERT_TRUE(history);
    ASSERT_EQ(history->findings.size(), 2u);
    EXPECT_EQ(history->findings[0].session_id, first);
    EXPECT_EQ(history->findings[0].exam.referral.size(), 3u);
    EXPECT_EQ(history->findings[1].session_id, second);
    EXPECT_EQ(history->findings[1].exam.referral.size(), 1u);
    EXPECT_EQ(history->findings[1].exam.familiar_pain, Finding::Absent);
    EXPECT_EQ(history->findings[1].exam.jump_sign, Finding::Present);

    const StudyData study = db.load_study();
    ASSERT_EQ(study.findings.size(), 2u);
    EXPECT_EQ(study.findings[0].id, stored.id);
    db.close();

    SQLite::Database check(dir.file("tp.db"), SQLite::OPEN_READWRITE);
    EXPECT_EQ(check
                  .execAndGet("SELECT referral_zone FROM trigger_point_findings WHERE id = " +
                              std::to_string(stored.id))
                  .getString(),
              "temple:R jaw:R back_of_neck:R");
    EXPECT_EQ(check.execAndGet("SELECT COUNT(*) FROM trigger_point_findings").getInt(), 3);
    EXPECT_THROW(check.exec("DELETE FROM trigger_point_findings"), SQLite::Exception);
    EXPECT_THROW(check.exec("UPDATE trigger_point_findings SET taut_band = 'absent'"),
                 SQLite::Exception);
}

TEST(TriggerPointFindingsStore, AFindingThatIsNotAWordOfTheExamIsRefusedAlone) {
    algotest::TempDir dir;
    auto opened = SqliteStorage::open(dir.file("tp.db"));
    ASSERT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    const RecordId site = db.find_site("upper_trapezius")->id;
    const auto subject = db.add_subject({0, "S-TP", {}, {}, {}, ""});
    const RecordId session = session_of(db, subject.id, "2026-12-01T09:00:00Z");
    TriggerPointFindings bad = findings_at(session, site, {});
    bad.exam.jump_sign = static_cast<Finding>(7);
    const auto refused = db.record_findings(bad);
    EXPECT_FALSE(db.wait_committed(refused.ticket, 5s));
    const auto kept = db.record_findings(findings_at(session, site, {}));
    EXPECT_TRUE(db.wait_committed(kept.ticket, 5s));
    ASSERT_EQ(db.findings_of(session).size(), 1u);
    EXPECT_TRUE(db.findings_of(session)[0].exam.referral.empty());
}

TEST(TriggerPointFindingsStore, RescuedFindingsImportUnderTheDatabasesIds) {
    algotest::TempDir dir;
    const std::string path = dir.file("study.sqlite");
    std::string rescue;
    {
        SqliteOptions options;
        options.retry_interval = 20ms;
        options.rescue_folders = {dir.file("fallback")};
        auto opened = SqliteStorage::open(path, options);
        ASSERT_TRUE(opened.storage) << opened.error;
        auto& db = *opened.storage;
        const RecordId site = db.find_site("upper_trapezius")->id;
        ASSERT_TRUE(db.flush(5s));
        db.set_max_page_count(1); // the disk is full from now on
        Subject subject;
        subject.code = "S-01";
        subject.notes = std::string(60000, 'n');
        Session session;
        session.notes = std::string(60000, 'n');
        session.subject_id = db.add_subject(subject).id;
        session.started_utc = "2026-12-01T10:00:00Z";
        const RecordId session_id = db.begin_session(session).id;
        db.record_findings(findings_at(session_id, site, {{"temple", BodySide::Right}}));
        EXPECT_EQ(db.close(200ms), 3u);
        rescue = db.rescue_path();
    }
    ASSERT_FALSE(rescue.empty());

    auto opened = SqliteStorage::open(path);
    ASSERT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    // Another subject's session takes the ids the rescue's records were given.
    SessionOpening other;
    other.subject.code = "S-02";
    other.session.started_utc = "2026-12-02T09:00:00Z";
    const RecordId taken = db.open_session(other).id;
    ASSERT_TRUE(db.flush(5s));

    std::string summary;
    ASSERT_EQ(db.import_rescue(rescue, &summary), "");
    EXPECT_EQ(summary, "1 subjects, 1 sessions, 1 trigger_point_findings");
    const auto s01 = db.find_subject("S-01");
    ASSERT_TRUE(s01);
    const auto findings = db.findings_of(db.sessions_of(s01->id).at(0).id);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].exam.referral, (std::vector<RegionRef>{{"temple", BodySide::Right}}));
    EXPECT_TRUE(db.findings_of(taken).empty());
    ASSERT_EQ(db.import_rescue(rescue, &summary), "");
    EXPECT_EQ(summary, "nothing new");
}
