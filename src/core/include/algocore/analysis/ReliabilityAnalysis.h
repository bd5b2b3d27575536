#pragma once
// Everything a reliability report shows, from one table: the six ICCs, the standard error of
// measurement (SEM), the minimal detectable change (MDC95), the repeatability coefficient and,
// for a pair of raters or sessions, Bland-Altman agreement.
#include <optional>
#include <string>
#include <utility>

#include "algocore/analysis/BlandAltman.h"
#include "algocore/analysis/IntraclassCorrelation.h"
#include "algocore/analysis/ReliabilityTable.h"

namespace algocore::analysis {

/// Where the SEM comes from.
enum class SemMethod {
    RootResidualMeanSquare, ///< SEM = sqrt(MSE) of the two-way ANOVA (Weir 2005; default)
    SdTimesRootOneMinusIcc, ///< SEM = SD * sqrt(1 - ICC), SD of all readings, ICC of a form
};

/// Choices of a reliability analysis.
struct ReliabilityOptions {
    SemMethod sem_method = SemMethod::RootResidualMeanSquare;
    IccForm sem_icc_form = IccForm::Icc2_1; ///< the ICC of SD * sqrt(1 - ICC)
    AverageAgreementInterval average_agreement = AverageAgreementInterval::PsychSpearmanBrown;
    /// Raters (or sessions) compared by Bland-Altman; empty = the two columns when there are
    /// exactly two, else none.
    std::optional<std::pair<std::string, std::string>> pair;
    double loa_z = 1.96; ///< multiplier of the limits of agreement
};

/// The report.
struct ReliabilityResult {
    int n_subjects = 0;
    int n_raters = 0;
    std::size_t n_dropped = 0;
    IccResults icc;
    double sem = 0.0;   ///< in the readings' unit
    double mdc95 = 0.0; ///< 1.96 * sqrt(2) * SEM
    std::string sem_formula;
    /// 1.96 * sqrt(2) * s_w, s_w = sqrt(MSW) the within-subject SD (Bland & Altman 1996/1999).
    double repeatability_coefficient = 0.0;
    double within_subject_sd = 0.0;
    std::optional<BlandAltman> bland_altman;
    std::string convention; ///< the interval convention in words
};

/// A report, or why none (an unknown rater in the pair).
struct ReliabilityAnalysisResult {
    bool ok = false;
    ReliabilityResult result;
    std::string error;
};

/// Analyses a table (built by build_reliability_table, so it has 2+ subjects and raters).
ReliabilityAnalysisResult analyse_reliability(const ReliabilityTable& table,
                                              const ReliabilityOptions& options = {});

/// MDC95 from an SEM: 1.96 * sqrt(2) * SEM.
double mdc95_from_sem(double sem);

} // namespace algocore::analysis
