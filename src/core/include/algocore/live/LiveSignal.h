#pragma once
// Whether the live view may show a number at all. The link to the device and the age of the
// newest sample decide it, so a vanished or silent device can never leave a stale pressure
// (and its band verdict) on the screen. Qt-free: the display tick feeds it the link state
// and the time, and the tests feed it by hand.
#include <optional>

namespace algocore {
struct AcquisitionStatus;
struct LinkEvent;
} // namespace algocore

namespace algocore::live {

/// The link to the device, as the live view needs to know it.
enum class LinkState {
    NotConnected, ///< no device open: never connected, or disconnected by the user
    Connecting,   ///< port opening / handshake
    Connected,    ///< device identified, samples expected
    Reconnecting, ///< link lost, waiting for the port to come back
    Disconnected, ///< link lost, no reconnection under way
    Failed,       ///< the connection could not be made
};

/// What the readout, the coach view, the band bar and the audio cues may show.
enum class SignalState {
    Live,         ///< fresh samples from an open link: number, band verdict, cues
    NoSignal,     ///< link lost or no fresh sample: no number, no verdict, silence
    NotConnected, ///< no device open: no number, no verdict, silence
};

/// Derives the signal state from the link state and the time of the newest sample.
class LiveSignal {
public:
    /// A sample older than this (session clock) no longer stands for the pressure now. The
    /// display tick runs every 16 ms and a paint takes a few more, so 0.4 s turns the screen
    /// to NO SIGNAL within 0.5 s of the last sample. A device streaming slower than 2.5
    /// samples a second would blink; every supported device streams or is polled faster.
    static constexpr double kNoSignalAfterS = 0.4;

    void set_link(LinkState link) { link_ = link; }
    LinkState link() const { return link_; }
    /// A sample stamped t_s (session clock) was received.
    void sample_arrived(double t_s);
    /// The session clock now; time only moves forward.
    void set_now_s(double now_s);
    double now_s() const { return now_s_; }
    /// A new session clock: sample times and "now" start over; the link state stays.
    void restart_clock();

    SignalState state() const;
    /// Seconds since the newest sample; nullopt before the first.
    std::optional<double> sample_age_s() const;

private:
    LinkState link_ = LinkState::NotConnected;
    std::optional<double> last_sample_t_s_;
    double now_s_ = 0.0;
};

/// The link state an acquisition snapshot reports.
LinkState link_state_of(const algocore::AcquisitionStatus& status);
/// The link state a link event announces (Connected / Disconnected); nullopt for the others.
std::optional<LinkState> link_state_after(const algocore::LinkEvent& event);

} // namespace algocore::live
