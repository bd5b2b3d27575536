#include "algocore/protocols/HoldSequence.h"

#include <utility>

namespace algocore::protocols {

const char* to_string(SequencePhase phase) {
    switch (phase) {
    case SequencePhase::Ready: return "ready";
    case SequencePhase::Holding: return "holding";
    case SequencePhase::Stretch: return "stretch";
    case SequencePhase::Rest: return "rest";
    case SequencePhase::Done: return "done";
    }
    return "unknown";
}

HoldSequence::HoldSequence(Prescription prescription, PressureBand band)
    : prescription_(std::move(prescription)), config_(hold_config_for(prescription_, band)) {}

bool HoldSequence::start_hold(double t_s, bool skip_wait) {
    tick(t_s);
    if (skip_wait && (phase_ == SequencePhase::Stretch || phase_ == SequencePhase::Rest))
        phase_ = SequencePhase::Ready;
    if (phase_ != SequencePhase::Ready) return false;
    hold_.emplace(config_);
    phase_ = SequencePhase::Holding;
    return true;
}

void HoldSequence::stop_hold(double t_s) {
    if (!hold_ || phase_ != SequencePhase::Holding) return;
    hold_->stop(t_s);
    collect_events();
    on_hold_finished(t_s);
}

bool HoldSequence::mark_release_felt(double t_s) {
    if (!hold_ || phase_ != SequencePhase::Holding) return false;
    return hold_->mark_release_felt(t_s);
}

void HoldSequence::collect_events() {
    for (const HoldEvent& event : hold_->take_events())
        events_.push_back(event);
}

std::vector<HoldEvent> HoldSequence::take_events() {
    if (hold_) collect_events();
    return std::exchange(events_, {});
}

void HoldSequence::feed(const Sample& sample) {
    if (hold_ && phase_ == SequencePhase::Holding) {
        hold_->feed(sample);
        if (hold_->finished()) {
            collect_events();
            on_hold_finished(sample.t_s);
        }
    }
    tick(sample.t_s);
}

void HoldSequence::on_hold_finished(double t_s) {
    if (t_s > now_s_) now_s_ = t_s;
    HoldRecord record;
    record.repetition = static_cast<int>(records_.size()) + 1;
    record.end = hold_->state();
    record.metrics = hold_->metrics();
    record.step_ups = hold_->step_ups();
    record.trace = hold_->trace();
    record.release_marks_s = hold_->release_marks_s();
    record.release_detections_s = hold_->release_detections_s();
    records_.push_back(std::move(record));
    finished_ = std::move(hold_);
    hold_.reset();
    const bool more = static_cast<int>(records_.size()) < prescription_.repetitions;
    // The stretch follows every hold; the rest only separates holds.
    if (prescription_.stretch_s > 0.0) {
        phase_ = SequencePhase::Stretch;
        phase_until_s_ = now_s_ + prescription_.stretch_s;
    } else if (more) {
        phase_ = SequencePhase::Rest;
        phase_until_s_ = now_s_ + prescription_.rest_s;
    } else {
        phase_ = SequencePhase::Done;
    }
    tick(now_s_);
}

void HoldSequence::tick(double t_s) {
    if (t_s > now_s_) now_s_ = t_s;
    const bool more = static_cast<int>(records_.size()) < prescription_.repetitions;
    if (phase_ == SequencePhase::Stretch && now_s_ >= phase_until_s_) {
        if (more) {
            phase_ = SequencePhase::Rest;
            phase_until_s_ += prescription_.rest_s;
        } else {
            phase_ = SequencePhase::Done;
        }
    }
    if (phase_ == SequencePhase::Rest && now_s_ >= phase_until_s_) phase_ = SequencePhase::Ready;
}

double HoldSequence::phase_remaining_s() const {
    if (phase_ != SequencePhase::Stretch && phase_ != SequencePhase::Rest) return 0.0;
    const double left = phase_until_s_ - now_s_;
    return left > 0.0 ? left : 0.0;
}

} // namespace algocore::protocols
