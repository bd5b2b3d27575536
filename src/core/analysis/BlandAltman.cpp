#include "algocore/analysis/BlandAltman.h"

#include <algorithm>
#include <cmath>

#include "algocore/analysis/FDistribution.h"

namespace algocore::analysis {

BlandAltman bland_altman(const ReliabilityTable& table, int first, int second, double z,
                         double confidence) {
    BlandAltman out;
    const auto a = static_cast<std::size_t>(first);
    const auto b = static_cast<std::size_t>(second);
    out.first_rater = table.raters.at(a);
    out.second_rater = table.raters.at(b);
    out.z = z;
    const std::size_t n = table.subjects.size();
    out.n = static_cast<int>(n);
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double x = table.reading(i, a);
        const double y = table.reading(i, b);
        out.points.push_back({table.subjects[i], 0.5 * x + 0.5 * y, x - y});
        sum += x - y;
    }
    out.bias = sum / static_cast<double>(n);
    // Scale-free: deviations over the largest one before squaring, so readings whose squares
    // overflow (or underflow) a double still give their SD.
    double spread = 0.0;
    for (const BlandAltmanPoint& p : out.points)
        spread = std::max(spread, std::fabs(p.difference - out.bias));
    double squares = 0.0;
    if (spread > 0.0)
        for (const BlandAltmanPoint& p : out.points)
            squares += std::pow((p.difference - out.bias) / spread, 2.0);
    const double nd = static_cast<double>(n);
    out.sd = spread * std::sqrt(squares / (nd - 1.0));
    out.loa_low = out.bias - z * out.sd;
    out.loa_high = out.bias + z * out.sd;

    const double t = t_two_sided_quantile(confidence, nd - 1.0);
    const double se_bias = out.sd / std::sqrt(nd);
    // SE of a limit: var(bias) + z^2 var(SD) ~ SD^2/n + z^2 SD^2/(2(n-1)) ~ 3 SD^2/n for z ~ 2,
    // as Bland & Altman (1986) give it; kept so their published intervals are reproduced.
    const double se_limit = out.sd * std::sqrt(3.0 / nd);
    out.bias_ci = {out.bias - t * se_bias, out.bias + t * se_bias};
    out.loa_low_ci = {out.loa_low - t * se_limit, out.loa_low + t * se_limit};
    out.loa_high_ci = {out.loa_high - t * se_limit, out.loa_high + t * se_limit};
    return out;
}

} // namespace algocore::analysis
