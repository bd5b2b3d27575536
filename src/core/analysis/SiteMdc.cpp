#include "algocore/analysis/SiteMdc.h"

#include <cstdio>

namespace algocore::analysis {

SiteMdc site_mdc_from_reliability(const ReliabilityResult& result, const std::string& site_key,
                                  const std::string& site_name, storage::BodySide side,
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

void use_site_mdc(protocols::MdcTable& table, const SiteMdc& mdc) {
    table.set(mdc.site_key, mdc.mdc95_kpa);
    if (!mdc.site_name.empty()) table.set(mdc.site_name, mdc.mdc95_kpa);
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
