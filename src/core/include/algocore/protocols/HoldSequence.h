#pragma once
// A prescribed set of holds at one point: hold → timed stretch prompt → rest countdown →
// next hold, repetitions times. Each hold is a HoldEngine; time comes only from samples
// and event timestamps.
#include <optional>
#include <vector>

#include "algocore/protocols/HoldEngine.h"
#include "algocore/protocols/Prescription.h"

namespace algocore::protocols {

enum class SequencePhase {
    Ready,   ///< the operator may start the next hold
    Holding, ///< a hold is running (waiting for the band or in it)
    Stretch, ///< timed stretch prompt after a hold
    Rest,    ///< rest countdown before the next hold
    Done,    ///< all repetitions finished
};
const char* to_string(SequencePhase phase);

/// One finished hold of the sequence, as stored and exported.
struct HoldRecord {
    int repetition = 0; ///< 1-based
    HoldState end = HoldState::Stopped;
    DoseMetrics metrics;
    std::vector<StepUp> step_ups;
    std::vector<Sample> trace;
    std::vector<double> release_marks_s;      ///< "release felt", session clock
    std::vector<double> release_detections_s; ///< the detector's prompts, session clock
};

class HoldSequence {
public:
    /// band is the prescription's band resolved for this point (Prescription::resolve).
    HoldSequence(Prescription prescription, PressureBand band);

    /// Operator starts the next hold; refused (false) unless Ready, or during Rest/Stretch
    /// when skip_wait is set.
    bool start_hold(double t_s, bool skip_wait = false);
    /// Operator stops the running hold.
    void stop_hold(double t_s);
    /// The therapist felt a release (kept only while a hold runs; false otherwise).
    bool mark_release_felt(double t_s);
    void feed(const Sample& sample);
    /// Advances stretch/rest countdowns without samples.
    void tick(double t_s);

    SequencePhase phase() const { return phase_; }
    int repetition() const { return static_cast<int>(records_.size()) + (hold_ ? 1 : 0); }
    int repetitions() const { return prescription_.repetitions; }
    /// Seconds left of the stretch or rest (0 otherwise).
    double phase_remaining_s() const;
    /// Running hold, nullptr between holds.
    const HoldEngine* current_hold() const { return hold_ ? &*hold_ : nullptr; }
    HoldEngine* current_hold() { return hold_ ? &*hold_ : nullptr; }
    /// The running hold, else the one that finished last (its final state); nullptr before
    /// the first.
    const HoldEngine* latest_hold() const {
        return hold_ ? &*hold_ : finished_ ? &*finished_ : nullptr;
    }
    const std::vector<HoldRecord>& records() const { return records_; }
    const Prescription& prescription() const { return prescription_; }
    /// Events of the holds since the last call, including each hold's final one.
    std::vector<HoldEvent> take_events();

private:
    void collect_events();
    void on_hold_finished(double t_s);

    Prescription prescription_;
    HoldConfig config_;
    SequencePhase phase_ = SequencePhase::Ready;
    std::optional<HoldEngine> hold_;
    std::optional<HoldEngine> finished_;
    std::vector<HoldRecord> records_;
    double now_s_ = 0.0;
    double phase_until_s_ = 0.0;
    std::vector<HoldEvent> events_;
};

} // namespace algocore::protocols
