#pragma once
// Keeps a noisy line (wrong baud, a flood of error replies) from flooding the event banner:
// each kind of complaint is reported at most once per interval, and the next report says how
// many were folded in meanwhile. Counting in DriverStats is unaffected.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "algocore/SteadyTime.h"

namespace algocore {

/// Rate limit for error reports, per category.
class ErrorThrottle {
public:
    explicit ErrorThrottle(double interval_s = 1.0) : interval_s_(interval_s) {}

    /// The text to report now for a complaint of `category`, or nothing when it is folded
    /// into the next report of that category.
    std::optional<std::string> admit(std::string_view category, const std::string& message,
                                     SteadyTime t);

private:
    struct Category {
        std::string name;
        SteadyTime last_report{};
        std::uint64_t folded = 0;
    };
    double interval_s_;
    std::vector<Category> categories_;
};

} // namespace algocore
