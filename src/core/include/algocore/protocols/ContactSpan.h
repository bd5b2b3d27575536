#pragma once
// Where the probe is on the skin in a trace: from the first sample at or above the contact
// pressure (kProbeOnSkinKpa, ProbeContact.h) to the last one. Training aligns an attempt with
// the expert's template at that first contact, so a student who starts a second later is not
// scored for the second; the template's idle head and tail (before the expert touches, after
// the expert lifts) are not part of the exercise.
#include <cstddef>
#include <optional>
#include <vector>

#include "algocore/Sample.h"

namespace algocore::protocols {

/// Indices into a trace, both inclusive.
struct ContactSpan {
    std::size_t first = 0; ///< the first sample at or above the contact pressure (onset)
    std::size_t last = 0;  ///< the last sample at or above it
};

/// True when the probe presses on the skin in this sample.
bool in_contact(const Sample& sample);

/// The span in contact, or nullopt when the probe never touched.
std::optional<ContactSpan> contact_span(const std::vector<Sample>& trace);

/// The samples of the span in contact (empty when the probe never touched).
std::vector<Sample> contact_samples(const std::vector<Sample>& trace);

} // namespace algocore::protocols
