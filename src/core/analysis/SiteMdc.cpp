#include "algocore/analysis/SiteMdc.h"

#include <cstdio>

namespace algocore::analysis {

SiteMdc site_mdc_from_reliability(const ReliabilityResult& result, const std::string& site_key,
                                  const std::string& site_name, records::BodySide side,
                                  IccForm icc_form, const std::string& raters_are,
                                  const std::string& computed_utc, const std::string& source) {
    SiteMdc mdc;
    mdc.site_key = site_key;
    mdc.site_name = site_name;
    mdc.side = side;
    mdc.mdc95_kpa = result.mdc95;
    mdc.sem_kpa = result.sem;
    mdc.sem_formula = result.sem_formula;
    mdc.icc_form = icc_form;
    mdc.icc = result.icc[icc_form].icc;
    mdc.n_subjects = result.n_subjects;
    mdc.n_raters = result.n_raters;
    mdc.raters_are = raters_are;
    mdc.computed_utc = computed_utc;
    mdc.source = source;
    return mdc;
}

records::SiteMdcRecord to_record(const SiteMdc& mdc, bool for_both_sides) {
    records::SiteMdcRecord r;
    r.site_key = mdc.site_key;
    if (!for_both_sides) r.side = mdc.side;
    r.mdc_kpa = mdc.mdc95_kpa;
    r.sem_kpa = mdc.sem_kpa;
    r.icc_form = to_string(mdc.icc_form);
    r.n_subjects = mdc.n_subjects;
    r.computed_utc = mdc.computed_utc;
    char text[512];
    std::snprintf(text, sizeof text,
                  "%s %.2f, %d subjects x %d %ss, %s; MDC95 = 1.96 * sqrt(2) * SEM; %s",
                  to_string(mdc.icc_form), mdc.icc, mdc.n_subjects, mdc.n_raters,
                  mdc.raters_are.c_str(), mdc.sem_formula.c_str(), mdc.source.c_str());
    r.source = text;
    return r;
}

std::string describe(const SiteMdc& mdc) {
    char text[512];
    std::snprintf(
        text, sizeof text, "MDC95 %.1f kPa (SEM %.1f kPa, %s %.2f, %d subjects x %d %ss, %s, %s)",
        mdc.mdc95_kpa, mdc.sem_kpa, to_string(mdc.icc_form), mdc.icc, mdc.n_subjects, mdc.n_raters,
        mdc.raters_are.c_str(), mdc.computed_utc.c_str(), mdc.source.c_str());
    return text;
}

} // namespace algocore::analysis
