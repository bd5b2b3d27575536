// The site_mdc table: a site's own MDC with its provenance, the side's own row before a
// both-sides row, nothing for a site without one (the built-in default applies there).
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

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
