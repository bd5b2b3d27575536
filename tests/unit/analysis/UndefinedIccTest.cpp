// Reliability on data where the ICC is undefined or whose squares overflow a double: the
// analysis says why instead of reporting nan ICCs beside an SEM and MDC of 0, and it gives the
// same ICCs for the same data in any unit (scale-free).
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "algocore/analysis/ReliabilityAnalysis.h"

namespace {

using namespace algocore::analysis;

ReliabilityTable table_of(const std::vector<std::vector<double>>& readings) {
    std::vector<TidyRow> rows;
    for (std::size_t s = 0; s < readings.size(); ++s)
        for (std::size_t r = 0; r < readings[s].size(); ++r)
            rows.push_back(
                {"S" + std::to_string(s + 1), "R" + std::to_string(r + 1), readings[s][r], 0});
    const ReliabilityTableResult built = build_reliability_table(rows);
    EXPECT_TRUE(built.ok) << built.error;
    return built.table;
}

const std::vector<std::vector<double>> kDays{
    {300, 310}, {420, 400}, {250, 270}, {510, 480}, {365, 390}};

std::vector<std::vector<double>> times(double factor) {
    auto scaled = kDays;
    for (auto& row : scaled)
        for (double& x : row)
            x *= factor;
    return scaled;
}

TEST(UndefinedIcc, AllEqualReadingsAreRefusedSayingWhy) {
    const ReliabilityAnalysisResult r =
        analyse_reliability(table_of({{400, 400}, {400, 400}, {400, 400}}));
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.error, "the ICC is undefined: every reading is the same, so there is no variance "
                       "to divide between subjects and raters (0/0)");
}

TEST(UndefinedIcc, SubjectsThatDoNotDifferAreRefusedSayingWhy) {
    // Rater 2 reads 10 higher on every subject and every subject's mean is the same.
    const ReliabilityAnalysisResult r =
        analyse_reliability(table_of({{395, 405}, {395, 405}, {395, 405}}));
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.error.find("the subjects do not differ"), std::string::npos) << r.error;
}

TEST(UndefinedIcc, ReadingsWhoseSquaresOverflowGiveTheSameIccsAndAScaledSem) {
    const ReliabilityAnalysisResult kpa = analyse_reliability(table_of(kDays));
    ASSERT_TRUE(kpa.ok) << kpa.error;
    const double factor = 1e300; // (4e302)^2 overflows a double
    const ReliabilityAnalysisResult huge = analyse_reliability(table_of(times(factor)));
    ASSERT_TRUE(huge.ok) << huge.error;
    for (IccForm form : kIccForms) {
        EXPECT_TRUE(std::isfinite(huge.result.icc[form].icc)) << to_string(form);
        EXPECT_NEAR(huge.result.icc[form].icc, kpa.result.icc[form].icc, 1e-12) << to_string(form);
        EXPECT_NEAR(huge.result.icc[form].ci_low, kpa.result.icc[form].ci_low, 1e-9);
    }
    ASSERT_GT(kpa.result.sem, 0.0);
    EXPECT_NEAR(huge.result.sem / factor, kpa.result.sem, 1e-9 * kpa.result.sem);
    EXPECT_NEAR(huge.result.mdc95 / factor, kpa.result.mdc95, 1e-9 * kpa.result.mdc95);
    EXPECT_NEAR(huge.result.repeatability_coefficient / factor,
                kpa.result.repeatability_coefficient, 1e-9 * kpa.result.mdc95);
}

TEST(UndefinedIcc, TinyReadingsDoNotUnderflow) {
    const ReliabilityAnalysisResult kpa = analyse_reliability(table_of(kDays));
    const double factor = 1e-300; // squares underflow to 0
    ReliabilityOptions sd_icc;
    sd_icc.sem_method = SemMethod::SdTimesRootOneMinusIcc;
    const ReliabilityAnalysisResult tiny = analyse_reliability(table_of(times(factor)), sd_icc);
    ASSERT_TRUE(tiny.ok) << tiny.error;
    const ReliabilityAnalysisResult kpa_sd = analyse_reliability(table_of(kDays), sd_icc);
    EXPECT_NEAR(tiny.result.icc[IccForm::Icc2_1].icc, kpa.result.icc[IccForm::Icc2_1].icc, 1e-12);
    EXPECT_NEAR(tiny.result.sem / factor, kpa_sd.result.sem, 1e-9 * kpa_sd.result.sem);
}

} // namespace
