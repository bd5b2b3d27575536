#pragma once
// Tells where a plotted trace must break: the device or acquisition flagged lost samples, or
// the time since the previous sample is far longer than the usual interval (a reconnect, a
// stalled stream). Every plot of a pressure trace asks it, so no plot draws a straight line
// across a gap that would look like a slow release, and a hold's dose asks it, so time
// without signal is never counted as pressure on the skin.

namespace algocore::live {

/// Running judgement of gaps in a time-ordered stream of sample times.
class GapDetector {
public:
    /// The next sample's time; flagged: the source says samples were lost before it. True
    /// when the trace must break before this sample. The first sample never breaks, and the
    /// second only when flagged (the usual interval is not known before it).
    bool gap_before(double t_s, bool flagged = false);
    void reset();

    /// The usual interval between samples (a running average of intervals without a gap).
    double typical_interval_s() const { return typical_interval_s_; }

    /// A time jump this many usual intervals long is a gap even when nobody flagged it...
    static constexpr double kGapIntervals = 5.0;
    /// ...but never shorter than this, so a jittery, bursty stream does not dot the line.
    static constexpr double kMinGapS = 0.1;

private:
    bool has_previous_ = false;
    double previous_t_s_ = 0.0;
    double typical_interval_s_ = 0.0;
};

} // namespace algocore::live
