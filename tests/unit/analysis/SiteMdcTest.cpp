// A site's own MDC from a reliability result, with its provenance, replacing the default.
#include <gtest/gtest.h>

#include "algocore/analysis/SiteMdc.h"
#include "algocore/history/MdcLookup.h"

namespace {

using namespace algocore::analysis;
using algocore::records::BodySide;

ReliabilityResult result() {
    const auto t = build_reliability_table({{"S1", "1", 300, 0},
                                            {"S1", "2", 320, 0},
                                            {"S2", "1", 410, 0},
                                            {"S2", "2", 400, 0},
                                            {"S3", "1", 250, 0},
                                            {"S3", "2", 275, 0}});
    EXPECT_TRUE(t.ok);
    return analyse_reliability(t.table).result;
}

TEST(SiteMdc, CarriesTheMdcSemAndWhereTheyCameFrom) {
    const ReliabilityResult r = result();
    const SiteMdc mdc = site_mdc_from_reliability(
        r, "upper_trapezius", "Upper trapezius", algocore::records::BodySide::Left, IccForm::Icc2_1,
        "session", "2026-11-23T19:30:00Z", "study.sqlite");
    EXPECT_EQ(mdc.mdc95_kpa, r.mdc95);
    EXPECT_EQ(mdc.sem_kpa, r.sem);
    EXPECT_EQ(mdc.icc, r.icc[IccForm::Icc2_1].icc);
    EXPECT_EQ(mdc.n_subjects, 3);
    EXPECT_EQ(mdc.n_raters, 2);
    EXPECT_EQ(mdc.sem_formula, r.sem_formula);
    EXPECT_NE(describe(mdc).find("3 subjects x 2 sessions, 2026-11-23T19:30:00Z, study.sqlite"),
              std::string::npos);
}

TEST(SiteMdc, ReplacesTheLiteratureDefaultForChangeVerdicts) {
    SiteMdc mdc;
    mdc.site_key = "upper_trapezius";
    mdc.site_name = "Upper trapezius";
    mdc.mdc95_kpa = 30.0;
    algocore::records::Site site;
    site.key = "upper_trapezius";
    site.name = "Upper trapezius";
    EXPECT_EQ(algocore::history::MdcLookup().mdc(site, BodySide::Left).mdc_kpa, 47.2);
    algocore::records::SiteMdcRecord row = to_record(mdc);
    row.id = 1;
    const auto lookup = algocore::history::MdcLookup::from_rows({row});
    EXPECT_EQ(lookup.mdc(site, BodySide::Left).mdc_kpa, 30.0);
    EXPECT_EQ(algocore::history::judge_change(300, 335, lookup.mdc(site, BodySide::Left)).verdict,
              algocore::protocols::ChangeVerdict::Increased);
}

} // namespace
