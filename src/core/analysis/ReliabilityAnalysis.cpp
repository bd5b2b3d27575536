#include "algocore/analysis/ReliabilityAnalysis.h"

#include <cmath>
#include <numeric>

namespace algocore::analysis {

namespace {

constexpr double kZ95 = 1.96;

// SD of all n x k readings as one sample (n k - 1 denominator), as Weir (2005) uses for
// SEM = SD sqrt(1 - ICC).
double sd_of_all_readings(const ReliabilityTable& table) {
    const auto& v = table.readings;
    const double mean = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
    double squares = 0.0;
    for (double x : v)
        squares += (x - mean) * (x - mean);
    return std::sqrt(squares / static_cast<double>(v.size() - 1));
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
    r.convention = interval_convention(options.average_agreement);
    if (options.sem_method == SemMethod::RootResidualMeanSquare) {
        r.sem = std::sqrt(r.icc.anova.residual);
        r.sem_formula = "SEM = sqrt(MSE), the residual mean square of the two-way ANOVA";
    } else {
        const double icc = r.icc[options.sem_icc_form].icc;
        // A negative ICC means no reliability: SEM = SD, not more than SD.
        r.sem = sd_of_all_readings(table) * std::sqrt(1.0 - std::max(0.0, std::min(1.0, icc)));
        r.sem_formula = std::string("SEM = SD * sqrt(1 - ") + to_string(options.sem_icc_form) +
                        "), SD of all readings";
    }
    r.mdc95 = mdc95_from_sem(r.sem);
    r.within_subject_sd = std::sqrt(r.icc.anova.within_subjects);
    r.repeatability_coefficient = kZ95 * std::sqrt(2.0) * r.within_subject_sd;
    if (first >= 0) r.bland_altman = bland_altman(table, first, second, options.loa_z);
    out.ok = true;
    return out;
}

} // namespace algocore::analysis
