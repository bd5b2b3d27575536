#include "algocore/session/Visit.h"

#include <cmath>

namespace algocore::session {

namespace {

constexpr std::size_t kMaxNameLength = 64;
constexpr double kMinProbeCm2 = 0.01;
constexpr double kMaxProbeCm2 = 10.0;

bool has_control_characters(const std::string& text) {
    for (unsigned char c : text)
        if (c < 0x20 || c == 0x7f) return true;
    return false;
}

std::string check_name(const std::string& text, const char* what) {
    if (text.size() > kMaxNameLength) return std::string(what) + " is longer than 64 characters";
    if (has_control_characters(text)) return std::string(what) + " contains control characters";
    return {};
}

} // namespace

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

std::string check_visit(const Visit& visit) {
    if (trimmed(visit.subject_code).empty()) return "enter a pseudonymous subject code";
    if (auto bad = check_name(visit.subject_code, "the subject code"); !bad.empty()) return bad;
    if (auto bad = check_name(visit.operator_name, "the operator's name"); !bad.empty()) return bad;
    if (!std::isfinite(visit.probe_cm2) || visit.probe_cm2 < kMinProbeCm2 ||
        visit.probe_cm2 > kMaxProbeCm2)
        return "the probe area must be between 0.01 and 10 cm²";
    return {};
}

} // namespace algocore::session
