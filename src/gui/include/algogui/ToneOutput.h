#pragma once
// Where audio cues go. The real one plays generated tones through the default audio device;
// with no device (offscreen, CI, a muted clinic PC) it does nothing and never blocks.
#include <memory>
#include <optional>

#include "algogui/LiveState.h"

class QObject;

namespace algogui {

class ToneOutput {
public:
    virtual ~ToneOutput() = default;
    /// Plays the short sound of a cue (mixed over the continuous tone, if any).
    virtual void play(LiveCue cue) = 0;
    /// Continuous tone at this pitch, or silence with nullopt.
    virtual void set_continuous_hz(std::optional<double> hz) = 0;
    /// False when there is no audio device (everything is then a no-op).
    virtual bool available() const = 0;
};

/// Plays through the default audio output; a silent no-op when there is none.
std::unique_ptr<ToneOutput> make_audio_tone_output(QObject* parent);

/// Makes no sound (tests, benchmarks, --no-audio).
class SilentToneOutput final : public ToneOutput {
public:
    void play(LiveCue) override {}
    void set_continuous_hz(std::optional<double>) override {}
    bool available() const override { return false; }
};

} // namespace algogui
