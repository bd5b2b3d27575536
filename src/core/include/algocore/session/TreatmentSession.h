#pragma once
// A treatment: sustained trigger-point release at one point by a prescription, run as a set
// of holds by algocore's HoldSequence (hold → stretch prompt → rest → next hold). The band is
// resolved against the point's stored thresholds (read without blocking); every finished hold
// goes to the Recorder, with the pain rating when the therapist gives one. The Treatment page
// and `algoscope-cli hold` are views of this class.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "algocore/Inbox.h"
#include "algocore/protocols/HoldSequence.h"
#include "algocore/session/Recorder.h"
#include "algocore/session/TreatmentRunState.h"

namespace algocore::session {

/// What the therapist is told (coach view, audio, status panel).
enum class TreatmentPromptKind {
    TakeUpSlack,  ///< the tissue released: take up the slack
    StepUp,       ///< a step-up was logged
    OverLimit,    ///< over the safety limit: ease off (the hold ended)
    HoldComplete, ///< the prescription's hold was met
    TimeLimit,    ///< a hold until release reached its maximum time
    Stretch,      ///< stretch now (timed)
    Rest,         ///< rest before the next hold (timed)
    NextHold,     ///< the next hold of the set began
    SetDone,      ///< every hold of the set is done
    ReleaseFelt,  ///< the therapist marked "release felt" (key or the operator button)
};
const char* to_string(TreatmentPromptKind kind);

struct TreatmentPrompt {
    TreatmentPromptKind kind;
    double t_s = 0.0;
    double pressure_kpa = 0.0;
};

class TreatmentSession {
public:
    using BodySide = records::BodySide;

    TreatmentSession(Recorder& recorder, Inbox& inbox);

    Recorder& recorder() { return recorder_; }
    /// A new visit (or database): a pending hold is saved, thresholds are read again.
    void visit_changed();

    void select_point(const records::Site& site, BodySide side);
    const std::optional<records::Site>& site() const { return site_; }
    BodySide side() const { return side_; }
    /// Reads the point's PPT and tolerance again (after they were measured).
    void refresh_thresholds();
    const protocols::PointThresholds& thresholds() const { return thresholds_; }
    /// The thresholds of the current point have been read.
    bool thresholds_known() const { return thresholds_known_; }

    void set_prescription(const protocols::Prescription& prescription);
    const protocols::Prescription& prescription() const { return prescription_; }
    /// The prescription's band at this point, or why it cannot be resolved.
    protocols::ResolvedBand resolved() const;

    /// Starts the set (or its next hold when the sequence is ready); empty when started,
    /// else why not. A pending hold is saved first (without a pain rating).
    std::string start(double t_s);
    /// Stops the running hold; during a stretch or rest, ends the set.
    void stop(double t_s);
    /// The therapist felt a release: marked on the running hold (the "release felt" key; a
    /// press of the device's operator button during a hold does the same). False when no
    /// hold is running.
    bool mark_release_felt(double t_s);
    void feed(const Sample& sample);
    void tick(double t_s);
    /// Saves a pending hold; for the end of a visit or the program.
    void close();

    // ---- what the views show ------------------------------------------------------------
    bool running() const; ///< a set is under way (holding, stretch or rest)
    /// The set and its hold as the views show them.
    TreatmentRunState run_state() const;
    /// The engine itself, for tests; views ask run_state().
    const protocols::HoldSequence* sequence() const { return sequence_ ? &*sequence_ : nullptr; }
    /// The band a running set holds against (the live view shows it while the set runs).
    std::optional<protocols::PressureBand> active_band() const;
    /// Seconds still to go in the current phase: the hold's remaining time by the
    /// prescription, or the stretch/rest countdown.
    double remaining_s() const;
    std::vector<TreatmentPrompt> take_prompts();

    /// The last finished hold, until it is saved or discarded.
    const std::optional<FinishedHold>& pending() const { return pending_; }
    /// Stores the pending hold with the pain rating (0-10) if given; empty when stored.
    std::string save_pending(std::optional<int> pain_rating_0_10);
    void discard_pending();
    records::RecordId last_saved() const { return last_saved_; }
    /// Holds stored so far (the CLI prints them).
    std::vector<records::RecordId> saved() const { return saved_; }
    void set_on_change(std::function<void()> on_change) { on_change_ = std::move(on_change); }

private:
    void collect(double t_s);
    void read_thresholds();

    Recorder& recorder_;
    Inbox& inbox_;
    std::optional<records::Site> site_;
    BodySide side_ = BodySide::Left;
    protocols::PointThresholds thresholds_;
    bool thresholds_known_ = false;
    protocols::Prescription prescription_ = protocols::Prescription::ppt_90s();
    std::optional<protocols::HoldSequence> sequence_; ///< the current or last set
    bool set_ended_ = false; ///< the set ended early (stopped, over the limit)
    protocols::Prescription running_;
    protocols::PressureBand running_band_;
    protocols::SequencePhase last_phase_ = protocols::SequencePhase::Ready;
    std::size_t holds_collected_ = 0;
    bool operator_was_down_ = false;
    std::vector<TreatmentPrompt> prompts_;
    std::optional<FinishedHold> pending_;
    std::optional<MeasuredPoint> pending_point_;
    records::RecordId last_saved_ = records::kNoRecord;
    std::vector<records::RecordId> saved_;
    std::function<void()> on_change_;
    int generation_ = 0;
};

} // namespace algocore::session
