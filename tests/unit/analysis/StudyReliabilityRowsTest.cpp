// Tidy rows from stored sessions: mean of counted trials per subject and rater, session order
// by start time, operators by name.
#include <gtest/gtest.h>

#include "algocore/analysis/StudyReliabilityRows.h"

namespace {

using namespace algocore::analysis;
using namespace algocore::records;

// Two subjects; S1 has three sessions (anna, ben, anna), S2 two (ben, anna). Session ids are
// not in time order, so ordering must come from started_utc.
StudyData study() {
    StudyData s;
    s.subjects = {{1, "S1", {}, {}, {}, ""}, {2, "S2", {}, {}, {}, ""}};
    s.operators = {{1, "anna", "researcher"}, {2, "ben", "researcher"}};
    Site trapezius;
    trapezius.id = 7;
    trapezius.key = "upper_trapezius";
    trapezius.name = "Upper trapezius";
    s.sites = {trapezius};
    const auto session = [](RecordId id, RecordId subject, RecordId op, const char* when) {
        Session x;
        x.id = id;
        x.subject_id = subject;
        x.operator_id = op;
        x.started_utc = when;
        return x;
    };
    s.sessions = {
        session(10, 1, 2, "2026-03-02T09:00:00Z"), session(11, 1, 1, "2026-03-01T09:00:00Z"),
        session(12, 1, 1, "2026-03-09T09:00:00Z"), session(13, 2, 2, "2026-03-01T10:00:00Z"),
        session(14, 2, 1, "2026-03-03T10:00:00Z")};
    const auto trial = [](RecordId session_id, double kpa, bool counted,
                          BodySide side = BodySide::Left, RecordId site = 7) {
        Trial t;
        t.session_id = session_id;
        t.site_id = site;
        t.side = side;
        t.ppt_kpa = kpa;
        t.counted = counted;
        return t;
    };
    s.trials = {trial(11, 300, true),
                trial(11, 320, true),
                trial(11, 900, false),
                trial(10, 340, true),
                trial(10, 360, true),
                trial(12, 400, true),
                trial(13, 200, true),
                trial(13, 999, true, BodySide::Right),
                trial(14, 210, true),
                trial(14, 230, true),
                trial(14, 500, true, BodySide::Left, 8)};
    return s;
}

TEST(StudyReliabilityRows, BySessionTheRaterIsTheSubjectsSessionOrder) {
    const auto r = reliability_rows_from_study(
        study(), {"upper trapezius", BodySide::Left, RaterGrouping::Session});
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.site_key, "upper_trapezius");
    ASSERT_EQ(r.rows.size(), 4u); // the third session of S1 is left out (sessions = 2)
    EXPECT_EQ(r.rows[0].subject, "S1");
    EXPECT_EQ(r.rows[0].rater, "1");
    EXPECT_EQ(r.rows[0].reading, 310.0); // session 11 (1 March), uncounted 900 left out
    EXPECT_EQ(r.rows[1].rater, "2");
    EXPECT_EQ(r.rows[1].reading, 350.0); // session 10 (2 March)
    EXPECT_EQ(r.rows[2].subject, "S2");
    EXPECT_EQ(r.rows[2].reading, 200.0); // right side and another site left out
    EXPECT_EQ(r.rows[3].reading, 220.0);
}

TEST(StudyReliabilityRows, AllSessionsTakePartWhenAsked) {
    StudyReliabilityQuery query{"upper_trapezius", BodySide::Left, RaterGrouping::Session};
    query.sessions = 0;
    const auto r = reliability_rows_from_study(study(), query);
    ASSERT_EQ(r.rows.size(), 5u);
    EXPECT_EQ(r.rows[2].rater, "3");
    EXPECT_EQ(r.rows[2].reading, 400.0);
}

TEST(StudyReliabilityRows, ByOperatorTheReadingPoolsAllOfThatOperatorsCountedTrials) {
    const auto r = reliability_rows_from_study(
        study(), {"upper_trapezius", BodySide::Left, RaterGrouping::Operator});
    ASSERT_TRUE(r.ok);
    ASSERT_EQ(r.rows.size(), 4u);
    EXPECT_EQ(r.rows[0].rater, "anna"); // S1's first session was anna's
    EXPECT_EQ(r.rows[0].reading, (300.0 + 320.0 + 400.0) / 3.0);
    EXPECT_EQ(r.rows[1].rater, "ben");
    EXPECT_EQ(r.rows[1].reading, 350.0);
    EXPECT_EQ(r.rows[2].rater, "ben");
    EXPECT_EQ(r.rows[3].rater, "anna");
    EXPECT_EQ(r.rows[3].reading, 220.0);
}

TEST(StudyReliabilityRows, AnUnknownSiteIsRefused) {
    const auto r =
        reliability_rows_from_study(study(), {"deltoid", BodySide::Left, RaterGrouping::Session});
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.error, "no site 'deltoid' in the database");
}

TEST(StudyReliabilityRows, GroupingNamesParse) {
    RaterGrouping by = RaterGrouping::Session;
    EXPECT_TRUE(parse_rater_grouping("Operator", by));
    EXPECT_EQ(by, RaterGrouping::Operator);
    EXPECT_FALSE(parse_rater_grouping("day", by));
}

} // namespace
