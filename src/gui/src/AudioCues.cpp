#include "algogui/AudioCues.h"

#include <algorithm>

namespace algogui {

using algocore::protocols::BandState;

namespace {
// The alarm repeats while the pressure stays over the limit.
constexpr double kAlarmRepeatS = 1.0;
} // namespace

AudioCues::AudioCues(std::unique_ptr<ToneOutput> output, QObject* parent)
    : QObject(parent), output_(std::move(output)) {}

void AudioCues::set_muted(bool muted) {
    muted_ = muted;
    if (muted_) output_->set_continuous_hz(std::nullopt);
}

void AudioCues::set_continuous_tone(bool on) {
    continuous_ = on;
    if (!on) output_->set_continuous_hz(std::nullopt);
}

void AudioCues::on_frame(const std::vector<LiveCue>& cues, const LiveSession& model) {
    const bool silenced = model.signal_state() != SignalState::Live;
    if (silenced) {
        if (!silenced_ && continuous_) output_->set_continuous_hz(std::nullopt);
        silenced_ = true;
        alarm_active_ = false;
        return;
    }
    const bool resumed = silenced_;
    silenced_ = false;
    for (LiveCue cue : cues) {
        if (cue == LiveCue::OverLimit) {
            alarm_active_ = true;
            last_alarm_t_s_ = model.latest().t_s;
        }
        sound(cue);
    }
    const bool over = model.has_sample() && model.band_state() == BandState::OverLimit;
    if (!over) {
        alarm_active_ = false;
    } else if (resumed && !alarm_active_) {
        // Back from a signal loss still over the limit: the model saw no change of state,
        // but the alarm stopped with the signal and must start again.
        alarm_active_ = true;
        last_alarm_t_s_ = model.latest().t_s;
        sound(LiveCue::OverLimit);
    } else if (alarm_active_ && model.latest().t_s - last_alarm_t_s_ >= kAlarmRepeatS) {
        last_alarm_t_s_ = model.latest().t_s;
        sound(LiveCue::OverLimit);
    }
    if (continuous_ && !muted_ && model.has_sample()) {
        output_->set_continuous_hz(
            continuous_tone_hz(model.latest().pressure_kpa, model.targets().band()));
    }
}

void AudioCues::sound(LiveCue cue) {
    ++counts_[static_cast<int>(cue)];
    Q_EMIT cueSounded(cue);
    if (!muted_) output_->play(cue);
}

double continuous_tone_hz(double pressure_kpa, const algocore::protocols::PressureBand& band) {
    const double p = std::max(0.0, pressure_kpa);
    if (p < band.low_kpa) return 220.0 + 220.0 * p / std::max(band.low_kpa, 1e-9);
    if (p <= band.high_kpa) {
        const double width = std::max(band.high_kpa - band.low_kpa, 1e-9);
        return 440.0 + 83.0 * (p - band.low_kpa) / width;
    }
    const double top = band.has_limit() ? band.limit_kpa : 2.0 * band.high_kpa;
    const double span = std::max(top - band.high_kpa, 1e-9);
    return 523.0 + 357.0 * std::min(1.0, (p - band.high_kpa) / span);
}

} // namespace algogui
