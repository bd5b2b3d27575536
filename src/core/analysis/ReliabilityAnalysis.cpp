#include "algocore/analysis/ReliabilityAnalysis.h"

#include <cmath>

namespace algocore::analysis {

namespace {

constexpr double kZ95 = 1.96;

// SD of all n x k readings as one sample (n k - 1 denominator), as Weir (2005) uses for
// SEM = SD sqrt(1 - ICC): from the scale-free ANOVA (total SS = SSR + SSC + SSE) times the
// spread, so no reading is squared in its own unit.
double sd_of_all_readings(const AnovaMeanSquares& ms) {
    const double n = ms.n_subjects;
    const double k = ms.n_raters;
    const double total =
        ms.unit.between_subjects * (n - 1.0) + ms.unit.within_subjects * n * (k - 1.0);
    return ms.spread * std::sqrt(total / (n * k - 1.0));
}

} // namespace

double mdc95_from_sem(double sem) {
    return kZ95 * std::sqrt(2.0) * sem;
}

ReliabilityAnalysisResult analyse_reliability(const ReliabilityTable& table,
                                              const ReliabilityOptions& options) {
    ReliabilityAnalysisResult out;
    ReliabilityResult& r = out.result;
    r.n_subjects = static_cast<int>(table.subjects.size());
    r.n_raters = static_cast<int>(table.raters.size());
    r.n_dropped = table.n_dropped();

    int first = -1;
    int second = -1;
    if (options.pair) {
        first = table.rater_column(options.pair->first);
        second = table.rater_column(options.pair->second);
        const std::string& missing = first < 0 ? options.pair->first : options.pair->second;
        if (first < 0 || second < 0) {
            out.error = "no rater or session '" + missing + "' in the data";
            return out;
        }
        if (first == second) {
            out.error = "the pair names '" + options.pair->first + "' twice";
            return out;
        }
    } else if (table.raters.size() == 2) {
        first = 0;
        second = 1;
    }

    r.icc = intraclass_correlations(table, 0.95, options.average_agreement);
    // An undefined ICC is said, never printed as nan beside an MDC of 0 (which would make
    // every change look real).
    if (const std::string why = undefined_icc_reason(r.icc.anova); !why.empty()) {
        out.error = "the ICC is undefined: " + why;
        return out;
    }
    const AnovaMeanSquares& ms = r.icc.anova;
    r.convention = interval_convention(options.average_agreement);
    if (options.sem_method == SemMethod::RootResidualMeanSquare) {
        r.sem = ms.spread * std::sqrt(ms.unit.residual);
        r.sem_formula = "SEM = sqrt(MSE), the residual mean square of the two-way ANOVA";
    } else {
        const double icc = r.icc[options.sem_icc_form].icc;
        // A negative ICC means no reliability: SEM = SD, not more than SD.
        r.sem = sd_of_all_readings(ms) * std::sqrt(1.0 - std::max(0.0, std::min(1.0, icc)));
        r.sem_formula = std::string("SEM = SD * sqrt(1 - ") + to_string(options.sem_icc_form) +
                        "), SD of all readings";
    }
    r.mdc95 = mdc95_from_sem(r.sem);
    r.within_subject_sd = ms.spread * std::sqrt(ms.unit.within_subjects);
    r.repeatability_coefficient = kZ95 * std::sqrt(2.0) * r.within_subject_sd;
    if (first >= 0) r.bland_altman = bland_altman(table, first, second, options.loa_z);
    out.ok = true;
    return out;
}

} // namespace algocore::analysis
