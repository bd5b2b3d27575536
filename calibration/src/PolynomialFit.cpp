#include "algocal/PolynomialFit.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <set>

namespace algocal {
namespace {

// Extended precision (x86: 64-bit mantissa) for the solve and the change of basis: the NIST
// Wampler and Pontius sets lose most of double's digits in the raw power basis.
using Real = long double;
using Matrix = Eigen::Matrix<Real, Eigen::Dynamic, Eigen::Dynamic>;
using Vector = Eigen::Matrix<Real, Eigen::Dynamic, 1>;

// Rounds of iterative refinement in the raw basis. Each one recomputes residuals with the
// converted coefficients and solves for the correction with the well-conditioned scaled QR.
constexpr int kRefinementRounds = 3;

FitResult refuse(FitStatus status, std::string message) {
    FitResult result;
    result.status = status;
    result.message = std::move(message);
    return result;
}

FitResult validate(std::span<const double> x, std::span<const double> y, int degree,
                   std::span<const double> weights) {
    if (degree < kMinFitDegree || degree > kMaxFitDegree)
        return refuse(FitStatus::kDegreeOutOfRange,
                      "degree " + std::to_string(degree) + " is not in 1..5");
    if (x.size() != y.size() || (!weights.empty() && weights.size() != x.size()))
        return refuse(FitStatus::kSizeMismatch, "x, y and weights must have the same length");
    const std::size_t needed = static_cast<std::size_t>(degree) + 2;
    if (x.size() < needed)
        return refuse(FitStatus::kTooFewPoints,
                      "a degree-" + std::to_string(degree) + " fit needs at least " +
                          std::to_string(needed) + " points (one more than its " +
                          std::to_string(degree + 1) + " coefficients), got " +
                          std::to_string(x.size()));
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (!std::isfinite(x[i]) || !std::isfinite(y[i]))
            return refuse(FitStatus::kNonFiniteInput,
                          "point " + std::to_string(i + 1) + " is not a finite number");
        if (!weights.empty() && !std::isfinite(weights[i]))
            return refuse(FitStatus::kNonFiniteInput,
                          "weight " + std::to_string(i + 1) + " is not a finite number");
        if (!weights.empty() && weights[i] <= 0.0)
            return refuse(FitStatus::kBadWeight,
                          "weight " + std::to_string(i + 1) + " must be greater than zero");
    }
    const std::set<double> distinct(x.begin(), x.end());
    if (distinct.size() == 1)
        return refuse(FitStatus::kConstantX, "all x values are equal; nothing to fit against");
    if (distinct.size() < static_cast<std::size_t>(degree) + 1)
        return refuse(FitStatus::kTooFewDistinctX,
                      "a degree-" + std::to_string(degree) + " fit needs at least " +
                          std::to_string(degree + 1) + " distinct x values, got " +
                          std::to_string(distinct.size()));
    return {};
}

Real binomial(int n, int k) {
    Real value = 1;
    for (int i = 1; i <= k; ++i)
        value = value * (n - k + i) / i;
    return value;
}

// T maps coefficients in u = (x - centre) / half_width to coefficients in x:
// c_j = Σ_k T(j,k) b_k with T(j,k) = C(k,j) (-centre)^(k-j) / half_width^k.
Matrix basis_change(int degree, Real centre, Real half_width) {
    const int terms = degree + 1;
    Matrix t = Matrix::Zero(terms, terms);
    for (int k = 0; k < terms; ++k) {
        const Real scale = std::pow(half_width, static_cast<Real>(-k));
        for (int j = 0; j <= k; ++j)
            t(j, k) = binomial(k, j) * std::pow(-centre, static_cast<Real>(k - j)) * scale;
    }
    return t;
}

Real horner(const Vector& c, Real x) {
    Real y = 0;
    for (Eigen::Index k = c.size() - 1; k >= 0; --k)
        y = y * x + c(k);
    return y;
}

} // namespace

double PolynomialFit::evaluate(double x) const {
    double y = 0.0;
    for (auto it = coefficients.rbegin(); it != coefficients.rend(); ++it)
        y = y * x + *it;
    return y;
}

double PolynomialFit::derivative(double x) const {
    double dy = 0.0;
    for (std::size_t k = coefficients.size(); k-- > 1;)
        dy = dy * x + static_cast<double>(k) * coefficients[k];
    return dy;
}

FitResult fit_polynomial(std::span<const double> x, std::span<const double> y, int degree,
                         std::span<const double> weights) {
    if (FitResult refused = validate(x, y, degree, weights); !refused.ok()) return refused;

    const auto n = static_cast<Eigen::Index>(x.size());
    const int terms = degree + 1;
    const auto [min_it, max_it] = std::minmax_element(x.begin(), x.end());
    const Real centre = (static_cast<Real>(*min_it) + *max_it) / 2;
    const Real half_width = (static_cast<Real>(*max_it) - *min_it) / 2;

    // Rows are scaled by sqrt(weight), so ordinary least squares on (a, b) is the weighted fit.
    Vector root_w(n);
    Matrix a(n, terms);
    Vector b(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        root_w(i) = weights.empty() ? Real{1} : std::sqrt(static_cast<Real>(weights[i]));
        const Real u = (static_cast<Real>(x[i]) - centre) / half_width;
        Real power = 1;
        for (int k = 0; k < terms; ++k, power *= u)
            a(i, k) = root_w(i) * power;
        b(i) = root_w(i) * y[i];
    }
    const Eigen::ColPivHouseholderQR<Matrix> qr(a);
    if (qr.rank() < terms)
        return refuse(FitStatus::kRankDeficient, "the points do not determine a degree-" +
                                                     std::to_string(degree) +
                                                     " polynomial (numerically singular)");

    const Matrix to_raw = basis_change(degree, centre, half_width);
    Vector c = to_raw * qr.solve(b);
    auto weighted_residuals = [&](const Vector& coeffs) {
        Vector r(n);
        for (Eigen::Index i = 0; i < n; ++i)
            r(i) = root_w(i) * (static_cast<Real>(y[i]) - horner(coeffs, x[i]));
        return r;
    };
    for (int round = 0; round < kRefinementRounds; ++round)
        c += to_raw * qr.solve(weighted_residuals(c));

    const Vector r = weighted_residuals(c);
    const Real ssr = r.squaredNorm();
    const Eigen::Index dof = n - terms;
    const Real variance = ssr / static_cast<Real>(dof);

    // Cov(b) = s² (AᵀA)⁻¹ = s² P R⁻¹ R⁻ᵀ Pᵀ from A P = Q R; then Cov(c) = T Cov(b) Tᵀ.
    const Matrix r_upper =
        qr.matrixR().topLeftCorner(terms, terms).template triangularView<Eigen::Upper>();
    const Matrix r_inverse =
        r_upper.template triangularView<Eigen::Upper>().solve(Matrix::Identity(terms, terms));
    const Matrix permuted = r_inverse * r_inverse.transpose();
    const Matrix unscaled_cov = qr.colsPermutation() * permuted * qr.colsPermutation().transpose();
    const Matrix cov = to_raw * (variance * unscaled_cov) * to_raw.transpose();

    Real weight_sum = 0;
    Real weighted_y_sum = 0;
    for (Eigen::Index i = 0; i < n; ++i) {
        const Real w = root_w(i) * root_w(i);
        weight_sum += w;
        weighted_y_sum += w * y[i];
    }
    const Real y_mean = weighted_y_sum / weight_sum;
    Real sst = 0;
    for (Eigen::Index i = 0; i < n; ++i) {
        const Real d = static_cast<Real>(y[i]) - y_mean;
        sst += root_w(i) * root_w(i) * d * d;
    }

    FitResult result;
    PolynomialFit& fit = result.fit;
    fit.degree = degree;
    fit.n = x.size();
    fit.x_min = *min_it;
    fit.x_max = *max_it;
    for (int k = 0; k < terms; ++k) {
        fit.coefficients.push_back(static_cast<double>(c(k)));
        fit.std_errors.push_back(static_cast<double>(std::sqrt(std::max<Real>(cov(k, k), 0))));
    }
    for (Eigen::Index i = 0; i < n; ++i)
        fit.residuals.push_back(static_cast<double>(static_cast<Real>(y[i]) - horner(c, x[i])));
    fit.residual_sd = static_cast<double>(std::sqrt(variance));
    fit.r_squared = sst > 0 ? static_cast<double>(1 - ssr / sst) : 1.0;
    return result;
}

} // namespace algocal
