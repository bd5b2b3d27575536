#include "algocore/export/FindingsJson.h"

#include <cmath>

#include "algocore/protocols/TriggerPointCriteria.h"

namespace algocore::exporting {

nlohmann::json findings_json(const records::TriggerPointFindings& f, const std::string& site_key) {
    nlohmann::json j = {{"findings_id", f.id},
                        {"session_id", f.session_id},
                        {"site_id", f.site_id},
                        {"site", site_key},
                        {"side", records::to_letter(f.side)},
                        {"examined_utc", f.examined_utc}};
    for (const protocols::FindingField& field : protocols::finding_fields())
        j[field.key] = protocols::to_string(f.exam.*field.member);
    j["classification"] = protocols::to_string(protocols::classify(f.exam));
    nlohmann::json zone = nlohmann::json::array();
    const auto ordered = protocols::ordered_zone(f.exam.referral);
    for (const records::RegionRef& region : ordered)
        zone.push_back(protocols::region_code(region));
    j["referral_zone"] = zone;
    j["referral_regions"] = ordered.size();
    // Two decimals: the share is a size to compare across visits, not a measurement.
    j["referral_share_pct"] = std::round(protocols::zone_share_pct(ordered) * 100.0) / 100.0;
    return j;
}

} // namespace algocore::exporting
