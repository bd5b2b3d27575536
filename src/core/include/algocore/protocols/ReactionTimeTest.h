#pragma once
// A simple reaction-time test as a state machine: cues at random intervals (1.5–4 s), the
// subject presses as soon as they see or hear one; the first answers are practice; a press
// less than 100 ms after a cue (or before it) is an anticipation, flagged, and the cue is
// given again after a new random interval; no press within 2 s is a miss, repeated too.
// The result is the median and interquartile range of the counted reaction times.
//
// Two clocks: scheduling (when the next cue is due, timeouts) runs on the session clock the
// caller passes as now_s; cue and press instants are on the cue's own clock (the device's,
// for a device cue, so the host's latency does not enter; the session clock for a host cue).
// No wall-clock reads: the same inputs give the same result in the GUI, the CLI and tests.
#include <cstdint>
#include <optional>
#include <vector>

#include "algocore/protocols/ConfigCheck.h"

namespace algocore::protocols {

/// Who gives the cue, which decides the timing uncertainty.
enum class CueSource {
    Device, ///< the device's LED/buzzer, stamped in its clock with the press (SPEC 5.7)
    Host,   ///< this computer's screen flash and beep; the press on a key, pedal or button
};
const char* to_string(CueSource source); ///< "device", "host"

/// The timing uncertainty a result carries, by cue source, with the reason in words.
struct CueTiming {
    double uncertainty_ms = 0.0;
    const char* note = "";
};
CueTiming cue_timing(CueSource source);

struct ReactionTimeConfig {
    int trials = 10;             ///< counted answers
    int practice = 2;            ///< answers before them that do not count
    double min_interval_s = 1.5; ///< random foreperiod between cues, uniform in
    double max_interval_s = 4.0; ///< [min_interval_s, max_interval_s]
    double anticipation_s = 0.1; ///< a press sooner than this after the cue anticipated it
    double no_response_s = 2.0;  ///< no press this long after the cue: a miss
    double cue_confirm_s = 1.0;  ///< a device cue not confirmed this long after it was asked
    int max_repeats = 20;        ///< anticipations, misses and lost cues before giving up
    double cue_duration_s = 0.2; ///< how long a cue stays on
    std::uint64_t seed = 1;      ///< of the random intervals
    ConfigCheck validate() const;
};

/// What became of one cue (or of a press that came before any cue).
enum class CueOutcome {
    Practice,     ///< answered, not counted
    Counted,      ///< answered, counts towards the result
    Anticipation, ///< answered sooner than anticipation_s: flagged, the cue is repeated
    FalseStart,   ///< pressed while no cue was on: an anticipation without a cue
    Missed,       ///< no press within no_response_s: repeated
};
const char* to_string(CueOutcome outcome); ///< "practice", "counted", ...

/// One line of the test: a cue and the press that answered it.
struct ReactionCue {
    int number = 0;                    ///< 1-based over the test's lines
    std::optional<double> cue_t_s;     ///< cue clock; none for a false start
    std::optional<double> press_t_s;   ///< cue clock; none for a miss
    std::optional<double> reaction_ms; ///< press − cue
    CueOutcome outcome = CueOutcome::Missed;
};

/// The result: median and interquartile range of the counted reaction times.
struct ReactionTimeSummary {
    int n = 0; ///< counted answers
    std::optional<double> median_ms;
    std::optional<double> iqr_ms;
    int anticipations = 0; ///< anticipations and false starts
    int misses = 0;
    int lost_cues = 0;     ///< device cues never confirmed (asked again)
    bool complete = false; ///< n reached the configured trials
    CueSource cue_source = CueSource::Device;
    double uncertainty_ms = 0.0; ///< cue_timing(cue_source)
};

enum class ReactionTestState {
    Idle,       ///< not started
    Foreperiod, ///< waiting for the next cue
    CueAsked,   ///< cue asked for, not confirmed yet (device cues)
    CueOn,      ///< cue given, waiting for the press
    Done,       ///< enough answers, or gave up after max_repeats
    Stopped,    ///< the operator stopped it
};
const char* to_string(ReactionTestState state);

class ReactionTimeTest {
public:
    explicit ReactionTimeTest(ReactionTimeConfig config = {}, CueSource source = CueSource::Device);

    /// Begins: the first cue is due one random interval after now_s.
    void start(double now_s);
    /// The cue to give now, once: its id. The caller gives it and reports cue_shown().
    std::optional<std::uint16_t> take_due_cue(double now_s);
    /// Cue `cue_id` went on at cue_t_s (cue clock). Others (stale ids) are ignored.
    void cue_shown(std::uint16_t cue_id, double cue_t_s, double now_s);
    /// The subject pressed at press_t_s (cue clock).
    void press(double press_t_s, double now_s);
    /// Timeouts: a miss, a cue the device never confirmed.
    void tick(double now_s);
    /// The operator ends the test early.
    void stop();

    ReactionTestState state() const { return state_; }
    bool finished() const;
    /// True while practice answers are still wanted.
    bool in_practice() const { return practice_answers_ < config_.practice; }
    int counted() const { return counted_; }
    /// Every line so far, in order.
    const std::vector<ReactionCue>& cues() const { return cues_; }
    ReactionTimeSummary summary() const;
    const ReactionTimeConfig& config() const { return config_; }
    CueSource source() const { return source_; }
    /// When the next cue is due (session clock), in the foreperiod.
    std::optional<double> next_cue_at_s() const;

private:
    void schedule_next(double now_s);
    void record(std::optional<double> cue_t_s, std::optional<double> press_t_s, CueOutcome outcome);
    void repeat(double now_s);
    double next_uniform();

    ReactionTimeConfig config_;
    CueSource source_;
    ReactionTestState state_ = ReactionTestState::Idle;
    std::vector<ReactionCue> cues_;
    std::uint64_t random_state_;
    std::uint16_t next_id_ = 1;
    std::uint16_t asked_id_ = 0;
    double asked_at_s_ = 0.0;
    double next_cue_at_s_ = 0.0;
    double cue_t_s_ = 0.0;
    double cue_on_at_s_ = 0.0;
    int practice_answers_ = 0;
    int counted_ = 0;
    int anticipations_ = 0;
    int misses_ = 0;
    int lost_cues_ = 0;
};

} // namespace algocore::protocols
