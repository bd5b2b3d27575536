// Tones generated on the fly and pushed to a QAudioSink a few tens of milliseconds ahead.
// Push mode from a GUI-thread timer keeps it simple; the sink's own buffer absorbs a late
// tick, and with no audio device nothing is created at all.
#include <QAudioDevice>
#include <QAudioSink>
#include <QMediaDevices>
#include <QTimer>
#include <cmath>
#include <numbers>
#include <vector>

#include "algogui/ToneOutput.h"

namespace algogui {
namespace {

constexpr int kRateHz = 44100;
constexpr int kFeedIntervalMs = 20;
constexpr int kAheadMs = 60;       // how much sound is queued ahead of the speaker
constexpr double kCueLevel = 0.45; // of full scale
constexpr double kToneLevel = 0.15;

struct Note {
    double hz;
    double s;
};

std::vector<Note> melody(LiveCue cue) {
    switch (cue) {
    case LiveCue::EnteredBand: return {{660, 0.08}, {880, 0.10}};
    case LiveCue::LeftBand: return {{392, 0.15}};
    case LiveCue::OverLimit: return {{1400, 0.10}, {1000, 0.10}, {1400, 0.10}, {1000, 0.10}};
    case LiveCue::HoldComplete: return {{523, 0.14}, {659, 0.14}, {784, 0.26}};
    // Two rising pairs, unlike any band cue: "push a little more".
    case LiveCue::TakeUpSlack: return {{494, 0.10}, {740, 0.14}, {494, 0.10}, {740, 0.14}};
    }
    return {};
}

// Notes with a 5 ms fade in/out so they do not click.
std::vector<float> render(LiveCue cue) {
    std::vector<float> out;
    for (const Note& note : melody(cue)) {
        const int n = static_cast<int>(note.s * kRateHz);
        const int fade = kRateHz / 200;
        for (int i = 0; i < n; ++i) {
            const double envelope = std::min({1.0, i / double(fade), (n - i) / double(fade)});
            out.push_back(static_cast<float>(
                kCueLevel * envelope * std::sin(2 * std::numbers::pi * note.hz * i / kRateHz)));
        }
    }
    return out;
}

class AudioToneOutput final : public QObject, public ToneOutput {
public:
    explicit AudioToneOutput(QObject* parent) : QObject(parent) {
        const QAudioDevice device = QMediaDevices::defaultAudioOutput();
        if (device.isNull()) return;
        QAudioFormat format;
        format.setSampleRate(kRateHz);
        format.setChannelCount(1);
        format.setSampleFormat(QAudioFormat::Int16);
        if (!device.isFormatSupported(format)) return;
        sink_ = new QAudioSink(device, format, this);
        sink_->setBufferSize(kRateHz * 2 * kAheadMs * 2 / 1000);
        io_ = sink_->start();
        if (!io_) {
            delete sink_;
            sink_ = nullptr;
            return;
        }
        feed_.setInterval(kFeedIntervalMs);
        QObject::connect(&feed_, &QTimer::timeout, this, [this] { fill(); });
    }

    void play(LiveCue cue) override {
        if (!sink_) return;
        cue_ = render(cue);
        cue_pos_ = 0;
        feed_.start();
    }

    void set_continuous_hz(std::optional<double> hz) override {
        if (!sink_) return;
        tone_hz_ = hz;
        if (hz) feed_.start();
    }

    bool available() const override { return sink_ != nullptr; }

private:
    void fill() {
        if (!sink_ || !io_) return;
        const bool busy = tone_hz_ || cue_pos_ < cue_.size();
        if (!busy) {
            feed_.stop();
            return;
        }
        const qsizetype frames =
            std::min<qsizetype>(sink_->bytesFree() / 2, kRateHz * kAheadMs / 1000);
        if (frames <= 0) return;
        buffer_.resize(static_cast<std::size_t>(frames));
        for (auto& sample : buffer_) {
            double v = 0.0;
            if (tone_hz_) {
                phase_ += 2 * std::numbers::pi * *tone_hz_ / kRateHz;
                if (phase_ > 2 * std::numbers::pi) phase_ -= 2 * std::numbers::pi;
                v += kToneLevel * std::sin(phase_);
            }
            if (cue_pos_ < cue_.size()) v += cue_[cue_pos_++];
            sample = static_cast<qint16>(std::clamp(v, -1.0, 1.0) * 32767);
        }
        io_->write(reinterpret_cast<const char*>(buffer_.data()),
                   static_cast<qint64>(buffer_.size() * sizeof(qint16)));
    }

    QAudioSink* sink_ = nullptr;
    QIODevice* io_ = nullptr;
    QTimer feed_;
    std::vector<float> cue_;
    std::size_t cue_pos_ = 0;
    std::optional<double> tone_hz_;
    double phase_ = 0.0;
    std::vector<qint16> buffer_;
};

} // namespace

std::unique_ptr<ToneOutput> make_audio_tone_output(QObject* parent) {
    // Owned by the unique_ptr, not by Qt's parent tree: give it no parent to avoid a double
    // delete, but keep it on the parent's thread.
    auto output = std::make_unique<AudioToneOutput>(nullptr);
    if (parent) output->moveToThread(parent->thread());
    return output;
}

} // namespace algogui
