#include "algocore/session/Visit.h"

#include <cmath>

#include "algocore/storage/NameRule.h"

namespace algocore::session {

namespace {

constexpr double kMinProbeCm2 = 0.01;
constexpr double kMaxProbeCm2 = 10.0;

} // namespace

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

std::string check_visit(const Visit& visit) {
    if (trimmed(visit.subject_code).empty()) return "enter a pseudonymous subject code";
    if (auto bad = storage::check_record_name(visit.subject_code, "the subject code"); !bad.empty())
        return bad;
    if (auto bad = storage::check_record_name(visit.operator_name, "the operator's name");
        !bad.empty())
        return bad;
    if (!std::isfinite(visit.probe_cm2) || visit.probe_cm2 < kMinProbeCm2 ||
        visit.probe_cm2 > kMaxProbeCm2)
        return "the probe area must be between 0.01 and 10 cm²";
    return {};
}

} // namespace algocore::session
