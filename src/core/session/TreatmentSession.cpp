#include "algocore/session/TreatmentSession.h"

#include <utility>

namespace algocore::session {

using protocols::HoldEventKind;
using protocols::HoldState;
using protocols::SequencePhase;

const char* to_string(TreatmentPromptKind kind) {
    switch (kind) {
    case TreatmentPromptKind::TakeUpSlack: return "take_up_slack";
    case TreatmentPromptKind::StepUp: return "step_up";
    case TreatmentPromptKind::OverLimit: return "over_limit";
    case TreatmentPromptKind::HoldComplete: return "hold_complete";
    case TreatmentPromptKind::TimeLimit: return "time_limit";
    case TreatmentPromptKind::Stretch: return "stretch";
    case TreatmentPromptKind::Rest: return "rest";
    case TreatmentPromptKind::NextHold: return "next_hold";
    case TreatmentPromptKind::SetDone: return "set_done";
    case TreatmentPromptKind::ReleaseFelt: return "release_felt";
    }
    return "unknown";
}

TreatmentSession::TreatmentSession(Recorder& recorder, Inbox& inbox)
    : recorder_(recorder), inbox_(inbox) {}

void TreatmentSession::visit_changed() {
    // The workbench closed the previous visit first (its holds stored). A hold measured
    // before any subject was chosen stays pending: it belongs to the subject chosen now.
    if (running()) set_ended_ = true;
    // The previous patient's finished set is stored and over: it is not this visit's to show.
    if (!running() && !pending_) sequence_.reset();
    ++generation_;
    read_thresholds();
}

void TreatmentSession::select_point(const records::Site& site, BodySide side) {
    site_ = site;
    side_ = site.paired ? side : BodySide::Midline;
    read_thresholds();
}

void TreatmentSession::refresh_thresholds() {
    read_thresholds();
}

void TreatmentSession::read_thresholds() {
    thresholds_ = {};
    thresholds_known_ = false;
    storage::Storage* storage = recorder_.storage();
    if (!storage || !recorder_.visit() || !site_) return;
    const std::string code = recorder_.visit()->subject_code;
    const records::RecordId site_id = site_->id;
    const BodySide side = side_;
    const int generation = ++generation_;
    using Both =
        std::pair<std::vector<records::PointThreshold>, std::vector<records::PointThreshold>>;
    storage::ask<Both>(
        *storage, inbox_,
        [code](storage::StorageReader& s) {
            return Both{s.thresholds_of(code, records::TrialMeasure::Ppt),
                        s.thresholds_of(code, records::TrialMeasure::Tolerance)};
        },
        [this, generation, site_id, side](storage::Answer<Both> answer) {
            if (generation != generation_ || !answer.ok()) return;
            thresholds_ = {};
            for (const auto& p : answer.value.first)
                if (p.site_id == site_id && p.side == side) thresholds_.ppt_kpa = p.mean_kpa;
            for (const auto& p : answer.value.second)
                if (p.site_id == site_id && p.side == side) thresholds_.tolerance_kpa = p.mean_kpa;
            thresholds_known_ = true;
            if (on_change_) on_change_();
        });
}

void TreatmentSession::set_prescription(const protocols::Prescription& prescription) {
    prescription_ = prescription;
}

protocols::ResolvedBand TreatmentSession::resolved() const {
    return prescription_.resolve(thresholds_);
}

bool TreatmentSession::running() const {
    return sequence_ && !set_ended_ && sequence_->phase() != SequencePhase::Done;
}

std::string TreatmentSession::start(double t_s) {
    if (!site_) return "choose the point to treat";
    if (sequence_ && sequence_->phase() == SequencePhase::Holding) return "a hold is running";
    if (pending_) save_pending(std::nullopt);
    // The next hold of a set under way (after its rest, or skipping it).
    if (running()) {
        if (!sequence_->start_hold(t_s, /*skip_wait=*/true)) return "the set cannot continue";
        prompts_.push_back({TreatmentPromptKind::NextHold, t_s, 0.0});
        last_phase_ = sequence_->phase();
        return {};
    }
    const protocols::ResolvedBand band = resolved();
    if (!band.check.ok()) return band.check.reason;
    running_ = prescription_;
    running_band_ = band.band;
    sequence_.emplace(running_, running_band_);
    set_ended_ = false;
    holds_collected_ = 0;
    sequence_->start_hold(t_s);
    last_phase_ = sequence_->phase();
    return {};
}

void TreatmentSession::stop(double t_s) {
    if (!sequence_) return;
    if (sequence_->phase() == SequencePhase::Holding) {
        sequence_->stop_hold(t_s);
    } else if (running()) {
        set_ended_ = true; // stopping during a stretch or rest ends the set
        prompts_.push_back({TreatmentPromptKind::SetDone, t_s, 0.0});
        return;
    }
    collect(t_s);
}

void TreatmentSession::feed(const Sample& sample) {
    const bool operator_down = (sample.buttons & kOperatorButton) != 0;
    const bool operator_pressed = operator_down && !operator_was_down_;
    operator_was_down_ = operator_down;
    if (!running()) return;
    // The operator button is the therapist's "release felt" key on the device itself.
    if (operator_pressed) mark_release_felt(sample.t_s);
    sequence_->feed(sample);
    collect(sample.t_s);
}

bool TreatmentSession::mark_release_felt(double t_s) {
    if (!running() || !sequence_->mark_release_felt(t_s)) return false;
    prompts_.push_back({TreatmentPromptKind::ReleaseFelt, t_s, 0.0});
    return true;
}

void TreatmentSession::tick(double t_s) {
    if (!running()) return;
    sequence_->tick(t_s);
    collect(t_s);
}

// Turns the sequence's events and phase changes into prompts and finished holds; starts
// the next hold of the set when its rest is over.
void TreatmentSession::collect(double t_s) {
    for (const protocols::HoldEvent& e : sequence_->take_events()) {
        switch (e.kind) {
        case HoldEventKind::ReleaseDetected:
            prompts_.push_back({TreatmentPromptKind::TakeUpSlack, e.t_s, e.pressure_kpa});
            break;
        case HoldEventKind::StepUp:
            prompts_.push_back({TreatmentPromptKind::StepUp, e.t_s, e.pressure_kpa});
            break;
        case HoldEventKind::OverLimit:
            prompts_.push_back({TreatmentPromptKind::OverLimit, e.t_s, e.pressure_kpa});
            break;
        case HoldEventKind::Complete:
            prompts_.push_back({TreatmentPromptKind::HoldComplete, e.t_s, e.pressure_kpa});
            break;
        case HoldEventKind::TimeLimit:
            prompts_.push_back({TreatmentPromptKind::TimeLimit, e.t_s, e.pressure_kpa});
            break;
        default: break;
        }
    }
    bool ended_early = false;
    const auto& records = sequence_->records();
    while (holds_collected_ < records.size()) {
        const protocols::HoldRecord& hold = records[holds_collected_++];
        if (pending_) save_pending(std::nullopt);
        pending_ = FinishedHold{hold, running_, running_band_, running_.hold_s, std::nullopt};
        pending_point_ = MeasuredPoint{site_ ? site_->id : records::kNoRecord, side_};
        // A hold the therapist stopped, or one over the limit, ends the set.
        ended_early = hold.end == HoldState::Stopped || hold.end == HoldState::OverLimit;
    }
    if (ended_early) {
        set_ended_ = true;
        prompts_.push_back({TreatmentPromptKind::SetDone, t_s, 0.0});
        return;
    }
    const SequencePhase phase = sequence_->phase();
    if (phase != last_phase_) {
        if (phase == SequencePhase::Stretch)
            prompts_.push_back({TreatmentPromptKind::Stretch, t_s, 0.0});
        if (phase == SequencePhase::Rest) prompts_.push_back({TreatmentPromptKind::Rest, t_s, 0.0});
        if (phase == SequencePhase::Done)
            prompts_.push_back({TreatmentPromptKind::SetDone, t_s, 0.0});
        last_phase_ = phase;
    }
    if (phase == SequencePhase::Ready) {
        // The rest is over: the next hold of the set begins by itself.
        if (pending_) save_pending(std::nullopt);
        sequence_->start_hold(t_s);
        last_phase_ = sequence_->phase();
        prompts_.push_back({TreatmentPromptKind::NextHold, t_s, 0.0});
    }
}

std::optional<protocols::PressureBand> TreatmentSession::active_band() const {
    if (!running()) return std::nullopt;
    return running_band_;
}

double TreatmentSession::remaining_s() const {
    if (!running()) return 0.0;
    if (const auto* hold = sequence_->current_hold()) return hold->remaining_s();
    return sequence_->phase_remaining_s();
}

TreatmentRunState TreatmentSession::run_state() const {
    TreatmentRunState out;
    out.running = running();
    out.remaining_s = remaining_s();
    if (!sequence_) return out;
    out.phase = sequence_->phase();
    out.repetition = sequence_->repetition();
    out.repetitions = sequence_->repetitions();
    const protocols::HoldEngine* current = sequence_->current_hold();
    out.release_can_be_marked =
        out.running && current && current->state() == protocols::HoldState::Holding;
    if (const protocols::HoldEngine* hold = sequence_->latest_hold()) {
        HoldRunState h;
        h.state = hold->state();
        h.out_of_band = hold->timer().in_excursion();
        h.time_in_band_s = hold->timer().time_in_band_s();
        h.remaining_s = hold->remaining_s();
        h.excursions = hold->timer().excursions();
        h.step_ups = hold->step_ups();
        h.started_t_s = hold->trace().empty() ? 0.0 : hold->trace().front().t_s;
        h.until_release = hold->config().hold_until_release;
        h.hold_s = hold->config().hold_s;
        h.max_hold_s = hold->config().max_hold_s;
        h.max_step_ups = hold->config().max_step_ups;
        out.hold = std::move(h);
    }
    return out;
}

std::vector<TreatmentPrompt> TreatmentSession::take_prompts() {
    return std::exchange(prompts_, {});
}

std::string TreatmentSession::save_pending(std::optional<int> pain_rating_0_10) {
    if (!pending_) return "no finished hold to save";
    if (pain_rating_0_10) {
        if (const auto check = protocols::check_pain_rating(*pain_rating_0_10); !check.ok())
            return check.reason;
    }
    pending_->pain_rating_0_10 = pain_rating_0_10;
    const auto written = recorder_.record_hold(*pending_point_, *pending_);
    if (written.id == records::kNoRecord) return recorder_.last_problem();
    last_saved_ = written.id;
    saved_.push_back(written.id);
    pending_.reset();
    pending_point_.reset();
    return {};
}

void TreatmentSession::discard_pending() {
    pending_.reset();
    pending_point_.reset();
}

void TreatmentSession::close() {
    if (sequence_ && sequence_->phase() == SequencePhase::Holding) {
        // The program ends during a hold: what was measured is kept, marked stopped.
        const auto* hold = sequence_->current_hold();
        const double t_s = hold && !hold->trace().empty() ? hold->trace().back().t_s : 0.0;
        sequence_->stop_hold(t_s);
        collect(t_s);
    }
    if (pending_) save_pending(pending_->pain_rating_0_10);
}

} // namespace algocore::session
