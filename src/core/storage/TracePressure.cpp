// Pressures of the trace blob: recomputed from each sample's force and the probe area with
// the Calibrator's own formula (algocal::pressure_from_force); a pressure it does not
// reproduce is stored as its ulp distance from that prediction. The area is the one the
// caller names (the trial's probe) or, if that reproduces nothing, one found from the samples.
#include <cmath>

#include "TraceCodec.h"
#include "algocal/Units.h"

namespace algocore::storage::trace_codec {

using namespace trace_bytes;

namespace {

double predicted_kpa(double force_n, double area_cm2, double previous_kpa) {
    if (area_cm2 == 0.0) return previous_kpa;
    return algocal::pressure_from_force(algocal::Newtons{force_n}, area_cm2).value;
}

// Pressures (of up to 256 samples spread over the trace) the area reproduces.
int fit_count(double area_cm2, const std::vector<TraceSample>& s) {
    const std::size_t step = s.size() / 256 + 1;
    int fits = 0;
    for (std::size_t i = 0; i < s.size(); i += step)
        fits += same_bits(predicted_kpa(s[i].force_n, area_cm2, 0.0), s[i].pressure_kpa) ? 1 : 0;
    return fits;
}

std::vector<double> candidate_areas(const std::vector<TraceSample>& s, double hint_cm2) {
    std::vector<double> areas;
    if (std::isfinite(hint_cm2) && hint_cm2 > 0.0) areas.push_back(hint_cm2);
    areas.push_back(algocal::kStandardProbeAreaCm2);
    // From the first few samples with a force and a pressure: area = force / pressure × 10,
    // and the neighbouring doubles, since the division rounded.
    int found = 0;
    for (std::size_t i = 0; i < s.size() && found < 3; ++i) {
        const double estimate = s[i].force_n / s[i].pressure_kpa * 10.0;
        if (!std::isfinite(estimate) || !(estimate > 0.0)) continue;
        ++found;
        for (int ulps = -2; ulps <= 2; ++ulps)
            areas.push_back(from_ulp_distance(estimate, ulps));
    }
    return areas;
}

} // namespace

void write_pressures(ByteWriter& out, const std::vector<TraceSample>& s, const TraceHints& hints) {
    double area_cm2 = 0.0;
    int best = 0;
    for (const double candidate : candidate_areas(s, hints.probe_area_cm2)) {
        const int fits = fit_count(candidate, s);
        if (fits > best) {
            best = fits;
            area_cm2 = candidate;
        }
    }
    out.f64(area_cm2);
    std::vector<Miss> misses;
    double previous_kpa = 0.0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const double predicted = predicted_kpa(s[i].force_n, area_cm2, previous_kpa);
        if (!same_bits(predicted, s[i].pressure_kpa))
            misses.push_back({i, ulp_distance(s[i].pressure_kpa, predicted)});
        previous_kpa = s[i].pressure_kpa;
    }
    write_misses(out, misses);
}

bool read_pressures(ByteReader& in, std::vector<TraceSample>& s) {
    double area_cm2 = 0.0;
    std::vector<Miss> misses;
    if (!in.f64(area_cm2) || !read_misses(in, s.size(), misses)) return false;
    std::size_t miss = 0;
    double previous_kpa = 0.0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        double kpa = predicted_kpa(s[i].force_n, area_cm2, previous_kpa);
        if (miss < misses.size() && misses[miss].index == i)
            kpa = from_ulp_distance(kpa, misses[miss++].distance);
        s[i].pressure_kpa = kpa;
        previous_kpa = kpa;
    }
    return true;
}

} // namespace algocore::storage::trace_codec
