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
    }
    return "unknown";
}

PptSeries::PptSeries(PptPreset preset) : preset_(std::move(preset)) {}

bool PptSeries::start_trial(double t_s, bool skip_rest) {
    tick(t_s);
    if (state_ == PptSeriesState::InterTrial && skip_rest) state_ = PptSeriesState::ReadyForTrial;
    if (state_ != PptSeriesState::ReadyForTrial) return false;
    // The previous trial's trace ends here even if its probe was never lifted.
    if (trial_ && !trials_.empty() && trials_.back().trace.empty())
        trials_.back().trace = trial_->trace();
    trial_.emplace(preset_);
    trial_->arm();
    state_ = PptSeriesState::TrialRunning;
    return true;
}

void PptSeries::answer_retest(bool accept, double t_s) {
    tick(t_s);
    if (state_ != PptSeriesState::RetestPrompt) return;
    if (accept) {
        ++extra_trials_;
        next_is_retest_ = true;
        state_ = PptSeriesState::InterTrial;
    } else {
        next_is_retest_ = false;
        state_ = needs_more_trials() ? PptSeriesState::InterTrial : PptSeriesState::Complete;
    }
    tick(t_s);
}

void PptSeries::feed(const Sample& sample) {
    if (trial_) {
        const bool was_finished = trial_->finished();
        trial_->feed(sample);
        if (!was_finished && trial_->finished()) {
            now_s_ = sample.t_s;
            on_trial_finished();
        }
        // Attach the trace once the probe has been released.
        if (trial_->finished() && !trial_->recording() && !trials_.empty() &&
            trials_.back().trace.empty())
            trials_.back().trace = trial_->trace();
    }
    tick(sample.t_s);
}

void PptSeries::signal_pain(double t_s, PainSignalSource source) {
    if (!trial_ || state_ != PptSeriesState::TrialRunning) return;
    trial_->signal_pain(t_s, source);
    if (trial_->finished()) {
        now_s_ = std::max(now_s_, trial_->result().t_sample_s);
        on_trial_finished();
    }
}

void PptSeries::abort_trial(double t_s) {
    if (!trial_ || state_ != PptSeriesState::TrialRunning) return;
    trial_->abort(t_s);
    now_s_ = std::max(now_s_, t_s);
    on_trial_finished();
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

bool PptSeries::needs_more_trials() const {
    const int planned = preset_.trials + (preset_.discard_first ? 1 : 0) + extra_trials_;
    return counted_trials() < preset_.trials && static_cast<int>(trials_.size()) < planned;
}

void PptSeries::on_trial_finished() {
    PptSeriesTrial record;
    record.number = static_cast<int>(trials_.size()) + 1;
    record.retest = next_is_retest_;
    record.result = trial_->result();
    // The familiarisation trial never counts, even when it is valid.
    const bool familiarisation = preset_.discard_first && record.number == 1;
    record.counted = record.result.valid && !familiarisation;
    if (!trial_->recording()) record.trace = trial_->trace();
    trials_.push_back(std::move(record));
    next_is_retest_ = false;
    rest_until_s_ = now_s_ + preset_.inter_trial_s;

    const PptSeriesTrial& last = trials_.back();
    const bool may_add = extra_trials_ < preset_.retest.max_extra_trials;
    if (!last.result.valid && preset_.retest.repeat_invalid && may_add &&
        counted_trials() < preset_.trials) {
        state_ = PptSeriesState::RetestPrompt;
        return;
    }
    if (!needs_more_trials() && counted_trials() >= preset_.trials &&
        preset_.retest.max_spread_pct > 0.0 && may_add && !spread_retest_done_ &&
        summary().cv_pct > preset_.retest.max_spread_pct) {
        // Trials disagree more than the protocol allows: one more trial.
        ++extra_trials_;
        spread_retest_done_ = true;
        next_is_retest_ = true;
        state_ = PptSeriesState::InterTrial;
        tick(now_s_);
        return;
    }
    state_ = needs_more_trials() ? PptSeriesState::InterTrial : PptSeriesState::Complete;
    tick(now_s_);
}

} // namespace algocore::protocols
