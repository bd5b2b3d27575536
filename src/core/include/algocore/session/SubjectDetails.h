#pragma once
// What a subject carries besides its pseudonymous code (what reference norms need): sex, age
// band and dominant side, with the words allowed for each. One vocabulary for the subject
// form, `algoscope-cli subjects set`, the correction engine and the export.
#include <optional>
#include <string>
#include <vector>

#include "algocore/records/Records.h"

namespace algocore::session {

/// A subject's details; an empty optional is "not recorded".
struct SubjectDetails {
    std::optional<std::string> sex;
    std::optional<std::string> age_band;
    std::optional<records::BodySide> dominant_side;

    /// The details stored with a subject.
    static SubjectDetails of(const records::Subject& subject);
    bool operator==(const SubjectDetails&) const = default;
};

/// The sexes a subject can be recorded with: "female", "male", "other".
const std::vector<std::string>& subject_sexes();
/// The age bands: "18-29", "30-39", "40-49", "50-59", "60-69", "70+".
const std::vector<std::string>& subject_age_bands();

/// Empty when every recorded detail uses the vocabulary above (and the dominant side is
/// left or right), else a sentence naming the first that does not.
std::string check_subject_details(const SubjectDetails& details);

} // namespace algocore::session
