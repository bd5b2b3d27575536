#pragma once
// Fisher's F distribution, for the F tests and confidence intervals of the intraclass
// correlations, and Student's t, for the Bland-Altman intervals. Degrees of freedom may be
// fractional (the Satterthwaite df of ICC(2,1)). Accuracy is about 1e-12 relative, far below
// the 1e-4 the reliability figures are compared to R at.

namespace algocore::analysis {

/// Regularised incomplete beta I_x(a, b) for 0 <= x <= 1, a, b > 0.
double regularized_incomplete_beta(double x, double a, double b);

/// P(F <= f) for F with (df1, df2) degrees of freedom.
double f_cdf(double f, double df1, double df2);
/// P(F > f), computed directly so small p-values keep their precision.
double f_upper_tail(double f, double df1, double df2);
/// The f with P(F <= f) = probability (0 < probability < 1); R's qf(probability, df1, df2).
double f_quantile(double probability, double df1, double df2);

/// The t with P(|T| <= t) = confidence for Student's t with df degrees of freedom
/// (e.g. confidence 0.95 gives R's qt(0.975, df)).
double t_two_sided_quantile(double confidence, double df);

} // namespace algocore::analysis
