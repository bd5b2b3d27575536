#include "algocore/session/PptSession.h"

#include <algorithm>

#include "algocore/history/SessionReactionTime.h"
#include "algocore/protocols/PptSummary.h"
#include "algocore/protocols/ReactionAdjustment.h"
#include "algocore/session/PointRows.h"

namespace algocore::session {

using protocols::PptSeries;
using protocols::PptSeriesState;
using protocols::PptSeriesTrial;
using records::BodySide;
using records::RecordId;
using records::Site;

PptSession::PptSession(Recorder& recorder, Inbox& inbox) : recorder_(recorder), inbox_(inbox) {}

void PptSession::visit_changed() {
    // Points measured in an earlier visit start afresh in this one; their trials were stored.
    close();
    points_.clear();
    ++generation_;
    reaction_ms_.reset();
    reaction_measured_now_ = false;
    look_up_reaction_time();
    if (site_) select_point(*site_, side_);
}

void PptSession::set_reaction_time_ms(std::optional<double> reaction_ms) {
    reaction_ms_ = reaction_ms;
    reaction_measured_now_ = true;
    if (on_change_) on_change_();
}

std::optional<double> PptSession::rt_adjusted_kpa(const PptTrialRow& row) const {
    const auto& r = row.trial.result;
    return protocols::rt_adjusted_ppt_kpa(r.ppt_kpa, r.rate_at_button_kpa_s, reaction_ms_);
}

void PptSession::look_up_reaction_time() {
    storage::Storage* storage = recorder_.storage();
    const auto& visit = recorder_.visit();
    if (!storage || !visit) return;
    const std::string code = visit->subject_code;
    const int generation = generation_;
    storage::ask<std::optional<double>>(
        *storage, inbox_,
        [code](storage::StorageReader& s) -> std::optional<double> {
            const auto records = s.history_of(code);
            if (!records) return std::nullopt;
            // This visit's session is newer than every stored one.
            return history::reaction_ms_for(records->reaction_tests, records->sessions,
                                            records::kNoRecord);
        },
        [this, generation](storage::Answer<std::optional<double>> answer) {
            if (generation != generation_ || !answer.ok() || reaction_measured_now_) return;
            reaction_ms_ = answer.value;
            if (on_change_) on_change_();
        });
}

void PptSession::select_point(const Site& site, BodySide side) {
    site_ = site;
    side_ = site.paired ? side : BodySide::Midline;
    const Key key{site.key, side_};
    Point& point = points_[key];
    if (point.site.key.empty()) {
        point.site = site;
        point.side = side_;
        look_up_previous(key);
    }
}

std::string PptSession::set_preset(const protocols::PptPreset& preset) {
    const auto check = preset.validate();
    if (!check.ok()) return check.field + ": " + check.reason;
    preset_ = preset;
    return {};
}

std::string PptSession::start_trial(double t_s, bool skip_rest) {
    if (!recorder_.visit()) return "choose the subject (and start the session) first";
    Point* point = current();
    if (!point) return "choose a point on the body map or in the list";
    if (point->series && point->series->finished()) close_series(*point);
    if (!point->series) point->series.emplace(preset_);
    if (point->series->state() == PptSeriesState::RetestPrompt)
        return "answer the retest prompt first";
    if (!point->series->start_trial(t_s, skip_rest)) {
        if (point->series->state() == PptSeriesState::InterTrial)
            return "rest before the next trial (or skip the rest: the trial is then flagged "
                   "short_rest and not counted)";
        return "a trial is already running";
    }
    return {};
}

void PptSession::signal_pain(double t_s, protocols::PainSignalSource source) {
    if (Point* point = current(); point && point->series) {
        point->series->signal_pain(t_s, source);
        note_presses(*point);
        store_finished(*point);
    }
}

void PptSession::abort_trial(double t_s) {
    if (Point* point = current(); point && point->series) {
        point->series->abort_trial(t_s);
        store_finished(*point);
    }
}

void PptSession::answer_retest(bool accept, double t_s) {
    if (Point* point = current(); point && point->series) point->series->answer_retest(accept, t_s);
}

void PptSession::end_point(double t_s) {
    if (Point* point = current(); point && point->series) {
        point->series->end_series(t_s);
        store_finished(*point);
    }
}

void PptSession::feed(const Sample& sample) {
    // Only the point being measured runs; the others are finished or waiting.
    if (Point* point = current(); point && point->series) {
        point->series->feed(sample);
        note_presses(*point);
        store_finished(*point);
    }
}

void PptSession::tick(double t_s) {
    if (Point* point = current(); point && point->series) point->series->tick(t_s);
}

void PptSession::close() {
    for (auto& [key, point] : points_)
        close_series(point);
}

const PptSeries* PptSession::series() const {
    const Point* point = current();
    return point && point->series ? &*point->series : nullptr;
}

PptRunState PptSession::run_state() const {
    PptRunState run;
    const PptSeries* running = series();
    if (!running) return run;
    run.started = true;
    run.series = running->state();
    run.any_trial = !running->trials().empty();
    run.counted = running->counted_trials();
    run.needed = running->preset().trials;
    run.rest_left_s = running->countdown_remaining_s();
    run.baseline_wait = running->baseline_wait();
    if (const protocols::PptTrial* trial = running->current_trial()) {
        run.trial = trial->state();
        if (run.trial == protocols::PptTrialState::Ramping)
            run.ramp_rate_kpa_s = trial->current_rate_kpa_s();
        if (run.trial != protocols::PptTrialState::Idle) run.corridor = trial->corridor();
        run.over = running->finished() && !trial->recording();
    } else {
        run.over = running->finished();
    }
    if (run.series == PptSeriesState::RetestPrompt && run.any_trial) {
        run.retest_number = running->trials().back().number;
        run.retest_flags = running->trials().back().result.flags;
    }
    return run;
}

namespace {

// Every row at a point: its earlier series of this visit, then the running one; a row of a
// superseded series (session/PointRows.h) does not count. Point is PptSession's own.
template <typename Point>
std::vector<PptTrialRow> rows_at(const Point& point, const std::string& preset_name) {
    std::vector<PptTrialRow> rows = point.done;
    if (point.series) {
        const int offset = static_cast<int>(point.done.size());
        for (const PptSeriesTrial& trial : point.series->trials()) {
            const auto id = point.record_ids.find(trial.number);
            rows.push_back({offset + trial.number,
                            trial,
                            id == point.record_ids.end() ? records::kNoRecord : id->second,
                            0,
                            {}});
        }
    }
    for (PptTrialRow& row : rows) {
        const auto excluded = point.excluded.find(row.record_id);
        row.excluded_reason = excluded == point.excluded.end() ? "" : excluded->second;
    }
    const std::vector<bool> superseded = superseded_rows(rows, preset_name);
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (superseded[i]) rows[i].trial.counted = false;
    return rows;
}

} // namespace

std::vector<PptTrialRow> PptSession::rows() const {
    const Point* point = current();
    return point ? rows_at(*point, preset_.name) : std::vector<PptTrialRow>{};
}

bool PptSession::apply_exclusion(records::RecordId trial_id, const std::string& reason) {
    if (trial_id == records::kNoRecord) return false;
    const bool excluded = !reason.empty();
    for (auto& [key, point] : points_) {
        bool found = false;
        for (const auto& [number, id] : point.record_ids) {
            if (id != trial_id || !point.series) continue;
            // The running series decides what the exclusion means for the protocol.
            const auto& trials = point.series->trials();
            if (excluded && number >= 1 && number <= static_cast<int>(trials.size()) &&
                !trials[static_cast<std::size_t>(number - 1)].excluded)
                point.counted_before[trial_id] =
                    trials[static_cast<std::size_t>(number - 1)].counted;
            found = point.series->set_excluded(number, excluded);
        }
        for (PptTrialRow& row : point.done) {
            if (row.record_id != trial_id) continue;
            found = true;
            // An earlier series is over: the row stops counting (or counts as it did).
            if (excluded && !row.trial.excluded) point.counted_before[trial_id] = row.trial.counted;
            row.trial.excluded = excluded;
            row.trial.counted = !excluded && point.counted_before[trial_id];
        }
        if (found && !excluded) point.counted_before.erase(trial_id);
        if (!found) continue;
        if (excluded)
            point.excluded[trial_id] = reason;
        else
            point.excluded.erase(trial_id);
        if (on_change_) on_change_();
        return true;
    }
    return false;
}

PptPointResult PptSession::result() const {
    PptPointResult result;
    const Point* point = current();
    if (!point) return result;
    result.previous = point->previous;
    const std::vector<double> values = counted_kpa(*point);
    bool censored = false;
    for (const PptTrialRow& row : rows())
        censored = censored || (row.trial.counted && row.trial.result.censored());
    result.summary = protocols::summarize_ppt(values, preset_.aggregate, censored);
    if (result.summary.n == 0) return result;

    if (point->side != BodySide::Midline) {
        const BodySide other = point->side == BodySide::Left ? BodySide::Right : BodySide::Left;
        const auto found = points_.find({point->site.key, other});
        if (found != points_.end()) {
            const std::vector<double> other_values = counted_kpa(found->second);
            if (!other_values.empty()) {
                const double here = result.summary.reported_kpa;
                const double there =
                    protocols::summarize_ppt(other_values, preset_.aggregate).reported_kpa;
                result.sides = point->side == BodySide::Left
                                   ? protocols::compare_sides(here, there)
                                   : protocols::compare_sides(there, here);
            }
        }
    }
    if (point->previous && point->previous->n > 0) {
        // The stored session threshold is the mean of counted trials: compare like with like.
        // The lab's own MDC stored for this point wins over the built-in default; the same
        // MdcLookup decides for the History page and the report, and writes the provenance.
        std::vector<records::SiteMdcRecord> stored;
        if (point->own_mdc) stored.push_back(*point->own_mdc);
        result.mdc = history::MdcLookup::from_rows(std::move(stored)).mdc(point->site, point->side);
        result.change =
            history::judge_change(point->previous->mean_kpa, result.summary.mean_kpa, *result.mdc);
    }
    return result;
}

std::map<std::pair<std::string, BodySide>, double> PptSession::session_thresholds() const {
    std::map<std::pair<std::string, BodySide>, double> out;
    for (const auto& [key, point] : points_) {
        const std::vector<double> values = counted_kpa(point);
        if (!values.empty())
            out[key] = protocols::summarize_ppt(values, preset_.aggregate).reported_kpa;
    }
    return out;
}

std::vector<PptTrialRow> PptSession::take_stored() {
    return std::exchange(newly_stored_, {});
}

std::optional<protocols::BaselineWait> PptSession::baseline_wait() const {
    const PptSeries* running = series();
    return running ? running->baseline_wait() : std::nullopt;
}

std::vector<protocols::PressWhileLoaded> PptSession::take_presses_while_loaded() {
    return std::exchange(newly_pressed_, {});
}

void PptSession::note_presses(Point& point) {
    const auto& pressed = point.series->presses_while_loaded();
    for (std::size_t i = point.presses_noted; i < pressed.size(); ++i)
        newly_pressed_.push_back(pressed[i]);
    point.presses_noted = pressed.size();
}

PptSession::Point* PptSession::current() {
    if (!site_) return nullptr;
    const auto found = points_.find({site_->key, side_});
    return found == points_.end() ? nullptr : &found->second;
}

const PptSession::Point* PptSession::current() const {
    return const_cast<PptSession*>(this)->current();
}

void PptSession::store_finished(Point& point) {
    for (const PptSeriesTrial& trial : point.series->take_finished())
        store(point, trial);
}

void PptSession::store(Point& point, const PptSeriesTrial& trial) {
    const int number = static_cast<int>(point.done.size()) + trial.number;
    ++stored_trials_;
    const auto written =
        recorder_.record_trial({point.site.id, point.side}, point.series->preset(), trial, number);
    point.record_ids[trial.number] = written.id;
    newly_stored_.push_back({number, trial, written.id, written.ticket, {}});
}

void PptSession::close_series(Point& point) {
    if (!point.series) return;
    store_finished(point);
    // A last trial still recording its release is stored with the trace so far.
    for (const PptSeriesTrial& trial : point.series->take_all())
        store(point, trial);
    const int offset = static_cast<int>(point.done.size());
    for (const PptSeriesTrial& trial : point.series->trials()) {
        const auto id = point.record_ids.find(trial.number);
        point.done.push_back({offset + trial.number,
                              trial,
                              id == point.record_ids.end() ? records::kNoRecord : id->second,
                              0,
                              {}});
    }
    point.record_ids.clear();
    point.series.reset();
    point.presses_noted = 0;
}

void PptSession::look_up_previous(const Key& key) {
    storage::Storage* storage = recorder_.storage();
    const auto& visit = recorder_.visit();
    const auto found = points_.find(key);
    if (!storage || !visit || found == points_.end() || found->second.site.id == records::kNoRecord)
        return;
    const std::string code = visit->subject_code;
    const RecordId site_id = found->second.site.id;
    const BodySide side = found->second.side;
    const auto measure = measure_of(preset_);
    // Before this visit's session once it is open; until then every stored session is
    // earlier, and asking never opens one (selecting a point writes nothing).
    const RecordId before = recorder_.session_id();
    const int generation = generation_;
    const std::string site_key = key.first;
    using Earlier =
        std::pair<std::optional<records::PointThreshold>, std::optional<records::SiteMdcRecord>>;
    storage::ask<Earlier>(
        *storage, inbox_,
        [=](storage::StorageReader& s) {
            return Earlier{s.previous_threshold_of(code, site_id, side, measure, before),
                           s.site_mdc(site_key, side)};
        },
        [this, key, generation](storage::Answer<Earlier> answer) {
            if (generation != generation_ || !answer.ok()) return;
            const auto point = points_.find(key);
            if (point == points_.end()) return;
            point->second.previous = answer.value.first;
            point->second.own_mdc = answer.value.second;
            if (on_change_) on_change_();
        });
}

std::vector<double> PptSession::counted_kpa(const Point& point) const {
    // One series per point counts (protocols/ThresholdSeries.h): never a pool of series.
    std::vector<double> values;
    for (const PptTrialRow& row : rows_at(point, preset_.name))
        if (row.trial.counted) values.push_back(row.trial.result.ppt_kpa);
    return values;
}

} // namespace algocore::session
