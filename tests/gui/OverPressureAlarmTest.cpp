// Crossing the over-pressure limit fires the alarm at once, repeats it while the pressure
// stays over, and still raises it (silently) when muted.
#include <QtTest>

#include "TestSamples.h"
#include "algogui/AudioCues.h"
#include "algogui/LiveFeed.h"
#include "algogui/LivePanel.h"
#include "algogui/PressureReadout.h"

using namespace algogui;

namespace {

// Remembers what it was asked to play.
class RecordingToneOutput final : public ToneOutput {
public:
    explicit RecordingToneOutput(std::vector<LiveCue>& played) : played_(played) {}
    void play(LiveCue cue) override { played_.push_back(cue); }
    void set_continuous_hz(std::optional<double> hz) override { tone_hz = hz; }
    bool available() const override { return true; }
    std::optional<double> tone_hz;

private:
    std::vector<LiveCue>& played_;
};

// One display frame per 1/60 s of samples at 600 Hz, as the tick would deliver them.
void run(LiveSession& model, AudioCues& cues, double from_s, double to_s, double kpa_from,
         double kpa_to) {
    const int n = static_cast<int>((to_s - from_s) * 600);
    for (int i = 0; i < n; ++i) {
        const double t = from_s + i / 600.0;
        model.add_sample(sample_at(t, kpa_from + (kpa_to - kpa_from) * i / n));
        if (i % 10 == 9) cues.on_frame(model.take_cues(), model);
    }
    cues.on_frame(model.take_cues(), model);
}

int count(const std::vector<LiveCue>& cues, LiveCue cue) {
    return static_cast<int>(std::count(cues.begin(), cues.end(), cue));
}

} // namespace

class OverPressureAlarmTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void AlarmFiresWhenTheLimitIsCrossed() {
        std::vector<LiveCue> played;
        LiveFeed feed;
        feed.model().set_link(LinkState::Connected); // samples flow
        LivePanel panel(feed);
        AudioCues cues(std::make_unique<RecordingToneOutput>(played));
        QSignalSpy sounded(&cues, &AudioCues::cueSounded);
        LiveSession& model = feed.model(); // band 300–400, limit 500 (defaults)

        run(model, cues, 0.0, 4.0, 0, 480); // ramp up, still under the limit
        QCOMPARE(count(played, LiveCue::OverLimit), 0);
        QCOMPARE(count(played, LiveCue::EnteredBand), 1);
        QCOMPARE(count(played, LiveCue::LeftBand), 1);

        run(model, cues, 4.0, 4.1, 480, 520); // over the limit
        QCOMPARE(count(played, LiveCue::OverLimit), 1);
        QVERIFY(cues.alarm_active());
        QVERIFY(sounded.count() >= 3);
        panel.show_frame();
        QCOMPARE(panel.readout().state_text(), QStringLiteral("⚠ OVER LIMIT"));

        run(model, cues, 4.1, 6.2, 520, 520); // stays over: the alarm repeats every second
        QCOMPARE(count(played, LiveCue::OverLimit), 3);

        run(model, cues, 6.2, 7.0, 520, 350); // back into the band: alarm stops
        QVERIFY(!cues.alarm_active());
        run(model, cues, 7.0, 9.0, 350, 350);
        QCOMPARE(count(played, LiveCue::OverLimit), 3);
    }

    void MutedAlarmIsStillRaisedButSilent() {
        std::vector<LiveCue> played;
        LiveFeed feed;
        feed.model().set_link(LinkState::Connected); // samples flow
        AudioCues cues(std::make_unique<RecordingToneOutput>(played));
        cues.set_muted(true);
        run(feed.model(), cues, 0.0, 2.0, 0, 600);
        QCOMPARE(cues.count(LiveCue::OverLimit), 1);
        QVERIFY(played.empty());
    }

    // Unplugged while over the limit: the alarm must not go on sounding for a pressure
    // nobody knows, and neither may any other cue or the continuous tone.
    void EverySoundStopsWhenTheSignalIsLost() {
        std::vector<LiveCue> played;
        LiveFeed feed;
        feed.model().set_link(LinkState::Connected);
        auto output = std::make_unique<RecordingToneOutput>(played);
        RecordingToneOutput* tone = output.get();
        AudioCues cues(std::move(output));
        cues.set_continuous_tone(true);
        LiveSession& model = feed.model();
        run(model, cues, 0.0, 2.0, 0, 600);
        QVERIFY(cues.alarm_active());
        QVERIFY(tone->tone_hz.has_value());
        const int alarms = count(played, LiveCue::OverLimit);

        model.set_link(LinkState::Reconnecting);
        for (int frame = 0; frame < 180; ++frame) { // 3 s of frames without a sample
            model.set_now_s(2.0 + frame / 60.0);
            cues.on_frame(model.take_cues(), model);
        }
        QVERIFY(cues.silenced());
        QVERIFY(!cues.alarm_active());
        QCOMPARE(count(played, LiveCue::OverLimit), alarms);
        QVERIFY(!tone->tone_hz.has_value());
        const std::size_t before = played.size();
        cues.play_cue(LiveCue::TakeUpSlack); // the treatment page's prompt: dropped too
        QCOMPARE(played.size(), before);

        // The link is back and the probe is over the limit again: the alarm sounds again.
        model.set_link(LinkState::Connected);
        run(model, cues, 5.0, 5.5, 600, 600);
        QVERIFY(!cues.silenced());
        QCOMPARE(count(played, LiveCue::OverLimit), alarms + 1);
    }

    void ContinuousTonePitchFollowsTheDistanceToTheBand() {
        algocore::protocols::PressureBand band;
        band.low_kpa = 300;
        band.high_kpa = 400;
        band.limit_kpa = 500;
        QCOMPARE(continuous_tone_hz(0, band), 220.0);
        QCOMPARE(continuous_tone_hz(150, band), 330.0);
        QCOMPARE(continuous_tone_hz(300, band), 440.0);
        QVERIFY(continuous_tone_hz(350, band) > 440.0);
        QVERIFY(continuous_tone_hz(450, band) > continuous_tone_hz(400, band));
        QCOMPARE(continuous_tone_hz(900, band), 880.0);
    }

    void TheRealAudioOutputNeverFailsWithoutADevice() {
        // Offscreen CI has no sound card: creating and using it must be harmless.
        auto output = make_audio_tone_output(nullptr);
        output->play(LiveCue::OverLimit);
        output->set_continuous_hz(440.0);
        output->set_continuous_hz(std::nullopt);
        QTest::qWait(50);
    }
};

QTEST_MAIN(OverPressureAlarmTest)
#include "OverPressureAlarmTest.moc"
