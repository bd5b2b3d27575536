#include "algocore/acquisition/SamplePipeline.h"

#include <algorithm>

namespace algocore {
namespace {

// Readings older than this say nothing about the probe now, however few recent ones exist.
constexpr auto kTareLookback = std::chrono::seconds(5);

} // namespace

SamplePipeline::SamplePipeline(SpscRing<Sample>& samples, SpscRing<LinkEvent>& events,
                               SteadyTime session_start)
    : samples_(samples), events_(events), recent_(kRecentForces) {
    calibrator_.set_session_start(session_start);
}

void SamplePipeline::deliver(const RawSample& raw) {
    recent_[recent_next_] = RecentForce{raw.t, calibrator_.untared_force_n(raw)};
    recent_next_ = (recent_next_ + 1) % kRecentForces;
    recent_count_ = std::min(recent_count_ + 1, kRecentForces);

    Sample sample = calibrator_.apply(raw);
    if (gap_pending_) sample.flags |= kGapBefore;
    if (samples_.push(sample)) {
        gap_pending_ = false;
        ++delivered_;
    } else {
        // The consumer fell behind: this sample is lost, and the next one says so.
        ++sample_drops_;
        gap_pending_ = true;
    }
}

void SamplePipeline::publish(const LinkEvent& event) {
    if (!events_.push(event)) ++event_drops_;
}

algocal::TareResult SamplePipeline::take_tare(SteadyTime now, double window_s,
                                              const algocal::TareRule& rule) {
    // Walk back from the newest sample: everything inside the window, and at least the
    // rule's minimum count so a slow polled gauge can still be tared.
    std::vector<double> window;
    const auto window_start = now - std::chrono::duration_cast<SteadyClock::duration>(
                                        std::chrono::duration<double>(window_s));
    const auto oldest_allowed = now - kTareLookback;
    for (std::size_t i = 0; i < recent_count_; ++i) {
        const RecentForce& r = recent_[(recent_next_ + kRecentForces - 1 - i) % kRecentForces];
        if (r.t < oldest_allowed) break;
        if (r.t < window_start && window.size() >= rule.min_samples) break;
        window.push_back(r.force_n);
    }
    std::reverse(window.begin(), window.end());
    algocal::TareResult result = algocal::compute_tare(window, rule);
    if (result.ok) calibrator_.set_tare_offset_n(result.offset_n);
    return result;
}

} // namespace algocore
