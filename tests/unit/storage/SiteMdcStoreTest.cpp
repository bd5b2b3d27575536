// The site_mdc table: a site's own MDC with its provenance, the side's own row before a
// both-sides row, nothing for a site without one (the built-in default applies there); a
// subject's history carries the rows in force at the sites it was measured at.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <chrono>

#include "StorageFixture.h"
#include "TempDir.h"
#include "algocore/storage/SqliteStorage.h"

using namespace algocore::storage;

namespace {

SiteMdcRecord mdc_of(double kpa, std::optional<BodySide> side, const std::string& source) {
    SiteMdcRecord r;
    r.site_key = "upper_trapezius";
    r.side = side;
    r.mdc_kpa = kpa;
    r.sem_kpa = kpa / 2.77;
    r.icc_form = "ICC(2,1)";
    r.n_subjects = 30;
    r.source = source;
    return r;
}

} // namespace

TEST(SiteMdcStore, TheSidesOwnMdcComesBeforeABothSidesOneAndEachKeepsItsProvenance) {
    algotest::TempDir dir;
    auto opened = SqliteStorage::open(dir.file("mdc.db"));
    ASSERT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    EXPECT_FALSE(db.site_mdc("upper_trapezius", BodySide::Left));

    ASSERT_TRUE(db.save_site_mdc(mdc_of(61.5, std::nullopt, "both sides, lab A")).ok);
    ASSERT_TRUE(db.save_site_mdc(mdc_of(55.0, BodySide::Left, "left, lab A")).ok);
    const auto left = db.site_mdc("upper_trapezius", BodySide::Left);
    ASSERT_TRUE(left);
    EXPECT_EQ(left->mdc_kpa, 55.0);
    EXPECT_EQ(left->side, BodySide::Left);
    EXPECT_EQ(left->source, "left, lab A");
    EXPECT_EQ(left->icc_form, "ICC(2,1)");
    EXPECT_EQ(left->n_subjects, 30);
    EXPECT_FALSE(left->computed_utc.empty());
    const auto right = db.site_mdc("upper_trapezius", BodySide::Right);
    ASSERT_TRUE(right);
    EXPECT_EQ(right->mdc_kpa, 61.5);
    EXPECT_FALSE(right->side);

    // Saving again adds a row; the newest is in force and the older stays as history.
    ASSERT_TRUE(db.save_site_mdc(mdc_of(49.0, BodySide::Left, "left, lab A, 2nd study")).ok);
    EXPECT_EQ(db.site_mdc("upper_trapezius", BodySide::Left)->mdc_kpa, 49.0);
    EXPECT_FALSE(db.site_mdc("tibialis_anterior", BodySide::Left));
    db.close();
    SQLite::Database check(dir.file("mdc.db"));
    EXPECT_EQ(check.execAndGet("SELECT COUNT(*) FROM site_mdc").getInt(), 3);
    EXPECT_THROW(check.exec("UPDATE site_mdc SET mdc_kpa = 1"), SQLite::Exception);
}

TEST(SiteMdcStore, RefusesAnUnknownSiteANonPositiveMdcAndAMissingProvenance) {
    algotest::TempDir dir;
    auto opened = SqliteStorage::open(dir.file("mdc.db"));
    ASSERT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    auto unknown = mdc_of(50.0, BodySide::Left, "x");
    unknown.site_key = "no_such_site";
    EXPECT_NE(db.save_site_mdc(unknown).error.find("no_such_site"), std::string::npos);
    EXPECT_NE(db.save_site_mdc(mdc_of(0.0, BodySide::Left, "x")).error.find("positive"),
              std::string::npos);
    EXPECT_NE(db.save_site_mdc(mdc_of(50.0, BodySide::Left, "")).error.find("provenance"),
              std::string::npos);
    EXPECT_FALSE(db.site_mdc("upper_trapezius", BodySide::Left));
}

TEST(SiteMdcStore, HistoryOfCarriesTheNewestRowOfEachSideAtTheSubjectsSites) {
    algotest::TempDir dir;
    auto opened = SqliteStorage::open(dir.file("mdc.db"));
    ASSERT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    SessionOpening opening;
    opening.subject.code = "S1";
    opening.session.started_utc = "2026-05-04T09:00:00Z";
    opening.by = Operator{0, "Ann", "therapist"};
    const RecordId session = db.open_session(opening).id;
    const RecordId trapezius = db.find_site("upper_trapezius")->id;
    db.record_trial(algotest::trial_at(session, trapezius, BodySide::Left, 1, 300.0),
                    algotest::ramp_trace(50, 50.0, 1.0));

    ASSERT_TRUE(db.save_site_mdc(mdc_of(61.5, std::nullopt, "both sides, lab A")).ok);
    ASSERT_TRUE(db.save_site_mdc(mdc_of(55.0, BodySide::Left, "left, lab A")).ok);
    ASSERT_TRUE(db.save_site_mdc(mdc_of(58.0, BodySide::Right, "right, lab A")).ok);
    ASSERT_TRUE(db.save_site_mdc(mdc_of(49.0, BodySide::Left, "left, lab A, 2nd study")).ok);
    // A site S1 was never measured at does not come along.
    auto tibialis = mdc_of(90.0, BodySide::Left, "tibialis, lab A");
    tibialis.site_key = "tibialis_anterior";
    ASSERT_TRUE(db.save_site_mdc(tibialis).ok);
    ASSERT_TRUE(db.flush(std::chrono::seconds(30)));

    const auto records = db.history_of("S1");
    ASSERT_TRUE(records);
    ASSERT_EQ(records->site_mdc.size(), 3u);
    EXPECT_EQ(records->site_mdc[0].site_key, "upper_trapezius");
    EXPECT_EQ(records->site_mdc[0].side, BodySide::Left);
    EXPECT_EQ(records->site_mdc[0].mdc_kpa, 49.0); // the newer of the two left rows
    EXPECT_EQ(records->site_mdc[0].source, "left, lab A, 2nd study");
    EXPECT_EQ(records->site_mdc[0].n_subjects, 30);
    EXPECT_EQ(records->site_mdc[0].icc_form, "ICC(2,1)");
    EXPECT_FALSE(records->site_mdc[0].computed_utc.empty());
    EXPECT_EQ(records->site_mdc[1].side, BodySide::Right);
    EXPECT_EQ(records->site_mdc[1].mdc_kpa, 58.0);
    EXPECT_FALSE(records->site_mdc[2].side); // both sides
    EXPECT_EQ(records->site_mdc[2].mdc_kpa, 61.5);
}
