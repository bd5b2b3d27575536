#pragma once
// Polynomial least squares of degree 1 to 5 (ASTM E74 allows up to the 5th degree), accurate
// on badly scaled and ill-conditioned data (NIST StRD polynomial datasets: every certified
// coefficient to LRE >= 9).
#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace algocal {

inline constexpr int kMinFitDegree = 1;
inline constexpr int kMaxFitDegree = 5;

/// A fitted polynomial y = c0 + c1·x + … + cN·x^N and its least-squares statistics.
struct PolynomialFit {
    int degree = 0;
    std::vector<double> coefficients; ///< c0..cN, lowest power first
    std::vector<double> std_errors;   ///< standard error of each coefficient
    std::vector<double> residuals;    ///< y - fit(x), per point, input order
    double residual_sd = 0.0;         ///< sqrt(weighted SSR / (n - degree - 1))
    double r_squared = 0.0;           ///< 1 - SSR / SST (weighted, about the weighted mean)
    std::size_t n = 0;                ///< number of points
    double x_min = 0.0;               ///< range of x that was fitted
    double x_max = 0.0;

    /// y at x (Horner, raw power basis).
    double evaluate(double x) const;
    /// dy/dx at x.
    double derivative(double x) const;
};

/// Why a fit was refused.
enum class FitStatus {
    kOk,
    kDegreeOutOfRange, ///< degree not in 1..5
    kSizeMismatch,     ///< x, y (and weights) differ in length
    kTooFewPoints,     ///< need at least degree + 2 points (one degree of freedom)
    kNonFiniteInput,   ///< NaN or infinity in x, y or weights
    kBadWeight,        ///< a weight <= 0
    kConstantX,        ///< all x equal
    kTooFewDistinctX,  ///< fewer distinct x than degree + 1
    kRankDeficient,    ///< numerically singular even after scaling
};

/// Outcome of fit_polynomial: status, a sentence for the user, and the fit when ok.
struct FitResult {
    FitStatus status = FitStatus::kOk;
    std::string message;
    PolynomialFit fit;
    bool ok() const { return status == FitStatus::kOk; }
};

/// Weighted (optional) least-squares polynomial of `degree` through (x, y). Empty `weights`
/// means all 1. Works in a centred and scaled variable with column-pivoted Householder QR in
/// extended precision, then converts to the raw power basis.
FitResult fit_polynomial(std::span<const double> x, std::span<const double> y, int degree,
                         std::span<const double> weights = {});

/// Two-sided Student-t critical value for `confidence` (e.g. 0.95) and `dof` >= 1.
double student_t_critical(double confidence, int dof);

} // namespace algocal
