#pragma once
// One JSON shape for a point's stored trigger-point findings, written by this one function
// wherever findings leave Algoscope as JSON (`algoscope-cli findings set` and `findings list`,
// `history --json`, the JSON export). Field names match findings.csv.
#include <nlohmann/json.hpp>
#include <string>

#include "algocore/records/TriggerPointRecords.h"

namespace algocore::exporting {

/// The findings as JSON: findings_id, session_id, site_id, site (its key), side,
/// examined_utc, the five findings (taut_band, tender_spot, local_twitch_response, jump_sign,
/// familiar_pain: "present", "absent" or "not_examined"), classification ("active", "latent",
/// "criteria_not_met" or "not_classified", protocols::classify), referral_zone (region codes,
/// "temple:L"), referral_regions (how many) and referral_share_pct (of the body map).
nlohmann::json findings_json(const records::TriggerPointFindings& findings,
                             const std::string& site_key);

} // namespace algocore::exporting
