#include "LatencyRecorder.h"

#include <cmath>

namespace bench {

void LatencyRecorder::on_frame(std::uint64_t samples_seen, double latest_force_n) {
    if (samples_seen == 0) return;
    const std::int64_t value = std::llround(latest_force_n * 100.0);
    const std::int64_t count_index = static_cast<std::int64_t>(samples_seen) - 1;
    if (!synced_) {
        // The GUI may have missed a partial first line: the first sample it names is within
        // the first pattern period, so its value is its number.
        offset_ = value - count_index;
        synced_ = true;
        painted_ = samples_seen; // earlier samples are not attributed to any frame
        return;
    }
    if ((count_index + offset_) % kPatternLength != value) {
        // A sample went missing: realign, and leave the uncertain ones out.
        ++mismatches_;
        const std::int64_t guess = count_index + offset_;
        const std::int64_t ahead =
            ((value - guess) % kPatternLength + kPatternLength) % kPatternLength;
        offset_ += ahead;
        painted_ = samples_seen;
    }
}

void LatencyRecorder::on_paint(std::uint64_t samples_shown, std::int64_t paint_ns) {
    if (!synced_ || samples_shown <= painted_) return;
    ++frames_;
    for (std::uint64_t count = painted_ + 1; count <= samples_shown; ++count) {
        const std::int64_t k = static_cast<std::int64_t>(count) - 1 + offset_;
        if (k < 0 || static_cast<std::size_t>(k) >= log_.capacity) continue;
        const std::int64_t written = log_.write_ns[k];
        if (written == 0 || written < measure_from_ns_) continue;
        latencies_ms_.push_back(static_cast<double>(paint_ns - written) / 1e6);
    }
    painted_ = samples_shown;
}

} // namespace bench
