#include "algocore/protocols/ReactionAdjustment.h"

namespace algocore::protocols {

std::optional<double> rt_adjusted_ppt_kpa(double ppt_kpa,
                                          std::optional<double> rate_at_button_kpa_s,
                                          std::optional<double> reaction_ms) {
    if (!rate_at_button_kpa_s || !reaction_ms || !(*rate_at_button_kpa_s > 0.0))
        return std::nullopt;
    return ppt_kpa - *rate_at_button_kpa_s * (*reaction_ms / 1000.0);
}

} // namespace algocore::protocols
