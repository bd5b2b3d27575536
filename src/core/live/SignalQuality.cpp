#include "algocore/live/SignalQuality.h"

namespace algocore::live {

const char* to_words(SignalQuality quality) {
    switch (quality) {
    case SignalQuality::NotConnected: return "not connected";
    case SignalQuality::Good: return "signal good";
    case SignalQuality::SomeLoss: return "some readings lost";
    case SignalQuality::Poor: return "signal poor";
    }
    return "not connected";
}

SignalQuality SignalQualityMeter::update(double now_s, const LinkCounters& counters,
                                         bool connected) {
    if (!connected) {
        window_.clear();
        recent_loss_pct_ = 0.0;
        return quality_ = SignalQuality::NotConnected;
    }
    // A new link (or driver) starts its counters again: what came before says nothing of it.
    if (!window_.empty()) {
        const LinkCounters& last = window_.back().counters;
        if (counters.delivered < last.delivered || counters.lost < last.lost ||
            counters.damaged < last.damaged || now_s < window_.back().t_s)
            window_.clear();
    }
    window_.push_back({now_s, counters});
    while (window_.size() > 2 && now_s - window_[1].t_s >= kWindowS)
        window_.pop_front();

    const LinkCounters& first = window_.front().counters;
    const std::uint64_t arrived = counters.delivered - first.delivered;
    const std::uint64_t missing = (counters.lost - first.lost) + (counters.damaged - first.damaged);
    const std::uint64_t expected = arrived + missing;
    const double share =
        expected == 0 ? 0.0 : static_cast<double>(missing) / static_cast<double>(expected);
    recent_loss_pct_ = 100.0 * share;
    if (share >= kPoorShare) return quality_ = SignalQuality::Poor;
    if (share > kSomeLossShare) return quality_ = SignalQuality::SomeLoss;
    return quality_ = SignalQuality::Good;
}

} // namespace algocore::live
