#pragma once
// A site's own minimal detectable change, computed from the lab's reliability data, with its
// provenance, so it can replace the literature default in change verdicts and anyone can see
// where the number came from.
#include <string>

#include "algocore/analysis/IntraclassCorrelation.h"
#include "algocore/analysis/ReliabilityAnalysis.h"
#include "algocore/protocols/SiteComparison.h"
#include "algocore/records/Records.h"

namespace algocore::analysis {

/// MDC95 of one site and side, and how it was obtained.
struct SiteMdc {
    std::string site_key;
    std::string site_name; ///< display name (change verdicts look sites up by name today)
    records::BodySide side = records::BodySide::Left;
    double mdc95_kpa = 0.0;
    double sem_kpa = 0.0;
    std::string sem_formula; ///< e.g. "SEM = sqrt(MSE), ..."
    IccForm icc_form = IccForm::Icc2_1;
    double icc = 0.0; ///< that form's estimate, for the record
    int n_subjects = 0;
    int n_raters = 0;
    std::string raters_are;   ///< "operator" or "session"
    std::string computed_utc; ///< ISO 8601
    std::string source;       ///< what data: database file, CSV, query
};

/// The SiteMdc of a reliability result (readings in kPa). icc_form names the ICC reported
/// beside it (the SEM itself follows the result's sem_formula).
SiteMdc site_mdc_from_reliability(const ReliabilityResult& result, const std::string& site_key,
                                  const std::string& site_name, records::BodySide side,
                                  IccForm icc_form, const std::string& raters_are,
                                  const std::string& computed_utc, const std::string& source);

/// The row the storage keeps (site_mdc): the MDC, its SEM and ICC form, and a provenance
/// line naming the data, the raters and the SEM formula. for_both_sides stores it for both
/// sides of the site instead of mdc.side. computed_utc may be empty (the storage stamps it).
records::SiteMdcRecord to_record(const SiteMdc& mdc, bool for_both_sides = false);

/// One line for a report: "MDC95 47.1 kPa (SEM 17.0 kPa, ICC(2,1) 0.89, 20 subjects x 2
/// sessions, 2026-11-23T19:30:00Z, study.sqlite)".
std::string describe(const SiteMdc& mdc);

} // namespace algocore::analysis
