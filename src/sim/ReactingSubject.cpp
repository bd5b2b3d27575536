#include "algosim/ReactingSubject.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace algosim {
namespace {

// Separates the reaction draws from the noise, tremor and fault streams of the same seed.
constexpr std::uint64_t kReactionStream = 7;
constexpr double kMinMeanMs = 50.0;
constexpr double kMaxMeanMs = 2000.0;
constexpr double kMaxSdMs = 500.0;

bool parse_ms(const std::string& text, double& out) {
    if (text.empty()) return false;
    errno = 0;
    char* end = nullptr;
    out = std::strtod(text.c_str(), &end);
    return errno == 0 && end == text.c_str() + text.size() && std::isfinite(out);
}

} // namespace

std::string parse_reaction_time(const std::string& text, ReactionTime& out) {
    const auto colon = text.find(':');
    ReactionTime parsed;
    if (!parse_ms(text.substr(0, colon), parsed.mean_ms))
        return "the reaction time must be MEAN or MEAN:SD in milliseconds (got \"" + text + "\")";
    if (colon != std::string::npos && !parse_ms(text.substr(colon + 1), parsed.sd_ms))
        return "the reaction time's SD must be a number of milliseconds (got \"" + text + "\")";
    if (parsed.mean_ms < kMinMeanMs || parsed.mean_ms > kMaxMeanMs)
        return "the mean reaction time must be 50 to 2000 ms";
    if (parsed.sd_ms < 0.0 || parsed.sd_ms > kMaxSdMs)
        return "the reaction time's SD must be 0 to 500 ms";
    out = parsed;
    return {};
}

ReactingSubject::ReactingSubject(const ReactionTime& reaction, std::uint64_t seed)
    : reaction_(reaction), random_(seed, kReactionStream) {}

void ReactingSubject::cue(std::uint64_t t_us) {
    if (press_at_us_ && t_us < *press_at_us_ + kHoldUs) return;
    // A normal draw, never faster than physically possible (0 ms).
    const double ms = std::max(0.0, reaction_.mean_ms + reaction_.sd_ms * random_.normal());
    last_reaction_us_ = static_cast<std::uint64_t>(std::llround(ms * 1000.0));
    press_at_us_ = t_us + *last_reaction_us_;
}

bool ReactingSubject::pressing(std::uint64_t t_us) const {
    return press_at_us_ && t_us >= *press_at_us_ && t_us < *press_at_us_ + kHoldUs;
}

} // namespace algosim
