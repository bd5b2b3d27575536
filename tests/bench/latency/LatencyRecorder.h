#pragma once
// Matches painted frames to the samples they contain and collects write→paint latencies.
#include <climits>
#include <cstdint>
#include <vector>

#include "DeviceWriter.h"

namespace bench {

class LatencyRecorder {
public:
    /// Room for one latency per sample the log can hold is allocated and touched here, so
    /// the recorder's own memory does not show up as the GUI's resident-memory growth.
    explicit LatencyRecorder(WriteLog log) : log_(log) {
        latencies_ms_.assign(log.capacity, 0.0);
        latencies_ms_.clear();
    }

    /// After each display frame: how many samples the GUI has taken in and the value of the
    /// newest one (which names the sample, see kPatternLength).
    void on_frame(std::uint64_t samples_seen, double latest_force_n);
    /// After each paint: the frame on screen contains samples_shown samples.
    void on_paint(std::uint64_t samples_shown, std::int64_t paint_ns);

    /// Only samples written at or after this instant count (warm-up excluded).
    void set_measure_from_ns(std::int64_t ns) { measure_from_ns_ = ns; }

    const std::vector<double>& latencies_ms() const { return latencies_ms_; }
    std::uint64_t frames_painted() const { return frames_; }
    std::uint64_t mismatches() const { return mismatches_; }

private:
    WriteLog log_;
    bool synced_ = false;
    std::int64_t offset_ = 0; ///< sample number = received count - 1 + offset
    std::uint64_t painted_ = 0;
    std::uint64_t frames_ = 0;
    std::uint64_t mismatches_ = 0;
    std::int64_t measure_from_ns_ = INT64_MAX; // nothing counts until the warm-up ends
    std::vector<double> latencies_ms_;
};

} // namespace bench
