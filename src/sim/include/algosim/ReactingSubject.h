#pragma once
// The subject of a reaction-time test: when the device's cue goes on, they press the patient
// button after a reaction time drawn from a normal distribution (mean and standard
// deviation as given by --reaction-ms MEAN[:SD]) and let go of it a moment later.
#include <cstdint>
#include <optional>
#include <string>

#include "algosim/SeededRandom.h"

namespace algosim {

/// How fast the simulated subject reacts to a cue.
struct ReactionTime {
    double mean_ms = 250.0; ///< a typical simple visual reaction time
    double sd_ms = 0.0;     ///< 0: every reaction takes exactly mean_ms
};

/// Parses "MEAN" or "MEAN:SD" in milliseconds (mean 50..2000, SD 0..500); empty string when
/// it is good, else what is wrong.
std::string parse_reaction_time(const std::string& text, ReactionTime& out);

/// Answers cues with patient-button presses; deterministic for a seed.
class ReactingSubject {
public:
    /// How long the subject keeps the button down (well above the 20 ms debounce).
    static constexpr std::uint64_t kHoldUs = 200'000;

    ReactingSubject(const ReactionTime& reaction, std::uint64_t seed);

    /// The cue went on at scenario time t_us. A cue while an answer is still pending or the
    /// button is held is not noticed (the subject is busy answering the last one).
    void cue(std::uint64_t t_us);
    /// True while the subject holds the patient button down.
    bool pressing(std::uint64_t t_us) const;
    /// The reaction time drawn for the latest cue, in µs (for tests).
    std::optional<std::uint64_t> last_reaction_us() const { return last_reaction_us_; }

private:
    ReactionTime reaction_;
    SeededRandom random_;
    std::optional<std::uint64_t> press_at_us_;
    std::optional<std::uint64_t> last_reaction_us_;
};

} // namespace algosim
