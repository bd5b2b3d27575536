#include "algocore/analysis/IntraclassCorrelation.h"

#include <Eigen/Core>
#include <algorithm>
#include <cctype>
#include <cmath>

#include "algocore/analysis/FDistribution.h"

namespace algocore::analysis {

namespace {

std::size_t slot(IccForm form) {
    return static_cast<std::size_t>(form);
}

// Satterthwaite's degrees of freedom for the ICC(2,1) interval (Shrout & Fleiss 1979, eq. for
// the two-way random model; McGraw & Wong 1996 write it with a and b), at the estimate rho.
double satterthwaite_df(const AnovaMeanSquares& ms, double rho) {
    const double n = ms.n_subjects;
    const double k = ms.n_raters;
    const double a = k * rho / (n * (1.0 - rho));
    const double b = 1.0 + k * rho * (n - 1.0) / (n * (1.0 - rho));
    const double numerator = std::pow(a * ms.between_raters + b * ms.residual, 2.0);
    const double denominator = std::pow(a * ms.between_raters, 2.0) / (k - 1.0) +
                               std::pow(b * ms.residual, 2.0) / ((n - 1.0) * (k - 1.0));
    return numerator / denominator;
}

double spearman_brown(double single, double k) {
    return single * k / (1.0 + single * (k - 1.0));
}

} // namespace

const char* to_string(IccForm form) {
    switch (form) {
    case IccForm::Icc1_1: return "ICC(1,1)";
    case IccForm::Icc2_1: return "ICC(2,1)";
    case IccForm::Icc3_1: return "ICC(3,1)";
    case IccForm::Icc1_k: return "ICC(1,k)";
    case IccForm::Icc2_k: return "ICC(2,k)";
    case IccForm::Icc3_k: return "ICC(3,k)";
    }
    return "ICC(?)";
}

bool parse_icc_form(const std::string& text, IccForm& out) {
    std::string key;
    for (char c : text)
        if (std::isalnum(static_cast<unsigned char>(c)))
            key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // "ICC(2,1)" -> "icc21", "ICC2" (psych's name) -> "icc2", "ICC(2,k)" / "ICC2k" -> "icc2k".
    static const std::pair<const char*, IccForm> names[] = {
        {"icc11", IccForm::Icc1_1}, {"icc1", IccForm::Icc1_1},  {"icc21", IccForm::Icc2_1},
        {"icc2", IccForm::Icc2_1},  {"icc31", IccForm::Icc3_1}, {"icc3", IccForm::Icc3_1},
        {"icc1k", IccForm::Icc1_k}, {"icc2k", IccForm::Icc2_k}, {"icc3k", IccForm::Icc3_k}};
    for (const auto& [name, form] : names) {
        if (key == name) {
            out = form;
            return true;
        }
    }
    return false;
}

AnovaMeanSquares anova_mean_squares(const ReliabilityTable& table) {
    const Eigen::Index n = static_cast<Eigen::Index>(table.subjects.size());
    const Eigen::Index k = static_cast<Eigen::Index>(table.raters.size());
    const Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>
        readings(table.readings.data(), n, k);
    AnovaMeanSquares ms;
    ms.n_subjects = static_cast<int>(n);
    ms.n_raters = static_cast<int>(k);
    // Scale-free: readings over their largest magnitude first (so the mean cannot overflow),
    // then distances from the grand mean over their largest (so no square can overflow and
    // none underflows). Every statistic is a ratio of these or their square root times the
    // spread; the spread itself is the one number in the readings' unit.
    const double magnitude = readings.cwiseAbs().maxCoeff();
    if (!(magnitude > 0.0) || !std::isfinite(magnitude)) return ms;
    const Eigen::MatrixXd scaled = readings / magnitude;
    const Eigen::MatrixXd centred = scaled.array() - scaled.mean();
    const double spread_scaled = centred.cwiseAbs().maxCoeff();
    if (!(spread_scaled > 0.0)) return ms;
    ms.spread = spread_scaled * magnitude;
    const Eigen::MatrixXd y = centred / spread_scaled;
    const Eigen::VectorXd subject_means = y.rowwise().mean();
    const Eigen::RowVectorXd rater_means = y.colwise().mean();
    const double grand = y.mean();
    // Sums of squares from centred terms (not from raw sums); the residual is summed directly
    // rather than by subtraction.
    const double ss_subjects =
        static_cast<double>(k) * (subject_means.array() - grand).square().sum();
    const double ss_raters = static_cast<double>(n) * (rater_means.array() - grand).square().sum();
    const Eigen::MatrixXd residuals =
        ((y.colwise() - subject_means).rowwise() - rater_means).array() + grand;
    const double ss_residual = residuals.squaredNorm();

    const double nd = static_cast<double>(n);
    const double kd = static_cast<double>(k);
    ms.unit.between_subjects = ss_subjects / (nd - 1.0);
    ms.unit.between_raters = ss_raters / (kd - 1.0);
    ms.unit.residual = ss_residual / ((nd - 1.0) * (kd - 1.0));
    ms.unit.within_subjects = (ss_raters + ss_residual) / (nd * (kd - 1.0));
    const double spread_squared = ms.spread * ms.spread;
    ms.between_subjects = ms.unit.between_subjects * spread_squared;
    ms.between_raters = ms.unit.between_raters * spread_squared;
    ms.residual = ms.unit.residual * spread_squared;
    ms.within_subjects = ms.unit.within_subjects * spread_squared;
    return ms;
}

std::string undefined_icc_reason(const AnovaMeanSquares& ms) {
    if (!std::isfinite(ms.spread))
        return "the readings are not finite numbers or span more than a double can hold";
    if (ms.spread == 0.0)
        return "every reading is the same, so there is no variance to divide between subjects "
               "and raters (0/0)";
    // On the unit scale (the largest deviation is 1) a between-subject mean square this small
    // is rounding in the subject means, not a difference between subjects.
    constexpr double kNoVarianceOnUnitScale = 1e-20;
    if (ms.unit.between_subjects < kNoVarianceOnUnitScale)
        return "the subjects do not differ (every subject's mean reading is the same), so there "
               "is no between-subject variance for an ICC to compare with (x/0)";
    return {};
}

const IccEstimate& IccResults::operator[](IccForm form) const {
    return estimates[slot(form)];
}

IccResults intraclass_correlations(const ReliabilityTable& table, double confidence,
                                   AverageAgreementInterval average_agreement) {
    IccResults out;
    out.confidence = confidence;
    out.average_agreement_interval = average_agreement;
    const AnovaMeanSquares anova = anova_mean_squares(table);
    out.anova = anova;
    // Every formula below is a ratio of mean squares, so the scale-free ones serve for all.
    AnovaMeanSquares ms = anova;
    static_cast<MeanSquares&>(ms) = anova.unit;
    const double n = ms.n_subjects;
    const double k = ms.n_raters;
    const double msr = ms.between_subjects;
    const double msc = ms.between_raters;
    const double mse = ms.residual;
    const double msw = ms.within_subjects;
    const double upper = 1.0 - (1.0 - confidence) / 2.0; // alpha/2 in each tail

    for (IccForm form : kIccForms)
        out.estimates[slot(form)].form = form;
    auto& icc1 = out.estimates[slot(IccForm::Icc1_1)];
    auto& icc2 = out.estimates[slot(IccForm::Icc2_1)];
    auto& icc3 = out.estimates[slot(IccForm::Icc3_1)];
    auto& icc1k = out.estimates[slot(IccForm::Icc1_k)];
    auto& icc2k = out.estimates[slot(IccForm::Icc2_k)];
    auto& icc3k = out.estimates[slot(IccForm::Icc3_k)];

    icc1.icc = (msr - msw) / (msr + (k - 1.0) * msw);
    icc2.icc = (msr - mse) / (msr + (k - 1.0) * mse + k * (msc - mse) / n);
    icc3.icc = (msr - mse) / (msr + (k - 1.0) * mse);
    icc1k.icc = (msr - msw) / msr;
    icc2k.icc = (msr - mse) / (msr + (msc - mse) / n);
    icc3k.icc = (msr - mse) / msr;

    // F tests: the one-way forms test MSR/MSW, the two-way forms MSR/MSE (psych reports the
    // same test for ICC(2,x) and ICC(3,x)).
    const double f_one_way = msr / msw;
    const double df1 = n - 1.0;
    const double df2_one_way = n * (k - 1.0);
    const double f_two_way = msr / mse;
    const double df2_two_way = (n - 1.0) * (k - 1.0);
    const double p_one_way = f_upper_tail(f_one_way, df1, df2_one_way);
    const double p_two_way = f_upper_tail(f_two_way, df1, df2_two_way);
    for (IccEstimate* e : {&icc1, &icc1k}) {
        e->f = f_one_way;
        e->df1 = df1;
        e->df2 = df2_one_way;
        e->p = p_one_way;
    }
    for (IccEstimate* e : {&icc2, &icc3, &icc2k, &icc3k}) {
        e->f = f_two_way;
        e->df1 = df1;
        e->df2 = df2_two_way;
        e->p = p_two_way;
    }

    // One-way and consistency forms: exact intervals from the F ratio.
    const double f1_low = f_one_way / f_quantile(upper, df1, df2_one_way);
    const double f1_high = f_one_way * f_quantile(upper, df2_one_way, df1);
    icc1.ci_low = (f1_low - 1.0) / (f1_low + k - 1.0);
    icc1.ci_high = (f1_high - 1.0) / (f1_high + k - 1.0);
    icc1k.ci_low = 1.0 - 1.0 / f1_low;
    icc1k.ci_high = 1.0 - 1.0 / f1_high;
    const double f3_low = f_two_way / f_quantile(upper, df1, df2_two_way);
    const double f3_high = f_two_way * f_quantile(upper, df2_two_way, df1);
    icc3.ci_low = (f3_low - 1.0) / (f3_low + k - 1.0);
    icc3.ci_high = (f3_high - 1.0) / (f3_high + k - 1.0);
    icc3k.ci_low = 1.0 - 1.0 / f3_low;
    icc3k.ci_high = 1.0 - 1.0 / f3_high;

    // Absolute agreement: approximate (Satterthwaite) interval of Shrout & Fleiss.
    const double v = satterthwaite_df(ms, icc2.icc);
    const double fu = f_quantile(upper, df1, v);
    const double fl = f_quantile(upper, v, df1);
    const double spread = k * msc + (k * n - k - n) * mse;
    icc2.ci_low = n * (msr - fu * mse) / (fu * spread + n * msr);
    icc2.ci_high = n * (fl * msr - mse) / (spread + n * fl * msr);
    if (average_agreement == AverageAgreementInterval::PsychSpearmanBrown) {
        icc2k.ci_low = spearman_brown(icc2.ci_low, k);
        icc2k.ci_high = spearman_brown(icc2.ci_high, k);
    } else {
        // McGraw & Wong (1996) Table 7, ICC(A,k), with a and b at the ICC(A,k) estimate.
        const double vk = satterthwaite_df(ms, icc2k.icc);
        const double fuk = f_quantile(upper, df1, vk);
        const double flk = f_quantile(upper, vk, df1);
        icc2k.ci_low = n * (msr - fuk * mse) / (fuk * (msc - mse) + n * msr);
        icc2k.ci_high = n * (flk * msr - mse) / (msc - mse + n * flk * msr);
    }
    return out;
}

std::string interval_convention(AverageAgreementInterval average_agreement) {
    std::string text =
        "95% intervals as R psych::ICC 2.2.9: alpha/2 in each tail; ICC(1,x) and ICC(3,x) "
        "from the F ratio, ICC(2,1) by Satterthwaite's approximation (Shrout & Fleiss 1979)";
    if (average_agreement == AverageAgreementInterval::PsychSpearmanBrown)
        return text + ", ICC(2,k) from the ICC(2,1) bounds by Spearman-Brown";
    return text + ", except ICC(2,k): McGraw & Wong (1996) Table 7 with v at the ICC(A,k) "
                  "estimate, as R's irr computes it";
}

} // namespace algocore::analysis
