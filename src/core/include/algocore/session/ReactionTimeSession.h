#pragma once
// A reaction-time test of the visit's subject, run by algocore's ReactionTimeTest. The cue
// comes from the device when it can give one (CUE: its LED and buzzer, cue and press stamped
// by its own clock), else from the host (the view flashes the screen and beeps, and says
// when); the press is the device's patient button, or a key, pedal or on-screen button. The
// Thresholds page and `algoscope-cli rt` are views of this class; the finished test goes to
// the Recorder with every cue and press.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "algocore/LinkEvent.h"
#include "algocore/Sample.h"
#include "algocore/protocols/ReactionTimeTest.h"

namespace algocore::session {

/// A finished test as it is stored and shown.
struct ReactionTimeResult {
    protocols::ReactionTimeSummary summary;
    std::vector<protocols::ReactionCue> cues;
    std::string timing_note;              ///< cue_timing(source).note
    protocols::ReactionTimeConfig config; ///< what the test asked for
};

class ReactionTimeSession {
public:
    /// Asks the device for a cue now (id, how long it stays on); false when it cannot.
    using DeviceCue = std::function<bool(std::uint16_t cue_id, double duration_s)>;

    /// device_cue: how this front end reaches the device (the workbench's acquisition).
    explicit ReactionTimeSession(DeviceCue device_cue = {});

    /// Starts a test (a running one is dropped). `device_gives_cues`: the connected device
    /// can give the cue itself; otherwise the host gives it. Empty, or why not.
    std::string start(double now_s, const protocols::ReactionTimeConfig& config,
                      bool device_gives_cues);
    /// The operator ends the test early (what was answered stays in the result).
    void stop();

    // ---- input --------------------------------------------------------------------------
    /// Link events of the frame: the device's cue going on and its patient-button presses
    /// (device cues only: both in the device's clock).
    void on_link_event(const LinkEvent& event, double now_s);
    /// Samples of the frame: with a host cue, a patient-button press on a device that has
    /// one answers the cue (session clock).
    void feed(const Sample& sample);
    /// A key, pedal or on-screen press at t_s (session clock); host cues only.
    void host_press(double t_s);
    /// Timeouts and due cues; call every frame.
    void tick(double now_s);
    /// Host cue: the cue the view must give now (flash and beep), once. The view calls
    /// host_cue_shown() with the instant it asked the screen to show it.
    std::optional<std::uint16_t> take_host_cue();
    void host_cue_shown(std::uint16_t cue_id, double t_s);

    // ---- what the views show ------------------------------------------------------------
    bool running() const;
    const protocols::ReactionTimeTest* test() const { return test_ ? &*test_ : nullptr; }
    protocols::CueSource source() const { return source_; }
    /// Lines (cues and presses) finished since the last call, for the CLI's JSON lines.
    std::vector<protocols::ReactionCue> take_new_lines();
    /// The finished test (Done or stopped), until the next start.
    const std::optional<ReactionTimeResult>& result() const { return result_; }
    /// Called once when a test finishes (the workbench stores it and tells the PPT session).
    void set_on_finished(std::function<void(const ReactionTimeResult&)> on_finished) {
        on_finished_ = std::move(on_finished);
    }

private:
    double device_s(std::uint32_t device_t_us);
    void finish_if_done();

    DeviceCue device_cue_;
    std::optional<protocols::ReactionTimeTest> test_;
    protocols::CueSource source_ = protocols::CueSource::Device;
    std::optional<std::uint16_t> host_cue_due_;
    bool patient_was_down_ = false;
    std::size_t lines_reported_ = 0;
    std::optional<ReactionTimeResult> result_;
    std::function<void(const ReactionTimeResult&)> on_finished_;
    // The device's u32 µs clock, unwrapped from its first instant seen in this test.
    bool have_device_time_ = false;
    std::uint32_t last_device_us_ = 0;
    std::int64_t device_us_ = 0;
};

} // namespace algocore::session
