#include "algocore/drivers/ErrorThrottle.h"

namespace algocore {

std::optional<std::string> ErrorThrottle::admit(std::string_view category,
                                                const std::string& message, SteadyTime t) {
    for (auto& c : categories_) {
        if (c.name != category) continue;
        if (seconds_between(c.last_report, t) < interval_s_) {
            ++c.folded;
            return std::nullopt;
        }
        std::string text = message;
        if (c.folded > 0) text += " (and " + std::to_string(c.folded) + " more like it before)";
        c.folded = 0;
        c.last_report = t;
        return text;
    }
    categories_.push_back({std::string(category), t, 0});
    return message;
}

} // namespace algocore
