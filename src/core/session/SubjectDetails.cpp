#include "algocore/session/SubjectDetails.h"

#include <algorithm>

namespace algocore::session {

namespace {
std::string listed(const std::vector<std::string>& words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i)
        out += (i == 0 ? "" : i + 1 == words.size() ? " or " : ", ") + words[i];
    return out;
}

bool known(const std::vector<std::string>& words, const std::string& word) {
    return std::find(words.begin(), words.end(), word) != words.end();
}
} // namespace

SubjectDetails SubjectDetails::of(const records::Subject& subject) {
    return {subject.sex, subject.age_band, subject.dominant_side};
}

const std::vector<std::string>& subject_sexes() {
    static const std::vector<std::string> kSexes = {"female", "male", "other"};
    return kSexes;
}

const std::vector<std::string>& subject_age_bands() {
    static const std::vector<std::string> kBands = {"18-29", "30-39", "40-49",
                                                    "50-59", "60-69", "70+"};
    return kBands;
}

std::string check_subject_details(const SubjectDetails& d) {
    if (d.sex && !known(subject_sexes(), *d.sex))
        return "sex must be " + listed(subject_sexes()) + " (or not recorded), not '" + *d.sex +
               "'";
    if (d.age_band && !known(subject_age_bands(), *d.age_band))
        return "the age band must be " + listed(subject_age_bands()) + " (or not recorded), not '" +
               *d.age_band + "'";
    if (d.dominant_side && *d.dominant_side == records::BodySide::Midline)
        return "the dominant side must be left or right (or not recorded)";
    return {};
}

} // namespace algocore::session
