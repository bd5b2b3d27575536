#pragma once
// The I/O thread's end of the rings: calibrates each RawSample (Calibrator), marks gaps,
// keeps the recent forces for a tare, and pushes samples and events without ever blocking,
// counting what a full ring refused.
#include <cstdint>
#include <memory>
#include <vector>

#include "algocal/Tare.h"
#include "algocore/LinkEvent.h"
#include "algocore/RawSample.h"
#include "algocore/Sample.h"
#include "algocore/SpscRing.h"
#include "algocore/calibration/Calibrator.h"

namespace algocore {

/// RawSample → Sample → ring, with tare and gap marking. I/O thread only.
class SamplePipeline {
public:
    SamplePipeline(SpscRing<Sample>& samples, SpscRing<LinkEvent>& events,
                   SteadyTime session_start);

    /// Calibrate and push one sample. The first sample after mark_gap() or after a refused
    /// push carries kGapBefore, so a consumer can see every hole in the stream.
    void deliver(const RawSample& raw);
    /// Push one event (counted in event_drops when the ring is full).
    void publish(const LinkEvent& event);
    /// The next delivered sample follows a gap (link lost, reconnected).
    void mark_gap() { gap_pending_ = true; }

    /// Tare from the untared forces of the last `window_s` seconds before `now` (at least
    /// the rule's minimum count of the most recent samples). On success the offset is
    /// applied to every later sample.
    algocal::TareResult take_tare(SteadyTime now, double window_s = 0.5,
                                  const algocal::TareRule& rule = {});
    void clear_tare() { calibrator_.set_tare_offset_n(0.0); }

    Calibrator& calibrator() { return calibrator_; }
    const Calibrator& calibrator() const { return calibrator_; }

    std::uint64_t delivered() const { return delivered_; }
    std::uint64_t sample_drops() const { return sample_drops_; }
    std::uint64_t event_drops() const { return event_drops_; }

private:
    // Recent (time, untared force) pairs for the tare, oldest overwritten first.
    struct RecentForce {
        SteadyTime t{};
        double force_n = 0.0;
    };
    static constexpr std::size_t kRecentForces = 4096;

    SpscRing<Sample>& samples_;
    SpscRing<LinkEvent>& events_;
    Calibrator calibrator_;
    std::vector<RecentForce> recent_;
    std::size_t recent_next_ = 0;
    std::size_t recent_count_ = 0;
    bool gap_pending_ = false;
    std::uint64_t delivered_ = 0;
    std::uint64_t sample_drops_ = 0;
    std::uint64_t event_drops_ = 0;
};

} // namespace algocore
