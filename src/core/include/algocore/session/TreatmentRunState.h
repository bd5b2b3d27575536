#pragma once
// The treatment set and its hold as the views show them: asked of the TreatmentSession, so
// neither the Treatment page nor `algoscope-cli hold` reaches into the hold sequence, its
// hold engine or the engine's timer.
#include <optional>
#include <vector>

#include "algocore/protocols/HoldEngine.h"
#include "algocore/protocols/HoldSequence.h"

namespace algocore::session {

/// The running hold, else the one that finished last.
struct HoldRunState {
    protocols::HoldState state = protocols::HoldState::WaitingForBand;
    bool out_of_band = false;    ///< holding but out of the band now (an excursion)
    double time_in_band_s = 0.0; ///< counted so far
    double remaining_s = 0.0;    ///< by the prescription (HoldEngine::remaining_s)
    int excursions = 0;          ///< out-of-band episodes longer than the grace
    std::vector<protocols::StepUp> step_ups;
    /// The first sample in the band (session clock); 0 before the hold entered it.
    double started_t_s = 0.0;
    bool until_release = false; ///< ends after its step-ups (else after hold_s in band)
    double hold_s = 0.0;        ///< the time in band a timed hold asks for
    double max_hold_s = 0.0;    ///< a hold until release ends at this elapsed time at the latest
    int max_step_ups = 0;       ///< the step-ups asked for (0: no limit)
};

/// The set: its phase, where it is, and its hold.
struct TreatmentRunState {
    /// Done before any set (nothing runs).
    protocols::SequencePhase phase = protocols::SequencePhase::Done;
    int repetition = 0;       ///< the hold under way or last finished (1-based)
    int repetitions = 0;      ///< the prescription's holds in the set
    bool running = false;     ///< a set is under way (holding, stretch or rest)
    double remaining_s = 0.0; ///< the hold's remaining time, or the stretch/rest countdown
    std::optional<HoldRunState> hold;
    /// A hold runs and has begun (in the band): a felt release can be marked now.
    bool release_can_be_marked = false;
    bool holding() const { return phase == protocols::SequencePhase::Holding; }
};

} // namespace algocore::session
