#include "algocore/analysis/ReferenceComparison.h"

#include <cmath>
#include <cstdio>

namespace algocore::analysis {

namespace {

std::string key(std::string text) {
    for (char& c : text) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (c == ' ') c = '_';
    }
    return text;
}

// "30-39" -> {30, 39}; false when not a band.
bool parse_band(const std::string& text, int& low, int& high) {
    return std::sscanf(text.c_str(), "%d-%d", &low, &high) == 2 && low <= high;
}

// A row's age band covers the subject's when equal, "any", or a wider band containing it.
bool age_matches(const std::string& row_band, const std::string& subject_band) {
    if (row_band == "any") return true;
    if (subject_band.empty()) return false;
    if (row_band == subject_band) return true;
    int row_low = 0, row_high = 0, low = 0, high = 0;
    return parse_band(row_band, row_low, row_high) && parse_band(subject_band, low, high) &&
           row_low <= low && high <= row_high;
}

bool within(double value, double reference, double tolerance) {
    return std::fabs(value - reference) <= tolerance * reference;
}

std::string format(const char* pattern, double a, double b) {
    char text[160];
    std::snprintf(text, sizeof text, pattern, a, b);
    return text;
}

} // namespace

std::string cite(const ReferenceEntry& e) {
    char detail[160];
    std::snprintf(detail, sizeof detail, " (n = %d, probe %g cm2, ramp %g kPa/s)", e.n, e.probe_cm2,
                  e.ramp_kpa_s);
    return e.source + ", " + e.table + detail;
}

ReferenceComparison compare_with_reference(const std::vector<ReferenceEntry>& entries,
                                           const ReferenceQuery& query) {
    ReferenceComparison out;
    const ReferenceEntry* best = nullptr;
    int best_score = -1;
    bool any_site = false;
    for (const ReferenceEntry& e : entries) {
        if (key(e.site) != key(query.site)) continue;
        any_site = true;
        if (e.sex != "any" && e.sex != query.sex) continue;
        if (!age_matches(e.age_band, query.age_band)) continue;
        // Prefer rows stratified like the subject over pooled ("any") rows.
        const int score = (e.sex != "any" ? 2 : 0) + (e.age_band != "any" ? 1 : 0);
        if (score > best_score) {
            best = &e;
            best_score = score;
        }
    }
    if (!any_site) {
        out.reason = "no reference table for the site '" + query.site + "'";
        return out;
    }
    if (!best) {
        out.reason = "no reference row for this sex and age band at '" + query.site +
                     "' (sex and age band must be recorded, or the table must pool them)";
        return out;
    }
    out.entry = *best;
    out.citation = cite(*best);
    if (!within(query.probe_cm2, best->probe_cm2, kProbeAreaTolerance)) {
        out.reason = format("probe %g cm2 does not match the reference's %g cm2 (within 5 %%)",
                            query.probe_cm2, best->probe_cm2);
        return out;
    }
    if (!within(query.ramp_kpa_s, best->ramp_kpa_s, kRampRateTolerance)) {
        out.reason = format("ramp %g kPa/s does not match the reference's %g kPa/s (within 10 %%)",
                            query.ramp_kpa_s, best->ramp_kpa_s);
        return out;
    }
    if (!(query.ppt_kpa > 0.0)) {
        out.reason = "no positive PPT to compare";
        return out;
    }
    out.shown = true;
    if (best->log_normal) {
        const double z =
            (std::log10(query.ppt_kpa) - best->log_normal->log10_mean) / best->log_normal->log10_sd;
        out.z = z;
        out.z_dfns = -z;
        out.percentile = 100.0 * 0.5 * std::erfc(-z / std::sqrt(2.0));
    }
    if (best->quartiles) {
        const QuartileReference& q = *best->quartiles;
        out.quartile_band = query.ppt_kpa < q.q1_kpa       ? "below Q1"
                            : query.ppt_kpa < q.median_kpa ? "Q1 to median"
                            : query.ppt_kpa <= q.q3_kpa    ? "median to Q3"
                                                           : "above Q3";
    }
    return out;
}

} // namespace algocore::analysis
