#pragma once
// The one place a site's minimal detectable change (MDC) is looked up for a "real change"
// verdict, with where the number came from. A lab's own MDC (from its reliability data) wins
// when a provider knows one; otherwise the built-in default: the one built-in table
// (protocols/BuiltinMdc, by site key), a custom site's own value, or the general fallback. Every
// verdict made through judge_change() below carries the provenance written here, so the History
// page, the CLI, the report and the Thresholds page all say the same thing about the same MDC.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "algocore/protocols/SiteComparison.h"
#include "algocore/records/Records.h"
#include "algocore/records/SubjectRecords.h"

namespace algocore::history {

/// Where an MDC came from.
enum class MdcOrigin { ThisLab, BuiltInDefault };
/// "this lab", "built-in default".
const char* to_string(MdcOrigin origin);
/// A short label for a cell or a line beside the number: "this lab", "built-in".
const char* short_label(MdcOrigin origin);

/// An MDC with its provenance.
struct MdcValue {
    double mdc_kpa = 0.0;
    MdcOrigin origin = MdcOrigin::BuiltInDefault;
    /// One line: "built-in default (Walton et al. 2011)", "this lab (2026-11-23): ICC(2,1) 0.89,
    /// …".
    std::string provenance;
};

/// A lab's own MDC for a site and side (for example from a stored site_mdc table), or nullopt.
using LabMdcProvider =
    std::function<std::optional<MdcValue>(const records::Site& site, records::BodySide side)>;

/// The built-in default MDC of a site (never the lab's).
MdcValue builtin_mdc(const records::Site& site);

/// A stored site_mdc row as an MDC of this lab, its provenance naming the row's source and
/// the day it was computed.
MdcValue lab_mdc(const records::SiteMdcRecord& row);

/// A provider answering from stored site_mdc rows as Storage::site_mdc does: for a site and
/// side the newest row saved for that side, else the newest saved for both sides.
LabMdcProvider lab_mdc_from(std::vector<records::SiteMdcRecord> rows);

/// The MDC a verdict uses: the lab's when the provider has one, else the built-in default.
class MdcLookup {
public:
    MdcLookup() = default;
    explicit MdcLookup(LabMdcProvider lab) : lab_(std::move(lab)) {}
    /// The lab's MDC from stored rows (lab_mdc_from), the built-in default elsewhere.
    static MdcLookup from_rows(std::vector<records::SiteMdcRecord> rows);
    /// The lab's MDC stored for the subject's sites (SubjectRecords::site_mdc).
    static MdcLookup from_records(const records::SubjectRecords& records);

    MdcValue mdc(const records::Site& site, records::BodySide side) const;

private:
    LabMdcProvider lab_;
};

/// The change from previous_kpa to current_kpa judged against mdc; its mdc_source is the
/// MDC's provenance.
protocols::ThresholdChange judge_change(double previous_kpa, double current_kpa,
                                        const MdcValue& mdc);

} // namespace algocore::history
