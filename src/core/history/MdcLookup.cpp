#include "algocore/history/MdcLookup.h"

#include "algocore/history/PressureFormat.h"
#include "algocore/protocols/BuiltinMdc.h"
#include "algocore/storage/SiteLibrary.h"

namespace algocore::history {

namespace {

// The row of `rows` in force at a site and side: the side's own newest row, else the newest
// row for both sides. Newest is the highest id (rows are append-only), so the answer does
// not depend on the order the rows were given in.
const records::SiteMdcRecord* in_force(const std::vector<records::SiteMdcRecord>& rows,
                                       const std::string& site_key, records::BodySide side) {
    const records::SiteMdcRecord* own = nullptr;
    const records::SiteMdcRecord* both = nullptr;
    for (const records::SiteMdcRecord& row : rows) {
        if (row.site_key != site_key || (row.side && *row.side != side)) continue;
        const records::SiteMdcRecord*& slot = row.side ? own : both;
        if (!slot || row.id > slot->id) slot = &row;
    }
    return own ? own : both;
}

} // namespace

const char* to_string(MdcOrigin origin) {
    return origin == MdcOrigin::ThisLab ? "this lab" : "built-in default";
}

const char* short_label(MdcOrigin origin) {
    return origin == MdcOrigin::ThisLab ? "this lab" : "built-in";
}

MdcValue builtin_mdc(const records::Site& site) {
    MdcValue v;
    v.origin = MdcOrigin::BuiltInDefault;
    // The one built-in table (by the site's key, or the key its name makes) decides first, so
    // a database seeded with an older library value says the same as a new one. A custom site
    // with an MDC of its own keeps it; any other site gets the general fallback.
    const std::string key = site.key.empty() ? storage::site_key_from_name(site.name) : site.key;
    if (const auto builtin = protocols::builtin_mdc_of(key)) {
        v.mdc_kpa = builtin->mdc_kpa;
        v.provenance = std::string("built-in default (") + builtin->source + ")";
    } else if (site.mdc_kpa > 0.0) {
        v.mdc_kpa = site.mdc_kpa;
        v.provenance = "built-in default (site record)";
    } else {
        v.mdc_kpa = protocols::kFallbackMdcKpa;
        v.provenance = "built-in default (fallback " + fixed(v.mdc_kpa, 0) + " kPa)";
    }
    return v;
}

MdcValue lab_mdc(const records::SiteMdcRecord& row) {
    MdcValue v;
    v.mdc_kpa = row.mdc_kpa;
    v.origin = MdcOrigin::ThisLab;
    // The day is enough to tell one saved MDC from the next; the source names the data.
    const std::string day = row.computed_utc.substr(0, 10);
    v.provenance = std::string(to_string(MdcOrigin::ThisLab)) +
                   (day.empty() ? "" : " (" + day + ")") + ": " + row.source;
    return v;
}

LabMdcProvider lab_mdc_from(std::vector<records::SiteMdcRecord> rows) {
    return [rows = std::move(rows)](const records::Site& site,
                                    records::BodySide side) -> std::optional<MdcValue> {
        if (const records::SiteMdcRecord* row = in_force(rows, site.key, side))
            return lab_mdc(*row);
        return std::nullopt;
    };
}

MdcLookup MdcLookup::from_rows(std::vector<records::SiteMdcRecord> rows) {
    return MdcLookup(lab_mdc_from(std::move(rows)));
}

MdcLookup MdcLookup::from_records(const records::SubjectRecords& records) {
    return from_rows(records.site_mdc);
}

MdcValue MdcLookup::mdc(const records::Site& site, records::BodySide side) const {
    if (lab_) {
        if (auto own = lab_(site, side); own && own->mdc_kpa > 0.0) {
            own->origin = MdcOrigin::ThisLab;
            return *own;
        }
    }
    return builtin_mdc(site);
}

protocols::ThresholdChange judge_change(double previous_kpa, double current_kpa,
                                        const MdcValue& mdc) {
    protocols::ThresholdChange change =
        protocols::judge_change(previous_kpa, current_kpa, mdc.mdc_kpa);
    change.mdc_source = mdc.provenance;
    return change;
}

} // namespace algocore::history
