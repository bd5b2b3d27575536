#include "algocore/session/TrainingSession.h"

#include <algorithm>
#include <utility>

#include "algocore/protocols/ContactSpan.h"
#include "algocore/storage/NameRule.h"

namespace algocore::session {

using protocols::FeedbackLevel;
using protocols::MotionTemplate;

namespace {
constexpr double kShortestTemplateS = 1.0;
constexpr std::size_t kReservedSamples = 1u << 14;
} // namespace

TrainingSession::TrainingSession(storage::Storage* storage, Inbox& inbox,
                                 std::function<std::string()> utc_now)
    : recorder_(storage, std::move(utc_now)), inbox_(inbox) {
    recording_.reserve(kReservedSamples);
    attempt_.reserve(kReservedSamples);
}

void TrainingSession::set_storage(storage::Storage* storage) {
    recorder_.set_storage(storage);
    ++generation_;
    // Nothing read from the database before stays: its templates (and the one chosen from
    // them, with an attempt against it), the student's plan and scores. A template recorded or
    // set here and not taken from there stays in use.
    templates_.clear();
    if (template_id_) {
        template_id_.reset();
        expert_.reset();
        if (phase_ == Phase::Attempt) phase_ = Phase::Idle;
        attempt_.clear();
    }
    plan_id_.reset();
    attempts_done_ = 0;
    last_score_.reset();
    progress_.clear();
    load_templates();
    if (!student_.empty()) read_student();
    changed();
}

void TrainingSession::set_device(const std::string& serial, CalibrationId calibration,
                                 double probe_cm2) {
    device_serial_ = serial;
    calibration_id_ = calibration;
    probe_cm2_ = probe_cm2;
    recorder_.set_device(serial, calibration);
}

void TrainingSession::changed() {
    if (on_change_) on_change_();
}

std::string TrainingSession::begin(const std::string& name, const char* role) {
    Visit visit;
    visit.subject_code = kPracticeSubject;
    visit.operator_name = name;
    visit.operator_role = role;
    visit.device_serial = device_serial_;
    visit.calibration_id = calibration_id_;
    visit.probe_cm2 = probe_cm2_;
    return recorder_.begin_visit(visit);
}

std::string TrainingSession::set_teacher(const std::string& name) {
    const std::string cleaned = trimmed(name);
    if (cleaned.empty()) return message_ = "enter the teacher's name";
    if (std::string bad = storage::check_record_name(cleaned, "the teacher's name"); !bad.empty())
        return message_ = bad;
    teacher_ = cleaned;
    return message_.clear(), std::string{};
}

std::string TrainingSession::start_recording(protocols::TemplateKind kind, const std::string& name,
                                             std::optional<protocols::PressureBand> band) {
    if (phase_ == Phase::Attempt) return message_ = "finish the attempt first";
    if (band && !band->validate().ok()) return message_ = band->validate().reason;
    if (std::string bad = storage::check_record_name(trimmed(name), "the template's name");
        !bad.empty())
        return message_ = bad;
    recording_kind_ = kind;
    recording_name_ =
        trimmed(name).empty() ? std::string(protocols::to_string(kind)) : trimmed(name);
    band_ = band;
    recording_.clear();
    phase_ = Phase::Recording;
    message_.clear();
    return {};
}

std::string TrainingSession::finish_recording() {
    if (phase_ != Phase::Recording) return message_ = "nothing is being recorded";
    phase_ = Phase::Idle;
    std::vector<Sample> in_contact;
    const auto trimmed = template_of(recording_kind_, recording_name_, recording_, &in_contact);
    if (!trimmed) return message_ = "template not kept: the probe never touched the skin";
    const MotionTemplate& recorded = *trimmed;
    if (const auto check = recorded.validate(); !check.ok())
        return message_ = "template not kept: " + check.reason;
    if (recorded.duration_s() < kShortestTemplateS)
        return message_ = "template not kept: shorter than 1 s";
    expert_ = recorded;
    template_id_.reset();
    plan_id_.reset();
    attempts_done_ = 0;
    message_.clear();
    // Recorded by the teacher (operator of the recording session), then the student's again.
    const std::string student = student_;
    begin(teacher_.empty() ? std::string("teacher") : teacher_, "teacher");
    const auto written = recorder_.record_template(recorded, in_contact, band_);
    if (written.id != records::kNoRecord)
        template_id_ = written.id;
    else
        message_ = "template kept for this session only: " + recorder_.last_problem();
    if (!student.empty()) begin(student, "student");
    load_templates();
    changed();
    return {};
}

void TrainingSession::load_templates() {
    storage::Storage* storage = recorder_.storage();
    if (!storage) return;
    const int generation = generation_;
    storage::ask<std::vector<records::ExpertTemplate>>(
        *storage, inbox_, [](storage::StorageReader& s) { return s.templates(); },
        [this, generation](storage::Answer<std::vector<records::ExpertTemplate>> answer) {
            if (generation != generation_ || !answer.ok()) return;
            templates_ = std::move(answer.value);
            changed();
        });
}

void TrainingSession::choose_template(records::RecordId template_id) {
    storage::Storage* storage = recorder_.storage();
    if (!storage) return;
    const int generation = generation_;
    using Found = std::pair<std::vector<records::ExpertTemplate>, std::optional<records::RawTrace>>;
    storage::ask<Found>(
        *storage, inbox_,
        [template_id](storage::StorageReader& s) {
            return Found{s.templates(), s.template_trace(template_id)};
        },
        [this, generation, template_id](storage::Answer<Found> answer) {
            if (generation != generation_) return;
            if (!answer.ok() || !answer.value.second) {
                message_ = "template " + std::to_string(template_id) + " cannot be read: " +
                           (answer.ok() ? std::string("not found") : answer.error);
                changed();
                return;
            }
            for (const auto& t : answer.value.first) {
                if (t.id != template_id) continue;
                const auto kind = t.kind == "ramp" ? protocols::TemplateKind::Ramp
                                                   : protocols::TemplateKind::Hold;
                const auto chosen = template_from_trace(kind, t.name, *answer.value.second);
                if (!chosen) {
                    message_ = "template " + std::to_string(template_id) +
                               " never touches the skin: it cannot be used";
                    changed();
                    return;
                }
                expert_ = *chosen;
                template_id_ = t.id;
                band_.reset();
                if (t.band_low_kpa && t.band_high_kpa)
                    band_ = protocols::PressureBand{*t.band_low_kpa, *t.band_high_kpa};
                // The student's stored plan counts on when it is for this template.
                if (!student_.empty()) read_student();
                message_.clear();
                changed();
            }
        });
}

std::optional<MotionTemplate> TrainingSession::template_of(protocols::TemplateKind kind,
                                                           const std::string& name,
                                                           const std::vector<Sample>& trace,
                                                           std::vector<Sample>* in_contact) {
    std::vector<Sample> span = protocols::contact_samples(trace);
    if (span.empty()) return std::nullopt;
    MotionTemplate expert = MotionTemplate::from_trace(kind, name, span);
    if (in_contact) *in_contact = std::move(span);
    return expert;
}

std::optional<MotionTemplate> TrainingSession::template_from_trace(protocols::TemplateKind kind,
                                                                   const std::string& name,
                                                                   const records::RawTrace& trace) {
    std::vector<Sample> samples;
    samples.reserve(trace.samples.size());
    for (const auto& s : trace.samples) {
        Sample sample;
        sample.t_s = s.t_s;
        sample.pressure_kpa = s.pressure_kpa;
        sample.force_n = s.force_n;
        samples.push_back(sample);
    }
    // Templates stored before they were trimmed at contact are trimmed here.
    return template_of(kind, name, samples);
}

void TrainingSession::use_template(const MotionTemplate& expert,
                                   std::optional<protocols::PressureBand> band) {
    expert_ = expert;
    template_id_.reset();
    band_ = band;
    plan_id_.reset();
    attempts_done_ = 0;
}

std::string TrainingSession::set_student(const std::string& name) {
    const std::string cleaned = trimmed(name);
    if (cleaned.empty()) return message_ = "enter the student's name";
    if (std::string bad = storage::check_record_name(cleaned, "the student's name"); !bad.empty())
        return message_ = bad;
    if (std::string problem = begin(cleaned, "student"); !problem.empty())
        return message_ = problem;
    student_ = cleaned;
    plan_id_.reset();
    attempts_done_ = 0;
    last_score_.reset();
    progress_.clear();
    message_.clear();
    read_student();
    return {};
}

void TrainingSession::read_student() {
    storage::Storage* storage = recorder_.storage();
    if (!storage || student_.empty()) return;
    const std::string name = student_;
    const int generation = generation_;
    const int request = ++student_request_;
    using Found = std::pair<std::optional<records::TrainingPlanProgress>,
                            std::vector<records::TrainingScore>>;
    storage::ask<Found>(
        *storage, inbox_,
        [name](storage::StorageReader& s) {
            return Found{s.latest_plan(name), s.scores_of_student(name)};
        },
        [this, generation, request](storage::Answer<Found> answer) {
            // Only the newest request for the current database counts.
            if (generation != generation_ || request != student_request_ || !answer.ok()) return;
            // Attempts scored while the read was on its way are not in it: they stay, after
            // the stored ones.
            std::vector<records::TrainingScore> scored_since;
            for (auto& score : progress_) {
                const auto& stored_scores = answer.value.second;
                if (std::none_of(stored_scores.begin(), stored_scores.end(),
                                 [&score](const auto& s) { return s.id == score.id; }))
                    scored_since.push_back(std::move(score));
            }
            progress_ = std::move(answer.value.second);
            progress_.insert(progress_.end(), scored_since.begin(), scored_since.end());
            const auto& stored = answer.value.first;
            // A stored plan on the template in use continues where the student left off.
            if (stored && (!template_id_ || stored->plan.template_id == *template_id_)) {
                std::string error;
                if (auto schedule =
                        protocols::FeedbackSchedule::from_json(stored->plan.schedule, &error)) {
                    schedule_ = *schedule;
                    plan_id_ = stored->plan.id;
                    attempts_done_ = stored->attempts_done;
                } else {
                    message_ = "the stored schedule cannot be read (" + error + "); using " +
                               "the one shown";
                }
            }
            changed();
        });
}

std::string TrainingSession::set_schedule(const protocols::FeedbackSchedule& schedule) {
    if (const auto check = schedule.validate(); !check.ok()) return message_ = check.reason;
    if (phase_ == Phase::Attempt) return message_ = "finish the attempt first";
    schedule_ = schedule;
    plan_id_.reset();
    attempts_done_ = 0;
    message_.clear();
    return {};
}

FeedbackLevel TrainingSession::level() const {
    return schedule_.level_for_attempt(attempt_number());
}

std::string TrainingSession::start_attempt() {
    if (phase_ != Phase::Idle) return message_ = "finish the recording or attempt first";
    if (!expert_) return message_ = "record or choose the expert's template first";
    if (student_.empty()) return message_ = "enter the student's name first";
    // The plan is stored with the first attempt under it, so it survives a restart.
    if (!plan_id_ && template_id_) {
        const auto written = recorder_.record_plan(*template_id_, schedule_);
        if (written.id != records::kNoRecord) plan_id_ = written.id;
    }
    attempt_.clear();
    phase_ = Phase::Attempt;
    message_.clear();
    return {};
}

void TrainingSession::finish_attempt() {
    if (phase_ != Phase::Attempt) return;
    phase_ = Phase::Idle;
    if (attempt_.empty()) {
        message_ = "attempt not scored: the probe never touched the skin";
        changed();
        return;
    }
    if (attempt_.size() < 2) {
        message_ = "attempt too short to score";
        changed();
        return;
    }
    ScoredAttempt scored;
    scored.score = protocols::score_attempt(*expert_, attempt_, band_);
    scored.level = level();
    scored.exercise = expert_->name();
    scored.template_id = template_id_;
    scored.plan_id = plan_id_;
    scored.attempt = attempt_number();
    last_score_ = scored.score;
    last_level_ = scored.level;
    ++attempts_done_;
    const auto written = recorder_.record_score(scored);
    progress_.push_back(recorder_.build_score(scored));
    progress_.back().id = written.id;
    if (written.id == records::kNoRecord)
        message_ = "score not stored: " + recorder_.last_problem();
    changed();
}

void TrainingSession::feed(const Sample& sample) {
    if (phase_ == Phase::Recording) recording_.push_back(sample);
    if (phase_ != Phase::Attempt) return;
    // The attempt begins at first contact, as the template does.
    if (attempt_.empty() && !protocols::in_contact(sample)) return;
    const bool began = attempt_.empty();
    attempt_.push_back(sample);
    if (began) changed();
    // The attempt lasts as long as the template (to within a microsecond of clock rounding).
    constexpr double kClockSlackS = 1e-6;
    if (expert_ && sample.t_s - attempt_.front().t_s >= expert_->duration_s() - kClockSlackS)
        finish_attempt();
}

std::vector<records::TrainingScore> TrainingSession::shown_progress() const {
    std::vector<records::TrainingScore> shown;
    for (const auto& score : progress_) {
        FeedbackLevel level{};
        // A score of an unknown level is shown: hiding a number needs a reason.
        if (!protocols::parse_feedback_level(score.feedback, level) ||
            protocols::plan_for(level).show_score_after)
            shown.push_back(score);
    }
    return shown;
}

std::optional<protocols::AttemptScore> TrainingSession::visible_score() const {
    if (!last_score_) return std::nullopt;
    // During an attempt the student sees the previous score only where the attempt itself
    // gives feedback; a blind attempt shows nothing until it ends.
    if (phase_ == Phase::Attempt && plan().blind()) return std::nullopt;
    if (!protocols::plan_for(last_level_).show_score_after) return std::nullopt;
    return last_score_;
}

} // namespace algocore::session
