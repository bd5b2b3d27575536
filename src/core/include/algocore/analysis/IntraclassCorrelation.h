#pragma once
// The six intraclass correlations of Shrout & Fleiss (1979) / McGraw & Wong (1996), each with
// its F test and 95 % confidence interval, from the two-way ANOVA of a subjects x raters table.
// Intervals follow R's psych::ICC 2.2.9 (alpha/2 in each tail; ICC(2,k) from the ICC(2,1)
// bounds by Spearman-Brown); McGraw & Wong's ICC(A,k) interval, as R's irr computes it, is an
// option. docs/reliability.md gives every formula.
#include <array>
#include <string>

#include "algocore/analysis/ReliabilityTable.h"

namespace algocore::analysis {

/// Shrout & Fleiss forms; McGraw & Wong names in brackets.
enum class IccForm {
    Icc1_1, ///< one-way random, single rater: ICC(1)
    Icc2_1, ///< two-way random, absolute agreement, single rater: ICC(A,1)
    Icc3_1, ///< two-way mixed, consistency, single rater: ICC(C,1)
    Icc1_k, ///< one-way random, mean of k raters: ICC(k)
    Icc2_k, ///< two-way random, absolute agreement, mean of k raters: ICC(A,k)
    Icc3_k, ///< two-way mixed, consistency, mean of k raters: ICC(C,k)
};
inline constexpr std::array<IccForm, 6> kIccForms{IccForm::Icc1_1, IccForm::Icc2_1,
                                                  IccForm::Icc3_1, IccForm::Icc1_k,
                                                  IccForm::Icc2_k, IccForm::Icc3_k};
/// "ICC(1,1)", "ICC(2,1)", "ICC(3,1)", "ICC(1,k)", "ICC(2,k)", "ICC(3,k)".
const char* to_string(IccForm form);
/// Parses the names above (also "ICC1", "ICC2k", "icc(2,1)"; any case); false if unknown.
bool parse_icc_form(const std::string& text, IccForm& out);

/// How the ICC(2,k) interval is made.
enum class AverageAgreementInterval {
    PsychSpearmanBrown, ///< psych 2.2.9: Spearman-Brown of the ICC(2,1) bounds (default)
    McGrawWong,         ///< McGraw & Wong (1996) Table 7 with v from ICC(A,k), as irr does
};

/// Mean squares of the two-way ANOVA (subjects x raters, one reading per cell).
struct MeanSquares {
    double between_subjects = 0.0; ///< MSR (BMS): k * var(subject means)
    double between_raters = 0.0;   ///< MSC (JMS): n * var(rater means)
    double residual = 0.0;         ///< MSE (EMS): subjects x raters interaction
    double within_subjects = 0.0;  ///< MSW (WMS): one-way within-subject, (SSC + SSE) / n(k-1)
};

/// The ANOVA in the readings' unit squared, and scale-free. The readings are divided by their
/// spread before anything is squared, so the ICCs, F ratios and square roots (SEM) taken from
/// `unit` stay finite for readings whose squares would overflow; the mean squares in the
/// readings' unit (the inherited fields) are unit x spread² and overflow only when they truly
/// exceed a double.
struct AnovaMeanSquares : MeanSquares {
    int n_subjects = 0;
    int n_raters = 0;
    /// The largest distance of a reading from the grand mean; 0 when every reading is equal.
    double spread = 0.0;
    MeanSquares unit; ///< the mean squares of (reading - grand mean) / spread
};
/// The ANOVA of a table (at least 2 subjects and 2 raters).
AnovaMeanSquares anova_mean_squares(const ReliabilityTable& table);
/// Why the ICCs of this ANOVA are undefined (every reading equal, every subject's mean equal,
/// readings beyond a double), or empty when they are defined.
std::string undefined_icc_reason(const AnovaMeanSquares& ms);

/// One intraclass correlation with its F test (H0: ICC = 0) and confidence interval.
struct IccEstimate {
    IccForm form = IccForm::Icc1_1;
    double icc = 0.0;
    double ci_low = 0.0;
    double ci_high = 0.0;
    double f = 0.0;
    double df1 = 0.0;
    double df2 = 0.0;
    double p = 0.0; ///< one-sided, P(F > f)
};

/// All six forms, in the order of kIccForms.
struct IccResults {
    AnovaMeanSquares anova;
    std::array<IccEstimate, 6> estimates;
    double confidence = 0.95;
    AverageAgreementInterval average_agreement_interval =
        AverageAgreementInterval::PsychSpearmanBrown;
    const IccEstimate& operator[](IccForm form) const;
};

/// Computes the six ICCs with their tests and intervals at the given confidence.
IccResults intraclass_correlations(
    const ReliabilityTable& table, double confidence = 0.95,
    AverageAgreementInterval average_agreement = AverageAgreementInterval::PsychSpearmanBrown);

/// A sentence naming the interval convention, for documents and output.
std::string interval_convention(AverageAgreementInterval average_agreement);

} // namespace algocore::analysis
