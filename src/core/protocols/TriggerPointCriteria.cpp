#include "algocore/protocols/TriggerPointCriteria.h"

namespace algocore::protocols {

const char* to_string(Finding finding) {
    switch (finding) {
    case Finding::NotExamined: return "not_examined";
    case Finding::Absent: return "absent";
    case Finding::Present: return "present";
    }
    return "unknown";
}

bool parse_finding(const std::string& text, Finding& out) {
    for (Finding f : {Finding::NotExamined, Finding::Absent, Finding::Present}) {
        if (text == to_string(f)) {
            out = f;
            return true;
        }
    }
    return false;
}

const std::vector<FindingField>& finding_fields() {
    static const std::vector<FindingField> kFields = {
        {"taut_band", "taut band", &TriggerPointExam::taut_band},
        {"tender_spot", "tender spot", &TriggerPointExam::tender_spot},
        {"local_twitch_response", "local twitch response", &TriggerPointExam::local_twitch},
        {"jump_sign", "jump sign", &TriggerPointExam::jump_sign},
        {"familiar_pain", "reproduces the familiar pain", &TriggerPointExam::familiar_pain},
    };
    return kFields;
}

const char* to_string(TriggerPointClass c) {
    switch (c) {
    case TriggerPointClass::Active: return "active";
    case TriggerPointClass::Latent: return "latent";
    case TriggerPointClass::CriteriaNotMet: return "criteria_not_met";
    case TriggerPointClass::NotClassified: return "not_classified";
    }
    return "unknown";
}

const char* to_words(TriggerPointClass c) {
    switch (c) {
    case TriggerPointClass::Active: return "active trigger point";
    case TriggerPointClass::Latent: return "latent trigger point";
    case TriggerPointClass::CriteriaNotMet: return "criteria not met";
    case TriggerPointClass::NotClassified: return "not classified";
    }
    return "unknown";
}

TriggerPointClass classify(const TriggerPointExam& exam) {
    const bool referral = !exam.referral.empty();
    int present = referral ? 1 : 0;
    int unknown = 0;
    for (Finding f : {exam.taut_band, exam.tender_spot}) {
        if (f == Finding::Present) ++present;
        if (f == Finding::NotExamined) ++unknown;
    }
    if (present >= 2) {
        if (exam.familiar_pain == Finding::Present) return TriggerPointClass::Active;
        if (exam.familiar_pain == Finding::Absent) return TriggerPointClass::Latent;
        return TriggerPointClass::NotClassified;
    }
    // Could the criteria still be met by what was not examined?
    return present + unknown >= 2 ? TriggerPointClass::NotClassified
                                  : TriggerPointClass::CriteriaNotMet;
}

std::string findings_words(const TriggerPointExam& exam) {
    std::string out;
    for (Finding kind : {Finding::Present, Finding::Absent, Finding::NotExamined}) {
        std::string names;
        for (const FindingField& field : finding_fields())
            if (exam.*field.member == kind)
                names += (names.empty() ? "" : ", ") + std::string(field.words);
        if (names.empty()) continue;
        const char* title = kind == Finding::Present  ? "present: "
                            : kind == Finding::Absent ? "absent: "
                                                      : "not examined: ";
        out += (out.empty() ? "" : "; ") + std::string(title) + names;
    }
    return out;
}

std::string check_exam(const TriggerPointExam& exam) {
    for (const RegionRef& region : exam.referral) {
        if (!find_region(region.key)) return "the body map has no region '" + region.key + "'";
        if (region.side == records::BodySide::Midline)
            return "a region is on the left or the right side, not the midline ('" + region.key +
                   "')";
    }
    return {};
}

} // namespace algocore::protocols
