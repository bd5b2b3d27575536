#include "algogui/thresholds/PptSessionModel.h"

#include <algorithm>

#include "algocore/protocols/PptSummary.h"

namespace algogui {

using algocore::protocols::PptSeries;
using algocore::protocols::PptSeriesState;
using algocore::protocols::PptSeriesTrial;
using algocore::storage::BodySide;
using algocore::storage::RecordId;
using algocore::storage::Site;

PptSessionModel::PptSessionModel(Storage* storage) : storage_(storage) {}

void PptSessionModel::set_storage(Storage* storage) { storage_ = storage; }

std::string PptSessionModel::use_subject(const algocore::storage::Subject& subject) {
    if (subject.code.empty()) return "enter a pseudonymous subject code";
    if (subject_ && subject_->code != subject.code) session_.reset();
    if (storage_) {
        if (auto found = storage_->find_subject(subject.code)) {
            subject_ = *found;
            return {};
        }
        algocore::storage::Subject added = subject;
        added.id = storage_->add_subject(subject).id;
        subject_ = added;
        return {};
    }
    subject_ = subject;
    return {};
}

std::string PptSessionModel::start_session(const std::string& operator_name,
                                           algocore::storage::Session session) {
    if (!subject_) return "choose or create a subject first";
    if (operator_name.empty()) return "enter the operator's name";
    if (!(session.probe_cm2 > 0.0)) return "the probe area must be above 0 cm²";
    session.subject_id = subject_->id;
    if (storage_) {
        if (auto op = storage_->find_operator(operator_name)) {
            session.operator_id = op->id;
        } else {
            algocore::storage::Operator added;
            added.name = operator_name;
            added.role = "researcher";
            session.operator_id = storage_->add_operator(added).id;
        }
        session.id = storage_->begin_session(session).id;
    }
    // Points measured in an earlier session start afresh in this one.
    for (auto& [key, point] : points_) close_series(point);
    points_.clear();
    session_ = session;
    if (site_) select_point(*site_, side_);
    return {};
}

void PptSessionModel::select_point(const Site& site, BodySide side) {
    site_ = site;
    side_ = site.paired ? side : BodySide::Midline;
    Point& point = points_[{site.key, side_}];
    if (point.site.key.empty()) {
        point.site = site;
        point.side = side_;
        look_up_previous(point);
    }
}

std::string PptSessionModel::set_preset(const algocore::protocols::PptPreset& preset) {
    const auto check = preset.validate();
    if (!check.ok()) return check.field + ": " + check.reason;
    preset_ = preset;
    return {};
}

std::string PptSessionModel::start_trial(double t_s, bool skip_rest) {
    if (!session_) return "start a session first";
    Point* point = current();
    if (!point) return "choose a point on the body map or in the list";
    if (point->series && point->series->state() == PptSeriesState::Complete) close_series(*point);
    if (!point->series) point->series.emplace(preset_);
    if (point->series->state() == PptSeriesState::RetestPrompt)
        return "answer the retest prompt first";
    if (!point->series->start_trial(t_s, skip_rest)) {
        if (point->series->state() == PptSeriesState::InterTrial)
            return "rest before the next trial (or skip the rest)";
        return "a trial is already running";
    }
    return {};
}

void PptSessionModel::signal_pain(double t_s, algocore::protocols::PainSignalSource source) {
    if (Point* point = current(); point && point->series) {
        point->series->signal_pain(t_s, source);
        store_finished(*point);
    }
}

void PptSessionModel::abort_trial(double t_s) {
    if (Point* point = current(); point && point->series) {
        point->series->abort_trial(t_s);
        store_finished(*point);
    }
}

void PptSessionModel::answer_retest(bool accept, double t_s) {
    if (Point* point = current(); point && point->series) point->series->answer_retest(accept, t_s);
}

void PptSessionModel::feed(const algocore::Sample& sample) {
    // Only the point being measured runs; the others are finished or waiting.
    if (Point* point = current(); point && point->series) {
        point->series->feed(sample);
        store_finished(*point);
    }
}

void PptSessionModel::tick(double t_s) {
    if (Point* point = current(); point && point->series) point->series->tick(t_s);
}

const PptSeries* PptSessionModel::series() const {
    const Point* point = current();
    return point && point->series ? &*point->series : nullptr;
}

std::vector<PptTrialRow> PptSessionModel::rows() const {
    const Point* point = current();
    if (!point) return {};
    std::vector<PptTrialRow> rows = point->done;
    if (point->series) {
        const int offset = static_cast<int>(point->done.size());
        for (const PptSeriesTrial& trial : point->series->trials()) {
            const auto id = point->record_ids.find(trial.number);
            rows.push_back({offset + trial.number, trial,
                            id == point->record_ids.end() ? algocore::storage::kNoRecord
                                                          : id->second});
        }
    }
    return rows;
}

PptPointResult PptSessionModel::result() const {
    PptPointResult result;
    const Point* point = current();
    if (!point) return result;
    const std::vector<double> values = counted_kpa(*point);
    bool censored = false;
    for (const PptTrialRow& row : rows())
        censored = censored || (row.trial.counted && row.trial.result.censored());
    result.summary = algocore::protocols::summarize_ppt(values, preset_.aggregate, censored);
    if (result.summary.n == 0) return result;

    if (point->side != BodySide::Midline) {
        const BodySide other = point->side == BodySide::Left ? BodySide::Right : BodySide::Left;
        const auto found = points_.find({point->site.key, other});
        if (found != points_.end()) {
            const std::vector<double> other_values = counted_kpa(found->second);
            if (!other_values.empty()) {
                const double here = result.summary.reported_kpa;
                const double there =
                    algocore::protocols::summarize_ppt(other_values, preset_.aggregate)
                        .reported_kpa;
                result.sides = point->side == BodySide::Left
                                   ? algocore::protocols::compare_sides(here, there)
                                   : algocore::protocols::compare_sides(there, here);
            }
        }
    }
    if (point->previous && point->previous->n > 0) {
        // The stored session threshold is the mean of counted trials: compare like with like.
        const double mdc = point->site.mdc_kpa > 0.0
                               ? point->site.mdc_kpa
                               : algocore::protocols::MdcTable().mdc_kpa(point->site.name);
        result.change = algocore::protocols::judge_change(point->previous->mean_kpa,
                                                          result.summary.mean_kpa, mdc);
    }
    return result;
}

std::map<std::pair<std::string, BodySide>, double> PptSessionModel::session_thresholds() const {
    std::map<std::pair<std::string, BodySide>, double> out;
    for (const auto& [key, point] : points_) {
        const std::vector<double> values = counted_kpa(point);
        if (!values.empty())
            out[key] = algocore::protocols::summarize_ppt(values, preset_.aggregate).reported_kpa;
    }
    return out;
}

PptSessionModel::Point* PptSessionModel::current() {
    if (!site_) return nullptr;
    const auto found = points_.find({site_->key, side_});
    return found == points_.end() ? nullptr : &found->second;
}

const PptSessionModel::Point* PptSessionModel::current() const {
    return const_cast<PptSessionModel*>(this)->current();
}

void PptSessionModel::store_finished(Point& point) {
    for (const PptSeriesTrial& trial : point.series->take_finished()) store(point, trial);
}

void PptSessionModel::store(Point& point, const PptSeriesTrial& trial) {
    const int number = static_cast<int>(point.done.size()) + trial.number;
    ++stored_trials_;
    if (!storage_ || !session_) return;
    algocore::storage::Trial record;
    record.session_id = session_->id;
    record.site_id = point.site.id;
    record.side = point.side;
    record.measure = measure();
    record.index = number;
    record.ppt_kpa = trial.result.ppt_kpa;
    record.rate_kpa_s = trial.result.rate_kpa_s;
    record.target_rate_kpa_s = point.series->preset().rate_kpa_s;
    record.probe_cm2 = session_->probe_cm2;
    record.valid = trial.result.valid;
    record.counted = trial.counted;
    record.flags = trial.result.flags;
    record.outcome = algocore::protocols::to_string(trial.result.end);
    record.preset = point.series->preset().name;
    // The calibration that produced the samples, as the samples themselves say.
    record.calibration_id =
        trial.trace.empty() ? session_->calibration_id : trial.trace.front().calibration_id;
    record.in_corridor_pct = trial.result.in_corridor_pct;
    record.ramp_start_t_s = trial.result.ramp_start_t_s;
    record.signal_t_s = trial.result.t_signal_s;
    record.peak_kpa = trial.result.peak_kpa;
    point.record_ids[trial.number] =
        storage_->record_trial(record, algocore::storage::to_trace(trial.trace)).id;
}

void PptSessionModel::close_series(Point& point) {
    if (!point.series) return;
    store_finished(point);
    // A last trial still recording its release is stored with the trace so far.
    const auto& trials = point.series->trials();
    for (const PptSeriesTrial& trial : trials) {
        if (point.record_ids.count(trial.number) || !storage_ || !session_) continue;
        PptSeriesTrial copy = trial;
        if (copy.trace.empty() && point.series->current_trial())
            copy.trace = point.series->current_trial()->trace();
        store(point, copy);
    }
    const int offset = static_cast<int>(point.done.size());
    for (const PptSeriesTrial& trial : trials) {
        const auto id = point.record_ids.find(trial.number);
        point.done.push_back({offset + trial.number, trial,
                              id == point.record_ids.end() ? algocore::storage::kNoRecord
                                                           : id->second});
    }
    point.record_ids.clear();
    point.series.reset();
}

void PptSessionModel::look_up_previous(Point& point) {
    point.previous.reset();
    if (!storage_ || !subject_ || !session_ || point.site.id == algocore::storage::kNoRecord)
        return;
    point.previous = storage_->previous_threshold(subject_->id, point.site.id, point.side,
                                                  measure(), session_->id);
}

algocore::storage::TrialMeasure PptSessionModel::measure() const {
    return preset_.name == "tolerance" ? algocore::storage::TrialMeasure::Tolerance
                                       : algocore::storage::TrialMeasure::Ppt;
}

std::vector<double> PptSessionModel::counted_kpa(const Point& point) const {
    std::vector<double> values;
    for (const PptTrialRow& row : point.done)
        if (row.trial.counted) values.push_back(row.trial.result.ppt_kpa);
    if (point.series)
        for (const PptSeriesTrial& trial : point.series->trials())
            if (trial.counted) values.push_back(trial.result.ppt_kpa);
    return values;
}

}  // namespace algogui
