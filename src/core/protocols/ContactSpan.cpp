#include "algocore/protocols/ContactSpan.h"

#include <algorithm>

#include "algocore/protocols/ProbeContact.h"

namespace algocore::protocols {

bool in_contact(const Sample& sample) {
    return sample.pressure_kpa >= kProbeOnSkinKpa;
}

std::optional<ContactSpan> contact_span(const std::vector<Sample>& trace) {
    const auto first = std::find_if(trace.begin(), trace.end(), in_contact);
    if (first == trace.end()) return std::nullopt;
    const auto last = std::find_if(trace.rbegin(), trace.rend(), in_contact);
    return ContactSpan{static_cast<std::size_t>(first - trace.begin()),
                       static_cast<std::size_t>(trace.rend() - last) - 1};
}

std::vector<Sample> contact_samples(const std::vector<Sample>& trace) {
    const auto span = contact_span(trace);
    if (!span) return {};
    return {trace.begin() + static_cast<std::ptrdiff_t>(span->first),
            trace.begin() + static_cast<std::ptrdiff_t>(span->last) + 1};
}

} // namespace algocore::protocols
