// Force models of the trace blob and how the encoder finds candidates. Finding a wrong
// candidate is harmless: the encoder keeps a model only where it reproduces the stored force
// bit-exactly, so candidates are guesses to try, never assumptions about the data.
#include "TraceForceModel.h"

#include <cmath>

#include "algocal/Units.h"

namespace algocore::storage::trace_codec {

using namespace trace_bytes;

namespace {

constexpr double kPowersOfTen[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};
constexpr int kMaxDecimals = 8;
constexpr double kMaxExactInteger = 4503599627370496.0; // 2^52
/// Samples a candidate is scored on.
constexpr std::size_t kScoredSamples = 128;

// First sample with a finite force: candidates derive their tare from it.
std::size_t first_finite(const std::vector<TraceSample>& s) {
    std::size_t i = 0;
    while (i < s.size() && !std::isfinite(s[i].force_n))
        ++i;
    return i;
}

// How many of the scored samples (spread over the whole trace: at rest every unit and
// resolution reproduces a zero force) the model reproduces, with the best of the tares that
// make the first finite sample exact.
int score(const ForceModel& model, const std::vector<TraceSample>& s) {
    const std::size_t first = first_finite(s);
    if (first == s.size()) return 0;
    const std::size_t step = (s.size() - first) / kScoredSamples + 1;
    int best = 0;
    for (const double tare_n : model.tare_candidates(s[first])) {
        int fits = 0;
        for (std::size_t i = first; i < s.size(); i += step) {
            std::int64_t code = s[i].raw_counts;
            if (model.source == CodeSource::Decimal &&
                !model.decimal_code(s[i].force_n, tare_n, code))
                continue;
            fits += same_bits(model.untared_n(code) - tare_n, s[i].force_n) ? 1 : 0;
        }
        best = std::max(best, fits);
    }
    return best;
}

// Newtons per count from the widest spread of counts among samples [begin, end); 0 if none.
double scale_estimate(const std::vector<TraceSample>& s, std::size_t begin, std::size_t end) {
    std::size_t low = end;
    std::size_t high = end;
    for (std::size_t i = begin; i < end; ++i) {
        if (!std::isfinite(s[i].force_n)) continue;
        if (low == end || s[i].raw_counts < s[low].raw_counts) low = i;
        if (high == end || s[i].raw_counts > s[high].raw_counts) high = i;
    }
    if (low == end || s[low].raw_counts == s[high].raw_counts) return 0.0;
    const double estimate = (s[high].force_n - s[low].force_n) /
                            (static_cast<double>(s[high].raw_counts) - s[low].raw_counts);
    return std::isfinite(estimate) ? estimate : 0.0;
}

// A linear factory calibration, force = counts × newtons_per_count (the native driver's).
// The scale is estimated from the widest spread of counts at the start (where one tare holds)
// and over the whole trace, then tried as it is, as the reciprocal of a float
// counts-per-newton (how the firmware reports it), and a few ulps around both.
std::optional<ForceModel> linear_model(const std::vector<TraceSample>& s) {
    constexpr std::size_t kStartWindow = 1024;
    std::optional<ForceModel> best;
    int best_score = 0;
    for (const double estimate :
         {scale_estimate(s, 0, std::min(s.size(), kStartWindow)), scale_estimate(s, 0, s.size())}) {
        if (estimate == 0.0) continue;
        const double as_float = 1.0 / static_cast<double>(static_cast<float>(1.0 / estimate));
        for (const double base : {as_float, estimate}) {
            for (int ulps = -3; ulps <= 3; ++ulps) {
                ForceModel m;
                m.scale = from_ulp_distance(base, ulps);
                const int fits = score(m, s);
                if (fits > best_score) {
                    best = m;
                    best_score = fits;
                }
            }
        }
    }
    return best;
}

// The printed resolution and unit of a gauge: fewest decimals that reproduce the most forces.
std::optional<ForceModel> decimal_model(const std::vector<TraceSample>& s) {
    constexpr algocal::ForceUnit kUnits[] = {
        algocal::ForceUnit::kNewton,        algocal::ForceUnit::kPoundForce,
        algocal::ForceUnit::kKilogramForce, algocal::ForceUnit::kOunceForce,
        algocal::ForceUnit::kGramForce,     algocal::ForceUnit::kMillinewton,
        algocal::ForceUnit::kKilonewton};
    std::optional<ForceModel> best;
    int best_score = 0;
    for (const algocal::ForceUnit unit : kUnits) {
        for (int decimals = 0; decimals <= kMaxDecimals; ++decimals) {
            ForceModel m;
            m.source = CodeSource::Decimal;
            m.scale = algocal::newtons_per(unit);
            m.decimals = decimals;
            const int fits = score(m, s);
            if (fits > best_score) {
                best = m;
                best_score = fits;
            }
        }
    }
    return best;
}

} // namespace

double ForceModel::reading(std::int64_t code) const {
    if (source == CodeSource::RawCounts) return static_cast<double>(code) * scale;
    return static_cast<double>(code) / kPowersOfTen[decimals] * scale;
}

double ForceModel::untared_n(std::int64_t code) const {
    const double r = reading(code);
    return fit ? inverter_.invert(r).force_n : r;
}

bool ForceModel::decimal_code(double force_n, double tare_n, std::int64_t& code) const {
    const double x = (force_n + tare_n) / scale * kPowersOfTen[decimals];
    if (!(std::abs(x) < kMaxExactInteger)) return false;
    const auto guess = static_cast<std::int64_t>(std::llround(x));
    for (const std::int64_t q : {guess, guess - 1, guess + 1}) {
        if (same_bits(untared_n(q) - tare_n, force_n)) {
            code = q;
            return true;
        }
    }
    return false;
}

std::vector<double> ForceModel::tare_candidates(const TraceSample& sample) const {
    constexpr int kCodeSteps = 3; // a tare of up to three printed steps
    constexpr int kUlps = 4;
    std::vector<double> tares;
    if (!std::isfinite(sample.force_n)) return tares;
    std::int64_t first_code = sample.raw_counts;
    std::int64_t last_code = sample.raw_counts;
    if (source == CodeSource::Decimal) {
        const double x = sample.force_n / scale * kPowersOfTen[decimals];
        if (!(std::abs(x) < kMaxExactInteger)) return tares;
        first_code = std::llround(x) - kCodeSteps;
        last_code = std::llround(x) + kCodeSteps;
    }
    for (std::int64_t code = first_code; code <= last_code; ++code) {
        const double untared = untared_n(code);
        const double difference = untared - sample.force_n;
        if (!std::isfinite(difference)) continue;
        for (int ulps = -kUlps; ulps <= kUlps; ++ulps) {
            const double tare_n = from_ulp_distance(difference, ulps);
            if (same_bits(untared - tare_n, sample.force_n)) tares.push_back(tare_n);
        }
    }
    return tares;
}

void ForceModel::prepare() {
    inverter_ = fit ? algocal::FitInverter(*fit) : algocal::FitInverter();
}

void ForceModel::write(ByteWriter& out) const {
    out.u8(static_cast<std::uint8_t>(source));
    out.f64(scale);
    out.u8(static_cast<std::uint8_t>(decimals));
    out.u8(fit ? static_cast<std::uint8_t>(fit->degree) : 0);
    if (!fit) return;
    for (const double c : fit->coefficients)
        out.f64(c);
    out.f64(fit->x_min);
    out.f64(fit->x_max);
}

bool ForceModel::read(ByteReader& in) {
    std::uint8_t source_byte = 0;
    std::uint8_t decimals_byte = 0;
    std::uint8_t degree = 0;
    if (!in.u8(source_byte) || !in.f64(scale) || !in.u8(decimals_byte) || !in.u8(degree))
        return false;
    if (source_byte > 1 || decimals_byte > kMaxDecimals || degree > algocal::kMaxFitDegree)
        return false;
    source = static_cast<CodeSource>(source_byte);
    decimals = decimals_byte;
    fit.reset();
    if (degree > 0) {
        algocal::PolynomialFit f;
        f.degree = degree;
        f.coefficients.resize(static_cast<std::size_t>(degree) + 1);
        for (double& c : f.coefficients)
            if (!in.f64(c)) return false;
        if (!in.f64(f.x_min) || !in.f64(f.x_max)) return false;
        fit = std::move(f);
    }
    prepare();
    return true;
}

std::vector<ForceModel> candidate_models(const std::vector<TraceSample>& samples, bool has_counts,
                                         const std::vector<algocal::PolynomialFit>& fits) {
    std::vector<ForceModel> models;
    if (has_counts) {
        for (const auto& f : fits) {
            ForceModel m;
            m.fit = f;
            m.prepare();
            models.push_back(std::move(m));
        }
        if (auto linear = linear_model(samples)) models.push_back(*linear);
    } else if (auto decimal = decimal_model(samples)) {
        models.push_back(*decimal);
    }
    return models;
}

} // namespace algocore::storage::trace_codec
