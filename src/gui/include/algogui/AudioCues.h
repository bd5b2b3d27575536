#pragma once
// Audio cues so the therapist's eyes can stay on the patient: a rising chirp entering the
// band, a low note leaving it, a repeating two-tone alarm while over the limit, a short
// melody when the hold is complete, and optionally a continuous tone whose pitch follows
// the distance to the band. Decides what to sound; ToneOutput makes the sound. Without a
// live signal everything stops: no cue may speak for a pressure nobody knows.
#include <QObject>
#include <memory>
#include <optional>
#include <vector>

#include "algocore/protocols/PressureBand.h"
#include "algogui/LiveState.h"
#include "algogui/ToneOutput.h"

namespace algogui {

class AudioCues : public QObject {
    Q_OBJECT
public:
    AudioCues(std::unique_ptr<ToneOutput> output, QObject* parent = nullptr);

    void set_muted(bool muted);
    /// Sounds a cue raised outside the live model (the treatment page's "take up the slack"
    /// and its over-limit end); counted like the others, silent while muted. Dropped while
    /// the latest frame had no live signal.
    void play_cue(LiveCue cue) {
        if (!silenced_) sound(cue);
    }
    bool muted() const { return muted_; }
    void set_continuous_tone(bool on);
    bool continuous_tone() const { return continuous_; }

    /// Once per frame: the cues the model raised, and where the pressure is now. Without a
    /// live signal the cues are dropped, the alarm and the continuous tone stop.
    void on_frame(const std::vector<LiveCue>& cues, const LiveSession& model);
    /// The latest frame had no live signal: nothing sounds.
    bool silenced() const { return silenced_; }

    /// How many times a cue was raised (counted also while muted: the alarm still fired).
    int count(LiveCue cue) const { return counts_[static_cast<int>(cue)]; }
    bool alarm_active() const { return alarm_active_; }
    ToneOutput& output() { return *output_; }

Q_SIGNALS:
    /// A cue sounded (also used by the window to flash the readout on the alarm).
    void cueSounded(algogui::LiveCue cue);

private:
    void sound(LiveCue cue);

    std::unique_ptr<ToneOutput> output_;
    bool muted_ = false;
    bool continuous_ = false;
    bool alarm_active_ = false;
    bool silenced_ = false;
    double last_alarm_t_s_ = 0.0;
    int counts_[5] = {0, 0, 0, 0, 0};
};

/// Pitch of the continuous tone: 220 Hz at rest rising to 440 Hz at the band's low edge,
/// 440–523 Hz across the band, then up to 880 Hz at the over-pressure limit.
double continuous_tone_hz(double pressure_kpa, const algocore::protocols::PressureBand& band);

} // namespace algogui
