// Every data set in tests/data/reliability against the numbers R printed (psych_reference.R):
// psych 2.2.9's six ICCs with tests and intervals, and R's SEM, MDC, repeatability,
// McGraw-Wong interval and Bland-Altman figures. Required: 1e-4; the test reports the largest
// difference it saw.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>

#include "GoldenCsv.h"
#include "algocore/analysis/ReliabilityAnalysis.h"
#include "algocore/analysis/ReliabilityCsv.h"

namespace {

using namespace algocore::analysis;

constexpr double kTolerance = 1e-4;

ReliabilityTable table_of(const std::string& dataset) {
    std::ifstream in(golden::data_path(dataset + ".csv"));
    const ReliabilityTableResult read = read_reliability_table(in, dataset + ".csv");
    EXPECT_TRUE(read.ok) << read.error;
    return read.table;
}

// Compares and remembers the largest difference; p-values are compared relatively as well so
// a tiny p is not waved through by an absolute tolerance.
struct Comparison {
    double max_abs_difference = 0.0;
    void near(double got, double want, const std::string& what) {
        const double difference = std::fabs(got - want);
        max_abs_difference = std::max(max_abs_difference, difference);
        EXPECT_LE(difference, kTolerance) << what << ": got " << got << ", R " << want;
    }
};

TEST(PsychAgreement, AllSixIccsWithTestsAndIntervalsMatchPsychOnEveryDataSet) {
    const auto rows = golden::read_rows("psych_icc.csv");
    ASSERT_EQ(rows.size(), 36u); // 6 data sets x 6 forms
    std::map<std::string, IccResults> results;
    Comparison compare;
    double max_p_relative = 0.0;
    for (const auto& row : rows) {
        const std::string& dataset = row.text("dataset");
        if (!results.count(dataset)) results[dataset] = intraclass_correlations(table_of(dataset));
        IccForm form = IccForm::Icc1_1;
        ASSERT_TRUE(parse_icc_form(row.text("form"), form));
        const IccEstimate& e = results[dataset][form];
        const std::string what = dataset + " " + row.text("form");
        compare.near(e.icc, row.number("icc"), what + " icc");
        compare.near(e.f, row.number("f"), what + " F");
        compare.near(e.df1, row.number("df1"), what + " df1");
        compare.near(e.df2, row.number("df2"), what + " df2");
        compare.near(e.p, row.number("p"), what + " p");
        compare.near(e.ci_low, row.number("ci_low"), what + " ci_low");
        compare.near(e.ci_high, row.number("ci_high"), what + " ci_high");
        max_p_relative = std::max(max_p_relative, std::fabs(e.p / row.number("p") - 1.0));
    }
    EXPECT_LT(max_p_relative, 1e-6);
    std::printf("largest |Algoscope - psych 2.2.9| over 36 ICC rows: %.3g (p relative %.3g)\n",
                compare.max_abs_difference, max_p_relative);
}

TEST(PsychAgreement, SemMdcRepeatabilityAndBlandAltmanMatchR) {
    Comparison compare;
    for (const auto& row : golden::read_rows("r_agreement.csv")) {
        const std::string& dataset = row.text("dataset");
        const ReliabilityTable table = table_of(dataset);
        const auto analysed = analyse_reliability(table);
        ASSERT_TRUE(analysed.ok);
        const ReliabilityResult& r = analysed.result;
        EXPECT_EQ(r.n_subjects, static_cast<int>(row.number("n_subjects"))) << dataset;
        EXPECT_EQ(r.n_raters, static_cast<int>(row.number("n_raters"))) << dataset;
        compare.near(r.icc.anova.between_subjects, row.number("msr"), dataset + " MSR");
        compare.near(r.icc.anova.between_raters, row.number("msc"), dataset + " MSC");
        compare.near(r.icc.anova.residual, row.number("mse"), dataset + " MSE");
        compare.near(r.icc.anova.within_subjects, row.number("msw"), dataset + " MSW");
        compare.near(r.sem, row.number("sem_sqrt_mse"), dataset + " SEM");
        compare.near(r.mdc95, row.number("mdc95_sqrt_mse"), dataset + " MDC95");
        compare.near(r.repeatability_coefficient, row.number("repeatability"), dataset + " RC");

        ReliabilityOptions sd_icc;
        sd_icc.sem_method = SemMethod::SdTimesRootOneMinusIcc;
        compare.near(analyse_reliability(table, sd_icc).result.sem, row.number("sem_sd_icc21"),
                     dataset + " SEM from SD");
        const IccResults mw =
            intraclass_correlations(table, 0.95, AverageAgreementInterval::McGrawWong);
        compare.near(mw[IccForm::Icc2_k].ci_low, row.number("mw_icc2k_low"), dataset + " MW low");
        compare.near(mw[IccForm::Icc2_k].ci_high, row.number("mw_icc2k_high"),
                     dataset + " MW high");

        ASSERT_EQ(r.bland_altman.has_value(), r.n_raters == 2) << dataset;
        if (!r.bland_altman) continue;
        const BlandAltman& ba = *r.bland_altman;
        compare.near(ba.bias, row.number("ba_bias"), dataset + " bias");
        compare.near(ba.sd, row.number("ba_sd"), dataset + " sd");
        compare.near(ba.loa_low, row.number("ba_loa_low"), dataset + " loa_low");
        compare.near(ba.loa_high, row.number("ba_loa_high"), dataset + " loa_high");
        compare.near(ba.bias_ci.low, row.number("ba_bias_ci_low"), dataset + " bias ci");
        compare.near(ba.bias_ci.high, row.number("ba_bias_ci_high"), dataset + " bias ci");
        compare.near(ba.loa_low_ci.low, row.number("ba_loa_low_ci_low"), dataset + " loa_low ci");
        compare.near(ba.loa_low_ci.high, row.number("ba_loa_low_ci_high"), dataset + " loa_low ci");
        compare.near(ba.loa_high_ci.low, row.number("ba_loa_high_ci_low"),
                     dataset + " loa_high ci");
        compare.near(ba.loa_high_ci.high, row.number("ba_loa_high_ci_high"),
                     dataset + " loa_high ci");
    }
    std::printf("largest |Algoscope - R| over SEM, MDC, RC, MW interval, Bland-Altman: %.3g\n",
                compare.max_abs_difference);
}

TEST(PsychAgreement, SubjectsWithMissingCellsAreDroppedAsRsNaOmitDoes) {
    const ReliabilityTable table = table_of("synthetic_missing_cells");
    EXPECT_EQ(table.subjects.size(), 10u);
    EXPECT_EQ(table.dropped_subjects, (std::vector<std::string>{"S004", "S009"}));
}

} // namespace
