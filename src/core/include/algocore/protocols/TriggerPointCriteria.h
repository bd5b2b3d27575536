#pragma once
// A trigger point as clinicians examine it, and what the findings make of it. After the
// international Delphi consensus (Fernández-de-las-Peñas C, Dommerholt J. Pain Med 2018;
// 19(1):142-150, doi:10.1093/pm/pnx207): a trigger point needs at least two of a taut band, a
// hypersensitive (tender) spot and referred pain; it is ACTIVE when what is elicited
// reproduces the patient's familiar symptoms (recognised as familiar), LATENT when it does
// not. The local twitch response and the jump sign are recorded as confirmatory signs
// (Simons, Travell & Simons 1999) and do not decide the class. Referred pain counts as
// present when the therapist drew a referral zone.
#include <string>
#include <vector>

#include "algocore/protocols/BodyRegions.h"

namespace algocore::protocols {

/// One examination finding, and what the therapist found at one point in one visit (the
/// stored record's words, algocore/records/TriggerPointRecords.h).
using records::Finding;
using records::TriggerPointExam;
const char* to_string(Finding finding); ///< "not_examined", "absent", "present"
bool parse_finding(const std::string& text, Finding& out);

/// One of the five findings as clinicians name it: key (CSV column, JSON field, the CLI's
/// --option with dashes), the words on screen and the exam's field that holds it.
struct FindingField {
    const char* key;   ///< "taut_band"
    const char* words; ///< "taut band"
    Finding TriggerPointExam::*member;
};
/// The five in the order they are examined: taut band, tender spot, local twitch response,
/// jump sign, reproduces the familiar pain.
const std::vector<FindingField>& finding_fields();

enum class TriggerPointClass {
    Active,         ///< criteria met, reproduces familiar pain
    Latent,         ///< criteria met, does not
    CriteriaNotMet, ///< fewer than two of the three criteria can be present
    NotClassified,  ///< not enough was examined to say
};
const char* to_string(TriggerPointClass c); ///< "active", "latent", "criteria_not_met", ...
/// Words on screen and in reports: "active trigger point", "latent trigger point", ...
const char* to_words(TriggerPointClass c);

TriggerPointClass classify(const TriggerPointExam& exam);

/// The findings in words, present first: "present: taut band, tender spot; absent: jump
/// sign; not examined: local twitch response, reproduces the familiar pain".
std::string findings_words(const TriggerPointExam& exam);

/// Why an examination cannot be recorded (a region of its zone that the body map does not
/// have), empty when it can.
std::string check_exam(const TriggerPointExam& exam);

/// Where the criteria come from, one line for documents and exports.
inline constexpr const char* kTriggerPointCriteriaSource =
    "Fernandez-de-las-Penas & Dommerholt 2018 (Delphi consensus, Pain Med 19:142-150): at "
    "least 2 of taut band, tender spot, referred pain; active = reproduces familiar pain";

} // namespace algocore::protocols
