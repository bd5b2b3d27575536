#include "algocore/protocols/PptTrial.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "algocore/Buttons.h"

namespace algocore::protocols {

namespace {
// After the end the trace keeps recording until the probe is released, but never longer
// than this (the operator may simply keep the probe resting on the skin).
constexpr double kMaxTailS = 10.0;
// The probe counts as released below this fraction of the contact pressure, held for
// kReleaseConfirmS; a tremor dip at the start of a ramp lasts a few tens of milliseconds.
constexpr double kReleaseFractionOfContact = 0.5;
constexpr double kReleaseConfirmS = 0.2;
// Flags that make a trial invalid. A cut-off alone is a valid (censored) result.
// A rate at the button off target is a deviation from the protocol at the moment the
// threshold is read, so it invalidates like a whole-ramp rate out of tolerance.
constexpr std::uint32_t kInvalidating =
    kRateOutOfTolerance | kNoButton | kAborted | kLowCorridorFraction | kDataGap | kSaturated |
    kTooShortRamp | kStartedAboveBaseline | kShortRest | kRateAtButton;
} // namespace

const char* to_string(PptTrialState state) {
    switch (state) {
    case PptTrialState::Idle: return "idle";
    case PptTrialState::WaitingForBaseline: return "waiting_for_baseline";
    case PptTrialState::WaitingForContact: return "waiting_for_contact";
    case PptTrialState::Ramping: return "ramping";
    case PptTrialState::Done: return "done";
    case PptTrialState::Aborted: return "aborted";
    case PptTrialState::CutOff: return "cut_off";
    }
    return "unknown";
}

PptTrial::PptTrial(PptPreset preset) : preset_(std::move(preset)) {}

void PptTrial::arm() {
    if (state_ == PptTrialState::Idle) state_ = PptTrialState::WaitingForBaseline;
}

bool PptTrial::ramp_started() const {
    return state_ != PptTrialState::Idle && state_ != PptTrialState::WaitingForBaseline &&
           state_ != PptTrialState::WaitingForContact;
}

void PptTrial::add_flags(std::uint32_t flags) {
    result_.flags |= flags;
    result_.valid = (result_.flags & kInvalidating) == 0;
}

bool PptTrial::finished() const {
    return state_ == PptTrialState::Done || state_ == PptTrialState::Aborted ||
           state_ == PptTrialState::CutOff;
}

bool PptTrial::recording() const {
    return finished() && !released_ && !trace_.empty();
}

void PptTrial::feed(const Sample& sample) {
    const bool patient_down = (sample.buttons & kPatientButton) != 0;
    const bool patient_edge = patient_down && !patient_was_down_ && seen_sample_;
    patient_was_down_ = patient_down;
    seen_sample_ = true;

    if (finished()) {
        // Keep the tail of the trace (peak after the signal, the release) for storage.
        if (!recording()) return;
        const double end_t_s = result_.t_sample_s;
        if (sample.pressure_kpa < kReleaseFractionOfContact * preset_.contact_kpa ||
            sample.t_s - end_t_s > kMaxTailS) {
            released_ = true;
        }
        trace_.push_back(sample);
        result_.peak_kpa = std::max(result_.peak_kpa, sample.pressure_kpa);
        return;
    }
    if (state_ == PptTrialState::WaitingForBaseline) {
        if (sample.pressure_kpa >= preset_.baseline_kpa) {
            loaded_kpa_ = sample.pressure_kpa;
            // The patient felt something on a ramp that was not seen from baseline: no
            // threshold, but the press is kept and said.
            if (patient_edge) presses_.push_back({sample.t_s, sample.pressure_kpa});
            return;
        }
        loaded_kpa_.reset();
        state_ = PptTrialState::WaitingForContact;
    }
    if (state_ == PptTrialState::WaitingForContact) {
        if (sample.pressure_kpa < preset_.contact_kpa) {
            last_waiting_ = sample;
            return;
        }
        start_ramp(sample);
        // A button already held when the ramp starts is not a signal.
        return;
    }
    if (state_ != PptTrialState::Ramping) return;

    trace_.push_back(sample);
    gauge_.add(sample.t_s, sample.pressure_kpa);
    const std::size_t last = trace_.size() - 1;

    // An external signal waiting for its sample: the nearest sample in time is now known.
    if (pending_signal_t_s_ && sample.t_s >= *pending_signal_t_s_) {
        try_align_pending();
        return;
    }
    if (patient_edge) {
        finish(PptTrialEnd::Signalled, last, sample.t_s, PainSignalSource::DevicePatientButton);
        return;
    }
    if (sample.pressure_kpa >= preset_.cutoff_kpa) {
        finish(PptTrialEnd::CutOff, last, sample.t_s, PainSignalSource::DevicePatientButton);
        return;
    }
    if (sample.pressure_kpa >= kReleaseFractionOfContact * preset_.contact_kpa) {
        below_release_since_s_.reset();
        return;
    }
    if (!below_release_since_s_) below_release_since_s_ = sample.t_s;
    if (sample.t_s - *below_release_since_s_ >= kReleaseConfirmS) {
        // Released without a signal: judge the ramp up to its peak.
        std::size_t peak = 0;
        for (std::size_t i = 1; i < trace_.size(); ++i)
            if (trace_[i].pressure_kpa > trace_[peak].pressure_kpa) peak = i;
        finish(PptTrialEnd::Released, peak, sample.t_s, PainSignalSource::DevicePatientButton);
        released_ = true;
    }
}

void PptTrial::start_ramp(const Sample& sample) {
    state_ = PptTrialState::Ramping;
    result_.ramp_start_t_s = sample.t_s;
    result_.baseline_t_s = last_waiting_ ? last_waiting_->t_s : sample.t_s;
    // The pressure jumped from below contact to well above it between two samples (a gap,
    // a dropped stretch of data): where the ramp began is unknown, so it is not a ramp from
    // baseline.
    if (!last_waiting_ || sample.pressure_kpa > 2.0 * preset_.contact_kpa ||
        (sample.flags & kGapBefore) != 0)
        pending_flags_ |= kStartedAboveBaseline;
    trace_.push_back(sample);
    gauge_.add(sample.t_s, sample.pressure_kpa);
}

std::optional<BaselineWait> PptTrial::baseline_wait() const {
    if (state_ != PptTrialState::WaitingForBaseline || !loaded_kpa_) return std::nullopt;
    return BaselineWait{*loaded_kpa_, preset_.baseline_kpa, presses_};
}

void PptTrial::signal_pain(double t_s, PainSignalSource source) {
    if (state_ == PptTrialState::WaitingForBaseline && loaded_kpa_) {
        presses_.push_back({t_s, *loaded_kpa_});
        return;
    }
    if (state_ != PptTrialState::Ramping || pending_signal_t_s_) return;
    pending_signal_t_s_ = t_s;
    pending_source_ = source;
    if (!trace_.empty() && t_s <= trace_.back().t_s) try_align_pending();
}

void PptTrial::try_align_pending() {
    const double t_s = *pending_signal_t_s_;
    finish(PptTrialEnd::Signalled, nearest_index(t_s), t_s, pending_source_);
}

std::size_t PptTrial::nearest_index(double t_s) const {
    const auto after =
        std::lower_bound(trace_.begin(), trace_.end(), t_s,
                         [](const Sample& sample, double t) { return sample.t_s < t; });
    if (after == trace_.begin()) return 0;
    if (after == trace_.end()) return trace_.size() - 1;
    const auto before = after - 1;
    // Ties go to the earlier sample: it is the one the subject was feeling.
    const bool earlier = t_s - before->t_s <= after->t_s - t_s;
    return static_cast<std::size_t>((earlier ? before : after) - trace_.begin());
}

void PptTrial::abort(double t_s) {
    if (finished()) return;
    if (trace_.empty()) {
        state_ = PptTrialState::Aborted;
        result_.end = PptTrialEnd::Aborted;
        result_.t_signal_s = t_s;
        result_.t_sample_s = t_s;
        result_.flags = kAborted | kTooShortRamp;
        result_.valid = false;
        released_ = true;
        return;
    }
    finish(PptTrialEnd::Aborted, trace_.size() - 1, t_s, PainSignalSource::OnScreen);
}

void PptTrial::finish(PptTrialEnd end, std::size_t index, double t_signal_s,
                      PainSignalSource source) {
    const Sample& at = trace_[index];
    result_.end = end;
    result_.source = source;
    result_.t_signal_s = t_signal_s;
    result_.t_sample_s = at.t_s;
    result_.ppt_kpa = at.pressure_kpa;
    result_.ppt_force_n = at.force_n;

    std::uint32_t flags = pending_flags_;
    if (end == PptTrialEnd::Released) flags |= kNoButton;
    if (end == PptTrialEnd::Aborted) flags |= kAborted;
    if (end == PptTrialEnd::CutOff) flags |= kCutOff;

    // Quality of the ramp: from its start up to the sample the threshold was read from.
    const std::size_t n = index + 1;
    std::vector<double> t(n);
    std::vector<double> p(n);
    const RampCorridor lines = *corridor();
    std::size_t inside = 0;
    for (std::size_t i = 0; i < n; ++i) {
        t[i] = trace_[i].t_s;
        p[i] = trace_[i].pressure_kpa;
        if (lines.contains(t[i], p[i])) ++inside;
        if (trace_[i].flags & kGapBefore) flags |= kDataGap;
        if (trace_[i].flags & (kOverload | kAdcSaturated)) flags |= kSaturated;
    }
    // The peak may come after the signal (reaction time): it is reported, never used.
    for (const Sample& later : trace_)
        result_.peak_kpa = std::max(result_.peak_kpa, later.pressure_kpa);
    result_.in_corridor_pct = 100.0 * static_cast<double>(inside) / static_cast<double>(n);
    const auto rate = n >= 3 ? least_squares_slope(t.data(), p.data(), n) : std::nullopt;
    if (rate) {
        result_.rate_kpa_s = *rate;
        if (!lines.rate_within(*rate)) flags |= kRateOutOfTolerance;
    } else {
        flags |= kTooShortRamp;
    }
    if (result_.in_corridor_pct < preset_.min_in_corridor_pct) flags |= kLowCorridorFraction;
    if (end == PptTrialEnd::Signalled) {
        result_.rate_at_button_kpa_s = rate_before(index);
        const double limit = preset_.rate_at_button_tolerance_pct / 100.0 * preset_.rate_kpa_s;
        if (result_.rate_at_button_kpa_s &&
            std::abs(*result_.rate_at_button_kpa_s - preset_.rate_kpa_s) > limit)
            flags |= kRateAtButton;
    }

    result_.flags = flags;
    result_.valid = (flags & kInvalidating) == 0;
    pending_signal_t_s_.reset();
    switch (end) {
    case PptTrialEnd::Signalled:
    case PptTrialEnd::Released: state_ = PptTrialState::Done; break;
    case PptTrialEnd::Aborted: state_ = PptTrialState::Aborted; break;
    case PptTrialEnd::CutOff: state_ = PptTrialState::CutOff; break;
    }
}

std::optional<double> PptTrial::rate_before(std::size_t index) const {
    // The samples of the last window before (and at) the one the threshold was read from.
    const double from_t_s = trace_[index].t_s - preset_.rate_at_button_window_s;
    std::size_t first = index;
    while (first > 0 && trace_[first - 1].t_s >= from_t_s)
        --first;
    const std::size_t n = index - first + 1;
    if (n < 3) return std::nullopt;
    std::vector<double> t(n);
    std::vector<double> p(n);
    for (std::size_t i = 0; i < n; ++i) {
        t[i] = trace_[first + i].t_s;
        p[i] = trace_[first + i].pressure_kpa;
    }
    return least_squares_slope(t.data(), p.data(), n);
}

std::optional<double> PptTrial::current_rate_kpa_s() const {
    if (state_ != PptTrialState::Ramping) return std::nullopt;
    return gauge_.rate_kpa_s();
}

std::optional<RampCorridor> PptTrial::corridor() const {
    if (trace_.empty()) return std::nullopt;
    RampCorridor lines;
    lines.start_t_s = trace_.front().t_s;
    lines.start_kpa = trace_.front().pressure_kpa;
    lines.target_kpa_s = preset_.rate_kpa_s;
    lines.tolerance_kpa_s = preset_.tolerance_kpa_s;
    lines.slack_kpa = preset_.corridor_slack_kpa;
    return lines;
}

} // namespace algocore::protocols
