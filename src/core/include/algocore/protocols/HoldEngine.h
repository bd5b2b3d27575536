#pragma once
// One sustained hold as a state machine over samples and operator events:
// WaitingForBand → Holding → Complete | Stopped | OverLimit | TimeLimit.
// Begins at the first entry into the band; counts time in band only (with grace); watches
// for tissue release and logs each step-up the therapist makes after the prompt. The
// therapist's "release felt" marks are kept beside the detector's prompts, so the detector
// can be scored against them (release-eval).
#include <deque>
#include <vector>

#include "algocore/Sample.h"
#include "algocore/live/GapDetector.h"
#include "algocore/protocols/DoseMetrics.h"
#include "algocore/protocols/HoldTimer.h"
#include "algocore/protocols/Prescription.h"
#include "algocore/protocols/ReleaseDetector.h"

namespace algocore::protocols {

/// Complete means the prescription was met: the time in band was reached (timed holds), or
/// every prescribed step-up was made (holds until release). A hold until release that reaches
/// its maximum time first ends TimeLimit, not Complete.
enum class HoldState { WaitingForBand, Holding, Complete, Stopped, OverLimit, TimeLimit };
const char* to_string(HoldState state);

/// Settings of one hold (a resolved Prescription plus detector tuning).
struct HoldConfig {
    PressureBand band;
    double hold_s = 60.0;
    double grace_s = 0.5;
    bool detect_release = true;
    bool hold_until_release = false; ///< completes after max_step_ups step-ups
    /// Step-ups the prescription asks for: release prompts stop once they are made (0 = no
    /// limit on a timed hold).
    int max_step_ups = 0;
    double max_hold_s = 600.0;     ///< safety end for hold_until_release (elapsed)
    double step_up_min_kpa = 5.0;  ///< rise that counts as a step-up after a prompt
    double step_up_settle_s = 0.5; ///< rise is over when pressure stops rising this long
    ReleaseDetectorConfig release;
    ConfigCheck validate() const;
};

/// Hold settings for a prescription whose band has been resolved to kPa. A hold until
/// release ends after its step-ups, or at hold_s at the latest.
HoldConfig hold_config_for(const Prescription& prescription, const PressureBand& band);

/// Things the GUI turns into sounds and banners. Polled with take_events().
enum class HoldEventKind {
    Started,
    EnteredBand,
    LeftBand,
    Overshoot,
    ReleaseDetected,
    ReleaseMarked, ///< the therapist marked "release felt"
    StepUp,
    Complete,
    Stopped,
    OverLimit,
    TimeLimit
};
const char* to_string(HoldEventKind kind);

struct HoldEvent {
    HoldEventKind kind;
    double t_s;
    double pressure_kpa;
};

/// A step-up: pressure before the release prompt and after the slack was taken up.
struct StepUp {
    double t_prompt_s = 0.0;
    double t_s = 0.0; ///< when the rise settled
    double before_kpa = 0.0;
    double after_kpa = 0.0;
};

class HoldEngine {
public:
    explicit HoldEngine(HoldConfig config);

    void feed(const Sample& sample);
    /// Operator stops the hold.
    void stop(double t_s);
    /// The therapist felt a release at t_s; kept while the hold runs (false otherwise).
    bool mark_release_felt(double t_s);

    HoldState state() const { return state_; }
    bool finished() const;
    BandState band_state() const { return band_state_; }
    const HoldTimer& timer() const { return timer_; }
    /// A release was detected and the slack has not been taken up yet.
    bool slack_prompt_active() const { return prompt_active_; }
    const std::vector<StepUp>& step_ups() const { return step_ups_; }
    /// "Release felt" marks and the detector's release prompts, session clock.
    const std::vector<double>& release_marks_s() const { return release_marks_s_; }
    const std::vector<double>& release_detections_s() const { return release_detections_s_; }
    /// Samples from the first entry into the band to the end.
    const std::vector<Sample>& trace() const { return trace_; }
    /// Events since the last call.
    std::vector<HoldEvent> take_events();
    /// Dose metrics of the trace so far.
    DoseMetrics metrics() const;
    /// Seconds still to go by the prescription: time in band still needed (timed hold), or
    /// time left before the maximum (hold until release). 0 once finished.
    double remaining_s() const;
    /// Step-ups still wanted by the prescription (0 when it names none).
    int step_ups_remaining() const;
    const HoldConfig& config() const { return config_; }

private:
    double since_start_s() const;
    void end(HoldState final_state, HoldEventKind kind, double t_s, double pressure_kpa);
    void track_step_up(const Sample& sample);
    void emit(HoldEventKind kind, double t_s, double pressure_kpa);

    HoldConfig config_;
    HoldState state_ = HoldState::WaitingForBand;
    BandState band_state_ = BandState::Below;
    HoldTimer timer_;
    // Judges the trace's gaps as measure_dose() does, so the live time in band is the stored
    // one at every sample.
    live::GapDetector gaps_;
    ReleaseDetector detector_;
    std::vector<Sample> trace_;
    std::vector<HoldEvent> events_;
    std::vector<StepUp> step_ups_;
    std::vector<double> release_marks_s_;
    std::vector<double> release_detections_s_;
    bool prompt_active_ = false;
    StepUp pending_;
    double rise_peak_kpa_ = 0.0;
    double rise_peak_t_s_ = 0.0;
    bool rising_ = false;
    // Short moving average of pressure (a couple of tremor cycles) for the step-up logic.
    std::deque<Sample> recent_;
    double recent_sum_kpa_ = 0.0;
};

/// The release prompts a hold engine with `config` gives over a recorded hold's trace (the
/// samples from its first entry into the band): the same prompts it gave live, since the
/// engine depends only on its samples. Session clock.
std::vector<double> detect_releases(const HoldConfig& config, const std::vector<Sample>& trace);

} // namespace algocore::protocols
