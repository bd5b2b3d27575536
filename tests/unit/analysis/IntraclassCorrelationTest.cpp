// The six ICCs on Shrout & Fleiss's (1979) worked example: their published mean squares and
// coefficients, and psych 2.2.9's tests and intervals for the same data.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "GoldenCsv.h"
#include "algocore/analysis/IntraclassCorrelation.h"
#include "algocore/analysis/ReliabilityCsv.h"

namespace {

using namespace algocore::analysis;

ReliabilityTable shrout_fleiss() {
    std::ifstream in(golden::data_path("shrout_fleiss_1979.csv"));
    const ReliabilityTableResult read = read_reliability_table(in, "shrout_fleiss_1979.csv");
    EXPECT_TRUE(read.ok) << read.error;
    return read.table;
}

double round_to(double x, int decimals) {
    const double scale = std::pow(10.0, decimals);
    return std::round(x * scale) / scale;
}

TEST(IntraclassCorrelation, TheShroutFleissTableIsSixTargetsByFourJudges) {
    const ReliabilityTable t = shrout_fleiss();
    ASSERT_EQ(t.subjects.size(), 6u);
    ASSERT_EQ(t.raters.size(), 4u);
    EXPECT_EQ(t.reading(0, 0), 9.0);
    EXPECT_EQ(t.reading(5, 3), 7.0);
}

TEST(IntraclassCorrelation, MeanSquaresMatchShroutFleissTable2) {
    // Published (to two decimals): BMS 11.24, WMS 6.26, JMS 32.49, EMS 1.02.
    const AnovaMeanSquares ms = anova_mean_squares(shrout_fleiss());
    EXPECT_EQ(round_to(ms.between_subjects, 2), 11.24);
    EXPECT_EQ(round_to(ms.within_subjects, 2), 6.26);
    EXPECT_EQ(round_to(ms.between_raters, 2), 32.49);
    EXPECT_EQ(round_to(ms.residual, 2), 1.02);
}

TEST(IntraclassCorrelation, CoefficientsMatchShroutFleissTable4) {
    // Published (to two decimals): .17, .29, .71, .44, .62, .91.
    const IccResults r = intraclass_correlations(shrout_fleiss());
    EXPECT_EQ(round_to(r[IccForm::Icc1_1].icc, 2), 0.17);
    EXPECT_EQ(round_to(r[IccForm::Icc2_1].icc, 2), 0.29);
    EXPECT_EQ(round_to(r[IccForm::Icc3_1].icc, 2), 0.71);
    EXPECT_EQ(round_to(r[IccForm::Icc1_k].icc, 2), 0.44);
    EXPECT_EQ(round_to(r[IccForm::Icc2_k].icc, 2), 0.62);
    EXPECT_EQ(round_to(r[IccForm::Icc3_k].icc, 2), 0.91);
}

TEST(IntraclassCorrelation, TestsAndIntervalsMatchPsychToFourDecimals) {
    // psych::ICC(x, lmer = FALSE) 2.2.9 on the same data (psych_reference.out).
    const IccResults r = intraclass_correlations(shrout_fleiss());
    const IccEstimate& icc2 = r[IccForm::Icc2_1];
    EXPECT_NEAR(icc2.icc, 0.2897637795, 1e-4);
    EXPECT_NEAR(icc2.f, 11.027247956, 1e-4);
    EXPECT_EQ(icc2.df1, 5.0);
    EXPECT_EQ(icc2.df2, 15.0);
    EXPECT_NEAR(icc2.p, 0.0001345665165, 1e-8);
    EXPECT_NEAR(icc2.ci_low, 0.01878651337, 1e-4);
    EXPECT_NEAR(icc2.ci_high, 0.7610843696, 1e-4);
    const IccEstimate& icc1 = r[IccForm::Icc1_1];
    EXPECT_NEAR(icc1.f, 1.794678492, 1e-4);
    EXPECT_EQ(icc1.df2, 18.0);
    EXPECT_NEAR(icc1.ci_low, -0.13293232487, 1e-4);
    EXPECT_NEAR(r[IccForm::Icc1_k].ci_low, -0.88444215524, 1e-4);
    EXPECT_NEAR(r[IccForm::Icc2_k].ci_low, 0.07113681530, 1e-4);
    EXPECT_NEAR(r[IccForm::Icc3_k].ci_high, 0.9858916782, 1e-4);
}

TEST(IntraclassCorrelation, McGrawWongIntervalDiffersOnlyForTheAverageAgreementForm) {
    const ReliabilityTable t = shrout_fleiss();
    const IccResults psych = intraclass_correlations(t);
    const IccResults mw = intraclass_correlations(t, 0.95, AverageAgreementInterval::McGrawWong);
    for (IccForm form : kIccForms) {
        EXPECT_EQ(mw[form].icc, psych[form].icc);
        if (form == IccForm::Icc2_k) continue;
        EXPECT_EQ(mw[form].ci_low, psych[form].ci_low) << to_string(form);
        EXPECT_EQ(mw[form].ci_high, psych[form].ci_high) << to_string(form);
    }
    EXPECT_NE(mw[IccForm::Icc2_k].ci_low, psych[IccForm::Icc2_k].ci_low);
    EXPECT_LT(mw[IccForm::Icc2_k].ci_low, mw[IccForm::Icc2_k].icc);
    EXPECT_GT(mw[IccForm::Icc2_k].ci_high, mw[IccForm::Icc2_k].icc);
}

TEST(IntraclassCorrelation, FormNamesRoundTripAndPsychNamesParse) {
    for (IccForm form : kIccForms) {
        IccForm parsed = IccForm::Icc1_1;
        ASSERT_TRUE(parse_icc_form(to_string(form), parsed));
        EXPECT_EQ(parsed, form);
    }
    IccForm parsed = IccForm::Icc1_1;
    EXPECT_TRUE(parse_icc_form("ICC2k", parsed));
    EXPECT_EQ(parsed, IccForm::Icc2_k);
    EXPECT_FALSE(parse_icc_form("ICC(4,1)", parsed));
}

TEST(IntraclassCorrelation, TheConventionSentenceNamesPsych) {
    EXPECT_NE(
        interval_convention(AverageAgreementInterval::PsychSpearmanBrown).find("psych::ICC 2.2.9"),
        std::string::npos);
    EXPECT_NE(interval_convention(AverageAgreementInterval::McGrawWong).find("McGraw & Wong"),
              std::string::npos);
}

} // namespace
