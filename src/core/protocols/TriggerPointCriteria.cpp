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

} // namespace algocore::protocols
