#include "algocore/protocols/PptSeries.h"

#include <algorithm>
#include <utility>

namespace algocore::protocols {

const char* to_string(PptSeriesState state) {
    switch (state) {
    case PptSeriesState::ReadyForTrial: return "ready_for_trial";
    case PptSeriesState::TrialRunning: return "trial_running";
    case PptSeriesState::InterTrial: return "inter_trial";
    case PptSeriesState::RetestPrompt: return "retest_prompt";
    case PptSeriesState::Complete: return "complete";
    case PptSeriesState::Incomplete: return "incomplete";
    }
    return "unknown";
}

PptSeries::PptSeries(PptPreset preset) : preset_(std::move(preset)) {}

bool PptSeries::finished() const {
    return state_ == PptSeriesState::Complete || state_ == PptSeriesState::Incomplete;
}

bool PptSeries::start_trial(double t_s, bool skip_rest) {
    tick(t_s);
    if (state_ == PptSeriesState::InterTrial && skip_rest) state_ = PptSeriesState::ReadyForTrial;
    if (state_ != PptSeriesState::ReadyForTrial) return false;
    if (!watch_) {
        watch_.emplace(preset_);
        watch_->arm();
    }
    // The operator's start is the same armed trial the series was already watching with.
    begin_watched_trial();
    return true;
}

void PptSeries::answer_retest(bool accept, double t_s) {
    tick(t_s);
    if (state_ != PptSeriesState::RetestPrompt) return;
    if (accept) {
        ++extra_trials_;
        next_is_retest_ = true;
        state_ = PptSeriesState::InterTrial;
        tick(t_s);
        return;
    }
    settle(counted_trials() >= preset_.trials ? PptSeriesState::Complete
                                              : PptSeriesState::Incomplete);
}

void PptSeries::end_series(double t_s) {
    tick(t_s);
    if (finished()) return;
    if (state_ == PptSeriesState::TrialRunning && trial_ && trial_->ramp_started() &&
        !trial_->finished()) {
        abort_trial(t_s);
    }
    settle(counted_trials() >= preset_.trials ? PptSeriesState::Complete
                                              : PptSeriesState::Incomplete);
}

void PptSeries::feed(const Sample& sample) {
    if (trial_) {
        const bool was_finished = trial_->finished();
        trial_->feed(sample);
        collect_presses();
        if (!was_finished && trial_->finished()) {
            now_s_ = std::max(now_s_, sample.t_s);
            on_trial_finished();
        }
        attach_trace_if_released();
    }
    if (watch_) {
        watch_->feed(sample);
        if (watch_->ramp_started()) {
            now_s_ = std::max(now_s_, sample.t_s);
            begin_watched_trial();
        }
    }
    tick(sample.t_s);
}

// The watched trial becomes the running one. A ramp that began before the rest was over,
// or while the retest prompt was open, is still a trial: it is flagged, never dropped.
void PptSeries::begin_watched_trial() {
    if (state_ == PptSeriesState::RetestPrompt) {
        // Ramping again is the examiner's answer: the trial repeats the invalid one.
        ++extra_trials_;
        next_is_retest_ = true;
    }
    // The previous trial's trace ends here even if its probe was never lifted.
    if (trial_ && !trials_.empty() && trials_.back().trace.empty())
        trials_.back().trace = trial_->trace();
    trial_ = std::move(watch_);
    watch_.reset();
    // The watched trial's presses are its own: a press while it waited during the rest was
    // not one the operator started a trial for, so none of them is taken as an event.
    presses_collected_ = trial_->presses_while_loaded().size();
    state_ = PptSeriesState::TrialRunning;
    if (trial_->finished()) {
        // Rare: the watched trial ramped and ended within one sample.
        on_trial_finished();
    }
}

void PptSeries::signal_pain(double t_s, PainSignalSource source) {
    if (!trial_ || state_ != PptSeriesState::TrialRunning) return;
    trial_->signal_pain(t_s, source);
    collect_presses();
    if (trial_->finished()) {
        now_s_ = std::max(now_s_, trial_->result().t_sample_s);
        on_trial_finished();
    }
}

void PptSeries::abort_trial(double t_s) {
    if (!trial_ || state_ != PptSeriesState::TrialRunning) return;
    if (!trial_->ramp_started()) {
        cancel_armed_trial(t_s);
        return;
    }
    trial_->abort(t_s);
    now_s_ = std::max(now_s_, t_s);
    on_trial_finished();
}

// Nothing was measured: the arming is undone, no trial is recorded and no rest begins (a rest
// already running from the previous trial runs on). The next ramp from baseline is still a
// trial, as after any trial.
void PptSeries::cancel_armed_trial(double t_s) {
    now_s_ = std::max(now_s_, t_s);
    trial_.reset();
    if (trials_.empty()) {
        state_ = PptSeriesState::ReadyForTrial;
        return;
    }
    state_ = PptSeriesState::InterTrial;
    watch_.emplace(preset_);
    watch_->arm();
    tick(now_s_);
}

void PptSeries::tick(double t_s) {
    if (t_s > now_s_) now_s_ = t_s;
    if (state_ == PptSeriesState::InterTrial && now_s_ >= rest_until_s_)
        state_ = PptSeriesState::ReadyForTrial;
}

double PptSeries::countdown_remaining_s() const {
    if (state_ != PptSeriesState::InterTrial && state_ != PptSeriesState::RetestPrompt) return 0.0;
    const double left = rest_until_s_ - now_s_;
    return left > 0.0 ? left : 0.0;
}

const PptTrial* PptSeries::current_trial() const {
    return trial_ ? &*trial_ : nullptr;
}

void PptSeries::attach_trace_if_released() {
    if (trial_ && trial_->finished() && !trial_->recording() && !trials_.empty() &&
        trials_.back().trace.empty())
        trials_.back().trace = trial_->trace();
}

std::vector<PptSeriesTrial> PptSeries::take_finished() {
    // A trial is handed out once its trace is complete (probe released) or a newer trial
    // has started.
    std::vector<PptSeriesTrial> out;
    while (reported_ < trials_.size()) {
        const bool last = reported_ + 1 == trials_.size();
        if (last && trial_ && trial_->recording()) break;
        if (last && trials_.back().trace.empty() && trial_) trials_.back().trace = trial_->trace();
        out.push_back(trials_[reported_]);
        ++reported_;
    }
    return out;
}

std::vector<PptSeriesTrial> PptSeries::take_all() {
    if (!trials_.empty() && trials_.back().trace.empty() && trial_)
        trials_.back().trace = trial_->trace();
    std::vector<PptSeriesTrial> out(trials_.begin() + static_cast<std::ptrdiff_t>(reported_),
                                    trials_.end());
    reported_ = trials_.size();
    return out;
}

int PptSeries::counted_trials() const {
    int counted = 0;
    for (const auto& trial : trials_)
        counted += trial.counted ? 1 : 0;
    return counted;
}

PptSummary PptSeries::summary() const {
    std::vector<double> values;
    bool censored = false;
    for (const auto& trial : trials_) {
        if (!trial.counted) continue;
        values.push_back(trial.result.ppt_kpa);
        censored = censored || trial.result.censored();
    }
    return summarize_ppt(values, preset_.aggregate, censored);
}

int PptSeries::trials_allowed() const {
    return preset_.trials + (preset_.discard_first ? 1 : 0) + preset_.retest.max_extra_trials +
           replaced_;
}

bool PptSeries::set_excluded(int number, bool excluded) {
    if (number < 1 || number > static_cast<int>(trials_.size())) return false;
    PptSeriesTrial& trial = trials_[static_cast<std::size_t>(number - 1)];
    if (trial.excluded == excluded) return true;
    const bool familiarisation = preset_.discard_first && trial.number == 1;
    const bool protocol_counted = trial.result.valid && !familiarisation;
    trial.excluded = excluded;
    trial.counted = protocol_counted && !excluded;
    if (!protocol_counted) return true;
    replaced_ += excluded ? 1 : -1;
    if (excluded && state_ == PptSeriesState::Complete && counted_trials() < preset_.trials) {
        // The series is open again for the replacement: the rest runs from the last trial.
        state_ = PptSeriesState::InterTrial;
        watch_.emplace(preset_);
        watch_->arm();
        tick(now_s_);
    } else if (!excluded && !finished() && state_ != PptSeriesState::TrialRunning &&
               counted_trials() >= preset_.trials) {
        settle(PptSeriesState::Complete);
    }
    return true;
}

void PptSeries::settle(PptSeriesState next) {
    state_ = next;
    if (finished()) watch_.reset();
}

void PptSeries::on_trial_finished() {
    PptSeriesTrial record;
    if (!trials_.empty() && !trial_->trace().empty()) {
        // The rest runs from the previous trial's end to this ramp's start, however the
        // trial was started (the skip-rest button included).
        const double start_t_s = trial_->result().ramp_start_t_s;
        record.rest_s = start_t_s - last_end_t_s_;
        if (start_t_s < rest_until_s_ - preset_.rest_grace_s) trial_->add_flags(kShortRest);
    }
    record.number = static_cast<int>(trials_.size()) + 1;
    record.retest = next_is_retest_;
    record.result = trial_->result();
    // The familiarisation trial never counts, even when it is valid.
    const bool familiarisation = preset_.discard_first && record.number == 1;
    record.counted = record.result.valid && !familiarisation;
    if (!trial_->recording()) record.trace = trial_->trace();
    // Presses while this trial waited for the baseline go with it (one cancelled arming's too).
    record.presses_while_loaded.assign(
        presses_.begin() + static_cast<std::ptrdiff_t>(presses_stored_), presses_.end());
    presses_stored_ = presses_.size();
    trials_.push_back(std::move(record));
    next_is_retest_ = false;
    last_end_t_s_ = now_s_;
    rest_until_s_ = now_s_ + preset_.inter_trial_s;

    const PptSeriesTrial& last = trials_.back();
    const int used = static_cast<int>(trials_.size());
    const bool may_add = used < trials_allowed();
    if (counted_trials() >= preset_.trials) {
        if (preset_.retest.max_spread_pct > 0.0 && may_add && !spread_retest_done_ &&
            summary().cv_pct > preset_.retest.max_spread_pct) {
            // Trials disagree more than the protocol allows: one more trial.
            ++extra_trials_;
            spread_retest_done_ = true;
            next_is_retest_ = true;
            state_ = PptSeriesState::InterTrial;
        } else {
            settle(PptSeriesState::Complete);
            return;
        }
    } else if (!may_add) {
        settle(PptSeriesState::Incomplete);
        return;
    } else if (!last.result.valid && preset_.retest.repeat_invalid) {
        state_ = PptSeriesState::RetestPrompt;
    } else {
        state_ = PptSeriesState::InterTrial;
    }
    // From now on the next ramp from baseline is a trial, whether or not it is started.
    watch_.emplace(preset_);
    watch_->arm();
    tick(now_s_);
}

std::optional<BaselineWait> PptSeries::baseline_wait() const {
    if (state_ != PptSeriesState::TrialRunning || !trial_) return std::nullopt;
    return trial_->baseline_wait();
}

void PptSeries::collect_presses() {
    const auto& pressed = trial_->presses_while_loaded();
    for (std::size_t i = presses_collected_; i < pressed.size(); ++i)
        presses_.push_back(pressed[i]);
    presses_collected_ = pressed.size();
}

} // namespace algocore::protocols
