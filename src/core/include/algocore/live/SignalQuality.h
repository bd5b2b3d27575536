#pragma once
// How good the link to the device is, in one word a clinician can glance at: the share of the
// readings of the last ten seconds that were lost on the way or arrived damaged. The counters
// themselves (thousands lost since connecting, the sample rate) mean little in front of a
// patient; they go in the indicator's tooltip. NO SIGNAL is not this rule's business: the live
// view says that from the age of the newest sample (LiveSignal).
#include <cstdint>
#include <deque>

namespace algocore::live {

enum class SignalQuality {
    NotConnected, ///< no device open
    Good,         ///< nothing (or next to nothing) lost in the last window
    SomeLoss,     ///< some readings lost or damaged: the trace has small holes
    Poor,         ///< many lost or damaged: check the cable, the port, other programs
};

/// "not connected", "signal good", "some readings lost", "signal poor".
const char* to_words(SignalQuality quality);

/// The device's running counters at one moment (they only grow while a link lasts).
struct LinkCounters {
    std::uint64_t delivered = 0; ///< readings that arrived whole
    std::uint64_t lost = 0;      ///< readings known lost (sequence gaps, a full ring)
    std::uint64_t damaged = 0;   ///< frames that arrived damaged
};

/// Judges the link over a sliding window of counter snapshots.
class SignalQualityMeter {
public:
    /// The window the share is taken over.
    static constexpr double kWindowS = 10.0;
    /// Up to this share of the window's readings lost or damaged is still "good" (one in a
    /// thousand: a rare bad frame on a long cable does not colour the bar).
    static constexpr double kSomeLossShare = 0.001;
    /// From this share on the signal is "poor" (one reading in fifty: visible holes).
    static constexpr double kPoorShare = 0.02;

    /// The counters at now_s (any steady clock, seconds); connected: a device is open.
    SignalQuality update(double now_s, const LinkCounters& counters, bool connected);

    SignalQuality quality() const { return quality_; }
    /// Lost or damaged, in percent of the readings expected in the window (0 with no data).
    double recent_loss_pct() const { return recent_loss_pct_; }

private:
    struct Snapshot {
        double t_s;
        LinkCounters counters;
    };
    std::deque<Snapshot> window_;
    SignalQuality quality_ = SignalQuality::NotConnected;
    double recent_loss_pct_ = 0.0;
};

} // namespace algocore::live
