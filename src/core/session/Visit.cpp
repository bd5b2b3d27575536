#include "algocore/session/Visit.h"

#include <cmath>

#include "algocal/ProbeArea.h"
#include "algocore/storage/NameRule.h"

namespace algocore::session {

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

std::string check_visit(const Visit& visit) {
    if (trimmed(visit.subject_code).empty()) return "enter a pseudonymous subject code";
    if (auto bad = storage::check_subject_code(visit.subject_code); !bad.empty()) return bad;
    if (auto bad = storage::check_record_name(visit.operator_name, "the operator's name");
        !bad.empty())
        return bad;
    if (!algocal::probe_area_in_range(visit.probe_cm2))
        return "the probe area must be " + algocal::probe_area_range_text();
    return {};
}

} // namespace algocore::session
