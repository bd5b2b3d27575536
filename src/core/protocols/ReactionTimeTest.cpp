#include "algocore/protocols/ReactionTimeTest.h"

#include <cmath>

#include "algocore/protocols/SampleQuantile.h"

namespace algocore::protocols {

namespace {
// splitmix64: a small portable generator, so a seed gives the same intervals everywhere.
std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// Cue and press clocks tick in whole microseconds at best: a difference is judged in whole
// microseconds, so exactly 100 ms is 100 ms and not 99.9999 after a subtraction.
double reaction_ms(double cue_t_s, double press_t_s) {
    return static_cast<double>(std::llround((press_t_s - cue_t_s) * 1e6)) / 1000.0;
}
} // namespace

const char* to_string(CueSource source) {
    switch (source) {
    case CueSource::Device: return "device";
    case CueSource::Host: return "host";
    }
    return "unknown";
}

CueTiming cue_timing(CueSource source) {
    switch (source) {
    case CueSource::Device:
        return {1.0, "device cue: cue and press stamped by the device's clock (SPEC 5.7); "
                     "uncertainty about one button-sampling interval"};
    case CueSource::Host:
        return {60.0, "host cue: stamped when the screen flash was asked for; the display's "
                      "latency (one to three frames) and the key's or pedal's latency are not "
                      "measured, so the reaction time may read up to about 60 ms long"};
    }
    return {};
}

const char* to_string(CueOutcome outcome) {
    switch (outcome) {
    case CueOutcome::Practice: return "practice";
    case CueOutcome::Counted: return "counted";
    case CueOutcome::Anticipation: return "anticipation";
    case CueOutcome::FalseStart: return "false_start";
    case CueOutcome::Missed: return "missed";
    }
    return "unknown";
}

const char* to_string(ReactionTestState state) {
    switch (state) {
    case ReactionTestState::Idle: return "idle";
    case ReactionTestState::Foreperiod: return "foreperiod";
    case ReactionTestState::CueAsked: return "cue_asked";
    case ReactionTestState::CueOn: return "cue_on";
    case ReactionTestState::Done: return "done";
    case ReactionTestState::Stopped: return "stopped";
    }
    return "unknown";
}

ConfigCheck ReactionTimeConfig::validate() const {
    if (trials < 1 || trials > 50)
        return ConfigCheck::bad("trials", "the test needs 1 to 50 counted answers");
    if (practice < 0 || practice > 10)
        return ConfigCheck::bad("practice", "practice answers must be 0 to 10");
    if (!(min_interval_s > 0.0) || !(max_interval_s >= min_interval_s))
        return ConfigCheck::bad("min_interval_s",
                                "the interval between cues needs 0 < minimum <= maximum");
    if (!(anticipation_s >= 0.0) || !(no_response_s > anticipation_s))
        return ConfigCheck::bad("anticipation_s",
                                "the anticipation limit must be below the response window");
    if (!(cue_confirm_s > 0.0))
        return ConfigCheck::bad("cue_confirm_s", "the cue confirmation time must be above 0 s");
    if (max_repeats < 0) return ConfigCheck::bad("max_repeats", "must be 0 or more");
    if (!(cue_duration_s > 0.0 && cue_duration_s <= 10.0))
        return ConfigCheck::bad("cue_duration_s", "a cue lasts more than 0 and at most 10 s");
    return ConfigCheck::good();
}

ReactionTimeTest::ReactionTimeTest(ReactionTimeConfig config, CueSource source)
    : config_(config), source_(source), random_state_(config.seed) {}

bool ReactionTimeTest::finished() const {
    return state_ == ReactionTestState::Done || state_ == ReactionTestState::Stopped;
}

double ReactionTimeTest::next_uniform() {
    return static_cast<double>(splitmix64(random_state_) >> 11) * 0x1.0p-53;
}

void ReactionTimeTest::schedule_next(double now_s) {
    // A random foreperiod, so the subject cannot time the cue.
    state_ = ReactionTestState::Foreperiod;
    next_cue_at_s_ = now_s + config_.min_interval_s +
                     (config_.max_interval_s - config_.min_interval_s) * next_uniform();
}

void ReactionTimeTest::start(double now_s) {
    if (state_ != ReactionTestState::Idle) return;
    schedule_next(now_s);
}

std::optional<double> ReactionTimeTest::next_cue_at_s() const {
    if (state_ != ReactionTestState::Foreperiod) return std::nullopt;
    return next_cue_at_s_;
}

std::optional<std::uint16_t> ReactionTimeTest::take_due_cue(double now_s) {
    if (state_ != ReactionTestState::Foreperiod || now_s < next_cue_at_s_) return std::nullopt;
    state_ = ReactionTestState::CueAsked;
    asked_id_ = next_id_++;
    if (next_id_ == 0) next_id_ = 1; // 0 never names a cue
    asked_at_s_ = now_s;
    return asked_id_;
}

void ReactionTimeTest::cue_shown(std::uint16_t cue_id, double cue_t_s, double now_s) {
    if (state_ != ReactionTestState::CueAsked || cue_id != asked_id_) return;
    state_ = ReactionTestState::CueOn;
    cue_t_s_ = cue_t_s;
    cue_on_at_s_ = now_s;
}

void ReactionTimeTest::record(std::optional<double> cue_t_s, std::optional<double> press_t_s,
                              CueOutcome outcome) {
    ReactionCue cue;
    cue.number = static_cast<int>(cues_.size()) + 1;
    cue.cue_t_s = cue_t_s;
    cue.press_t_s = press_t_s;
    if (cue_t_s && press_t_s) cue.reaction_ms = reaction_ms(*cue_t_s, *press_t_s);
    cue.outcome = outcome;
    cues_.push_back(cue);
}

void ReactionTimeTest::repeat(double now_s) {
    if (anticipations_ + misses_ + lost_cues_ > config_.max_repeats) {
        state_ = ReactionTestState::Done;
        return;
    }
    schedule_next(now_s);
}

void ReactionTimeTest::press(double press_t_s, double now_s) {
    if (state_ == ReactionTestState::Foreperiod || state_ == ReactionTestState::CueAsked) {
        // Pressed before any cue: anticipating it. A cue already asked for is dropped when
        // it is confirmed (its id is no longer awaited).
        record(std::nullopt, press_t_s, CueOutcome::FalseStart);
        ++anticipations_;
        asked_id_ = 0;
        repeat(now_s);
        return;
    }
    if (state_ != ReactionTestState::CueOn) return;
    if (reaction_ms(cue_t_s_, press_t_s) < config_.anticipation_s * 1000.0) {
        record(cue_t_s_, press_t_s, CueOutcome::Anticipation);
        ++anticipations_;
        repeat(now_s);
        return;
    }
    if (in_practice()) {
        record(cue_t_s_, press_t_s, CueOutcome::Practice);
        ++practice_answers_;
    } else {
        record(cue_t_s_, press_t_s, CueOutcome::Counted);
        ++counted_;
    }
    if (counted_ >= config_.trials) {
        state_ = ReactionTestState::Done;
        return;
    }
    schedule_next(now_s);
}

void ReactionTimeTest::tick(double now_s) {
    if (state_ == ReactionTestState::CueAsked && now_s - asked_at_s_ >= config_.cue_confirm_s) {
        // The device never said the cue went on (a lost frame, a NACK): ask again.
        ++lost_cues_;
        asked_id_ = 0;
        repeat(now_s);
        return;
    }
    if (state_ == ReactionTestState::CueOn && now_s - cue_on_at_s_ >= config_.no_response_s) {
        record(cue_t_s_, std::nullopt, CueOutcome::Missed);
        ++misses_;
        repeat(now_s);
    }
}

void ReactionTimeTest::stop() {
    if (!finished()) state_ = ReactionTestState::Stopped;
}

ReactionTimeSummary ReactionTimeTest::summary() const {
    ReactionTimeSummary s;
    std::vector<double> counted_ms;
    for (const ReactionCue& cue : cues_)
        if (cue.outcome == CueOutcome::Counted && cue.reaction_ms)
            counted_ms.push_back(*cue.reaction_ms);
    s.n = static_cast<int>(counted_ms.size());
    s.median_ms = sample_quantile(counted_ms, 0.5);
    s.iqr_ms = interquartile_range(counted_ms);
    s.anticipations = anticipations_;
    s.misses = misses_;
    s.lost_cues = lost_cues_;
    s.complete = s.n >= config_.trials;
    s.cue_source = source_;
    s.uncertainty_ms = cue_timing(source_).uncertainty_ms;
    return s;
}

} // namespace algocore::protocols
