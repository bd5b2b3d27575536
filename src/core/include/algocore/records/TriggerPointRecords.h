#pragma once
// A trigger point as the therapist examined it in one visit: the five findings and the
// referred-pain zone drawn on the body map (as named regions). What the findings make of the
// point (active, latent, ...) is protocols::classify's rule, never stored beside it.
#include <string>
#include <vector>

#include "algocore/records/Records.h"

namespace algocore::records {

/// One examination finding: not examined, absent or present.
enum class Finding { NotExamined, Absent, Present };

/// A body-map region (protocols::body_regions, by key) on one side of the subject: what a
/// referral zone is made of.
struct RegionRef {
    std::string key;
    BodySide side = BodySide::Left;
    bool operator==(const RegionRef& other) const = default;
};

/// What the therapist found at one point in one visit.
struct TriggerPointExam {
    Finding taut_band = Finding::NotExamined;
    Finding tender_spot = Finding::NotExamined;  ///< hypersensitive spot in the band
    Finding local_twitch = Finding::NotExamined; ///< local twitch response
    Finding jump_sign = Finding::NotExamined;
    Finding familiar_pain = Finding::NotExamined; ///< reproduces the patient's familiar pain
    std::vector<RegionRef> referral;              ///< the referred-pain zone, as regions
    bool operator==(const TriggerPointExam& other) const = default;
};

/// A stored examination of a point in a session. Append-only: examining the point again in
/// the visit stores a new record, and the newest of a session, site and side is the visit's.
struct TriggerPointFindings {
    RecordId id = kNoRecord;
    RecordId session_id = kNoRecord;
    RecordId site_id = kNoRecord;
    BodySide side = BodySide::Left;
    std::string examined_utc; ///< when it was recorded (ISO 8601 UTC)
    TriggerPointExam exam;
    std::string uuid = {}; ///< global identity, see RecordId
};

} // namespace algocore::records
