// The Treatment page on scripted samples (no device): the dose it reports, the refusal of a
// band relative to a PPT that was never measured, the release prompt on a slow sag, the
// over-limit end, and a hold stored with its trace.
#include <QAbstractButton>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <functional>

#include "algocore/session/Workbench.h"
#include "algogui/AudioCues.h"
#include "algogui/PressureReadout.h"
#include "algogui/treatment/HoldStatusPanel.h"
#include "algogui/treatment/HoldSummaryPanel.h"
#include "algogui/treatment/PointPicker.h"
#include "algogui/treatment/PrescriptionEditor.h"
#include "algogui/treatment/TreatmentPage.h"

using algocore::Sample;
using algocore::protocols::Prescription;
using algocore::protocols::PressureAnchor;
using algocore::protocols::PressureRef;
using namespace algogui;

namespace {

constexpr double kRateHz = 100.0;
algocore::session::Workbench* g_workbench = nullptr; // the bench of the running test

void feed_frame(TreatmentPage& page, const std::vector<Sample>& frame) {
    g_workbench->feed_frame(frame);
    page.feed(frame);
}

// A workbench on a scratch database, as the app has one.
struct Bench {
    QTemporaryDir dir;
    algocore::session::Workbench workbench;
    Bench() {
        const std::string problem =
            workbench.open_database(dir.filePath(QStringLiteral("t.sqlite")).toStdString());
        if (!problem.empty()) qFatal("%s", problem.c_str());
    }
    // Lets the storage answer what was asked (thresholds) and delivers the answers.
    void settle() {
        bool arrived = false;
        algocore::storage::ask<int>(
            *workbench.storage(), workbench.inbox(),
            [](algocore::storage::StorageReader&) { return 0; },
            [&](algocore::storage::Answer<int>) { arrived = true; });
        QTRY_VERIFY_WITH_TIMEOUT((workbench.inbox().deliver(), arrived), 30000);
    }
};

// Samples of pressure_at(t) from t0 to t1 at 100 Hz, fed in display frames of ~16 ms: to the
// session through the workbench (as from a device), and drawn by the page.
void feed_script(TreatmentPage& page, double t0_s, double t1_s,
                 const std::function<double(double)>& pressure_at) {
    std::vector<Sample> frame;
    const int first = static_cast<int>(std::lround(t0_s * kRateHz));
    const int last = static_cast<int>(std::lround(t1_s * kRateHz));
    for (int i = first; i <= last; ++i) {
        Sample s;
        s.t_s = i / kRateHz;
        s.pressure_kpa = pressure_at(s.t_s);
        s.force_n = s.pressure_kpa / 10.0; // 1 cm² probe
        frame.push_back(s);
        if (frame.size() == 2) {
            feed_frame(page, frame);
            frame.clear();
        }
    }
    if (!frame.empty()) feed_frame(page, frame);
}

Prescription absolute(double low, double high, double hold_s, double limit) {
    Prescription p = Prescription::absolute(low, high, hold_s);
    p.limit = PressureRef{PressureAnchor::Absolute, limit};
    return p;
}

struct CountingTone final : ToneOutput {
    void play(LiveCue cue) override { played.push_back(cue); }
    void set_continuous_hz(std::optional<double>) override {}
    bool available() const override { return true; }
    std::vector<LiveCue> played;
};

} // namespace

class TreatmentPageTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void holdOnScriptedTraceReportsTimeInBandAndDose() {
        Bench bench;
        g_workbench = &bench.workbench;
        TreatmentPage page(bench.workbench, nullptr);
        page.editor().set_prescription(absolute(300, 400, 10, 500));
        QVERIFY(page.start_hold());
        // Rest, then 350 kPa from 1 s; a 1 s excursion to 250 kPa at 5-6 s (longer than the
        // 0.5 s grace, so it counts and is not credited).
        feed_script(page, 0.0, 14.0, [](double t) {
            if (t < 1.0) return 0.0;
            return (t >= 5.0 && t < 6.0) ? 250.0 : 350.0;
        });
        QVERIFY(page.session().sequence()->latest_hold()->finished());
        QVERIFY(page.session().pending());
        const HoldSummaryPanel& summary = page.summary();
        // How it ended is said once, by the status (not again in the summary).
        QCOMPARE(page.status().state_text(), QStringLiteral("Hold complete"));
        QVERIFY(summary.metric_text("outcome").isEmpty());
        // 10 s in band reached at 12 s; the hold began at the first entry (1 s).
        QCOMPARE(summary.metric_text("in_band"), QStringLiteral("10.0 s"));
        QCOMPARE(summary.metric_text("duration"), QStringLiteral("11.0 s"));
        QCOMPARE(summary.metric_text("in_band_pct"), QStringLiteral("91 %"));
        QCOMPARE(summary.metric_text("excursions"), QStringLiteral("1"));
        QCOMPARE(summary.metric_text("peak"), QStringLiteral("350 kPa"));
        QCOMPARE(summary.metric_text("median"), QStringLiteral("350 kPa"));
        // 350 × 11 s − 100 × 1 s (the excursion), trapezoid edges cancel.
        QCOMPARE(summary.metric_text("pti"), QStringLiteral("3750 kPa·s"));
        // Mean over the time in contact: 10 s at 350 and 1 s at 250 → 340.9 kPa.
        QCOMPARE(summary.metric_text("mean"), QStringLiteral("341 kPa"));
        QCOMPARE(summary.metric_text("step_ups"), QStringLiteral("0"));
        QCOMPARE(page.status().in_band_text(), QStringLiteral("0:10 · Time in band (of 0:10)"));
        QCOMPARE(page.status().excursions_text(), QStringLiteral("1"));
    }

    void relativeBandIsRefusedWithoutStoredPptAndOffersToMeasureIt() {
        Bench bench;
        g_workbench = &bench.workbench;
        TreatmentPage page(bench.workbench, nullptr);
        page.point().set_subject_code(QStringLiteral("S001"));
        Q_EMIT page.point().subjectEdited();
        QVERIFY(page.point().choose_site(QStringLiteral("upper_trapezius")));
        page.editor().choose_preset(0); // PPT held 90 s: band 90-110 % of PPT
        bench.settle();                 // the point's thresholds are read without blocking

        QVERIFY(page.refusal_visible());
        QVERIFY2(page.refusal_text().contains(QStringLiteral("No PPT stored")),
                 qPrintable(page.refusal_text()));
        QVERIFY(page.refusal_text().contains(QStringLiteral("Upper trapezius (L)")));
        QCOMPARE(page.measure_button().text(), QStringLiteral("Measure PPT first"));
        QVERIFY(!page.findChild<QPushButton*>("StartHold")->isEnabled());
        QVERIFY(!page.start_hold());

        QSignalSpy asked(&page, &TreatmentPage::measureThresholdRequested);
        page.measure_button().click();
        QCOMPARE(asked.count(), 1);
        QCOMPARE(asked.at(0).at(0).toString(), QStringLiteral("PPT"));

        // Once a PPT is stored for the point, the same prescription resolves: 90-110 % of 320.
        auto& storage = *bench.workbench.storage();
        algocore::records::SessionOpening opening;
        opening.subject.code = "S001";
        opening.session.started_utc = "2026-11-23T10:00:00Z";
        const auto session_id = storage.open_session(opening).id;
        algocore::records::Trial trial;
        trial.session_id = session_id;
        trial.site_id = storage.find_site("upper_trapezius")->id;
        trial.side = algocore::records::BodySide::Left;
        trial.ppt_kpa = 320.0;
        trial.valid = true;
        trial.counted = true;
        trial.outcome = "signalled";
        storage.record_trial(trial, {});
        QVERIFY(storage.flush(std::chrono::seconds(30)));
        page.session().refresh_thresholds();
        bench.settle();
        // The stored value of an earlier session is shown beside the point.
        QCOMPARE(page.point().thresholds_text(),
                 QStringLiteral("PPT 320 kPa · tolerance not measured"));
        QVERIFY(!page.refusal_visible());
        QVERIFY(page.start_hold());
        QCOMPARE(page.session().sequence()->latest_hold()->config().band.low_kpa, 288.0);
        QCOMPARE(page.session().sequence()->latest_hold()->config().band.high_kpa, 352.0);
    }

    // Item 3 of issue 18: a code with no stored threshold under a relative prescription is
    // its own state, said as such; the signal is fine, so its number shows. NO SIGNAL means
    // only that no signal arrives.
    void aMissingThresholdIsSaidAsSuchNotNoSignal() {
        Bench bench;
        g_workbench = &bench.workbench;
        TreatmentPage page(bench.workbench, nullptr);
        page.point().set_subject_code(QStringLiteral("P404"));
        Q_EMIT page.point().subjectEdited();
        QVERIFY(page.point().choose_site(QStringLiteral("upper_trapezius")));
        page.editor().choose_preset(0); // PPT held 90 s: relative to the PPT
        bench.settle();
        feed_script(page, 0.0, 1.0, [](double) { return 120.0; });
        QVERIFY(page.refusal_visible());
        QCOMPARE(page.readout().number_text(), QStringLiteral("120"));
        QVERIFY2(page.readout().state_text().contains(QStringLiteral("NO PPT STORED")),
                 qPrintable(page.readout().state_text()));
        // The device goes: now it is NO SIGNAL, without a number.
        bench.workbench.live().set_link(algocore::live::LinkState::Disconnected);
        page.feed({});
        QVERIFY2(page.readout().state_text().contains(QStringLiteral("NO SIGNAL")),
                 qPrintable(page.readout().state_text()));
        QCOMPARE(page.readout().number_text(), QString());
    }

    // The previous patient's hold summary does not stay on screen under the next patient.
    void anotherPatientClearsTheLastPatientsHoldSummary() {
        Bench bench;
        g_workbench = &bench.workbench;
        TreatmentPage page(bench.workbench, nullptr);
        page.point().set_subject_code(QStringLiteral("P001"));
        Q_EMIT page.point().subjectEdited();
        page.editor().set_prescription(absolute(300, 400, 5, 500));
        QVERIFY(page.start_hold());
        feed_script(page, 0.0, 7.0, [](double t) { return t < 1.0 ? 0.0 : 330.0; });
        QVERIFY(!page.summary().isHidden());
        QCOMPARE(page.summary().metric_text("mean"), QStringLiteral("330 kPa"));
        page.point().set_subject_code(QStringLiteral("P002"));
        Q_EMIT page.point().subjectEdited();
        QVERIFY(page.summary().isHidden());
        QVERIFY(page.summary().metric_text("mean") != QStringLiteral("330 kPa"));
        QVERIFY(page.step_up_log().isEmpty());
        // The finished hold was P001's and is kept under P001.
        QVERIFY(bench.workbench.storage()->flush(std::chrono::seconds(30)));
        const auto p001 = bench.workbench.storage()->find_subject("P001");
        QVERIFY(p001);
        const auto sessions = bench.workbench.storage()->sessions_of(p001->id);
        QCOMPARE(sessions.size(), std::size_t{1});
        QCOMPARE(bench.workbench.storage()->holds_of(sessions.front().id).size(), std::size_t{1});
    }

    void releasePromptAppearsOnTenPercentDecayAndStepUpIsLogged() {
        auto tone = std::make_unique<CountingTone>();
        CountingTone* played = tone.get();
        AudioCues audio(std::move(tone));
        Bench bench;
        g_workbench = &bench.workbench;
        TreatmentPage page(bench.workbench, &audio);
        page.editor().set_prescription(absolute(300, 400, 60, 500));
        QVERIFY(page.start_hold());
        // Steady 360 kPa with 10 Hz tremor; from 10 s the tissue releases: 10 % in 5 s.
        const auto steady = [](double t) { return 360.0 + 2.0 * std::sin(2 * M_PI * 10 * t); };
        feed_script(page, 0.0, 10.0, [&](double t) { return t < 1.0 ? 0.0 : steady(t); });
        QVERIFY(!page.status().prompt_visible());
        double prompted_at = -1.0;
        for (double t = 10.01; t <= 15.0 && prompted_at < 0; t += 0.01) {
            feed_script(page, t, t, [&](double s) { return steady(s) - 36.0 * (s - 10.0) / 5.0; });
            if (page.status().prompt_visible()) prompted_at = t;
        }
        QVERIFY2(prompted_at > 0, "no release prompt during a 10 % decay");
        QVERIFY2(prompted_at - 10.0 <= 3.0, qPrintable(QString::number(prompted_at)));
        QCOMPARE(page.status().prompt_text(), QStringLiteral("▲ TAKE UP THE SLACK"));
        QCOMPARE(audio.count(LiveCue::TakeUpSlack), 1);
        QCOMPARE(std::count(played->played.begin(), played->played.end(), LiveCue::TakeUpSlack), 1);

        // The therapist takes up the slack: back to 360 kPa in 0.5 s, then holds.
        const double from = prompted_at;
        const double sagged = 360.0 - 36.0 * (from - 10.0) / 5.0;
        feed_script(page, from + 0.01, from + 4.0, [&](double t) {
            const double rise = std::min(1.0, (t - from) / 0.5);
            return sagged + (360.0 - sagged) * rise + 2.0 * std::sin(2 * M_PI * 10 * t);
        });
        // The prompt answered: the page confirms the step-up (as the coach view does).
        QVERIFY2(page.status().prompt_text().startsWith(QStringLiteral("✔ STEPPED UP TO 3")),
                 qPrintable(page.status().prompt_text()));
        QCOMPARE(page.step_up_log().size(), 1);
        QVERIFY2(page.step_up_log().front().startsWith(QStringLiteral("Step-up 1 at")),
                 qPrintable(page.step_up_log().front()));
        QCOMPARE(page.status().step_ups_text(), QStringLiteral("1"));
    }

    void overLimitEndsTheHoldWithAnAlarm() {
        AudioCues audio(std::make_unique<SilentToneOutput>());
        Bench bench;
        g_workbench = &bench.workbench;
        TreatmentPage page(bench.workbench, &audio);
        page.editor().set_prescription(absolute(300, 400, 60, 450));
        QVERIFY(page.start_hold());
        feed_script(page, 0.0, 6.0, [](double t) {
            return t < 1.0 ? 0.0 : t < 4.0 ? 350.0 : 470.0;
        });
        QCOMPARE(page.session().sequence()->latest_hold()->state(),
                 algocore::protocols::HoldState::OverLimit);
        QCOMPARE(page.status().state_text(), QStringLiteral("OVER LIMIT: hold ended"));
        QCOMPARE(audio.count(LiveCue::OverLimit), 1);
        QVERIFY(page.status().prompt_text().contains(QStringLiteral("OVER LIMIT")));
    }

    void finishedHoldIsStoredWithTraceAndRating() {
        Bench bench;
        g_workbench = &bench.workbench;
        TreatmentPage page(bench.workbench, nullptr);
        // Without a subject the save is refused with a reason, and the hold is kept.
        page.editor().set_prescription(absolute(300, 400, 5, 500));
        QVERIFY(page.start_hold());
        feed_script(page, 0.0, 7.0, [](double t) { return t < 1.0 ? 0.0 : 330.0; });
        QVERIFY(!page.save_hold());
        QVERIFY2(page.summary().note_text().contains(QStringLiteral("subject")),
                 qPrintable(page.summary().note_text()));

        page.point().set_subject_code(QStringLiteral("S002"));
        Q_EMIT page.point().subjectEdited();
        page.summary().set_pain_rating(6);
        QVERIFY(page.save_hold());
        auto& storage = *bench.workbench.storage();
        QVERIFY(storage.flush(std::chrono::seconds(30)));
        const auto subject = storage.find_subject("S002");
        QVERIFY(subject);
        const auto sessions = storage.sessions_of(subject->id);
        QCOMPARE(sessions.size(), std::size_t{1});
        const auto holds = storage.holds_of(sessions.front().id);
        QCOMPARE(holds.size(), std::size_t{1});
        QCOMPARE(holds.front().outcome, std::string("complete"));
        QCOMPARE(holds.front().pain_rating_0_10.value_or(-1), 6);
        QCOMPARE(holds.front().metrics.time_in_band_s, 5.0);
        QVERIFY(holds.front().limit_kpa.has_value());
        QVERIFY(holds.front().prescription.find("\"hold_s\":5") != std::string::npos);
        const auto trace = storage.hold_trace(holds.front().id);
        QVERIFY(trace);
        QCOMPARE(trace->samples.size(), page.session().sequence()->latest_hold()->trace().size());
    }

    // A finished hold is thrown away only after a second, deliberate click: "Keep it" (or
    // closing the question) keeps it, "Discard hold" discards it; nothing is stored either way
    // until Save.
    void discardAsksBeforeThrowingAHoldAway() {
        Bench bench;
        g_workbench = &bench.workbench;
        TreatmentPage page(bench.workbench, nullptr);
        page.resize(1280, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.point().set_subject_code(QStringLiteral("S003"));
        Q_EMIT page.point().subjectEdited();
        page.editor().set_prescription(absolute(300, 400, 5, 500));
        QVERIFY(page.start_hold());
        feed_script(page, 0.0, 7.0, [](double t) { return t < 1.0 ? 0.0 : 330.0; });
        QVERIFY(page.session().pending());

        auto* discard = page.summary().findChild<QPushButton*>(QStringLiteral("DiscardHold"));
        QVERIFY(discard);
        QTest::mouseClick(discard, Qt::LeftButton);
        QMessageBox* question = page.discard_question();
        QVERIFY(question);
        QVERIFY2(question->text().contains(QStringLiteral("330 kPa")),
                 qPrintable(question->text()));
        QVERIFY(page.session().pending()); // nothing happened yet
        QAbstractButton* keep = nullptr;
        QAbstractButton* confirm = nullptr;
        for (QAbstractButton* b : question->buttons()) {
            if (b->text() == QStringLiteral("Keep it")) keep = b;
            if (b->text() == QStringLiteral("Discard hold")) confirm = b;
        }
        QVERIFY(keep && confirm);
        QTest::mouseClick(keep, Qt::LeftButton);
        QTRY_VERIFY(!page.discard_question());
        QVERIFY(page.session().pending());

        QTest::mouseClick(discard, Qt::LeftButton);
        question = page.discard_question();
        QVERIFY(question);
        for (QAbstractButton* b : question->buttons())
            if (b->text() == QStringLiteral("Discard hold")) confirm = b;
        QTest::mouseClick(confirm, Qt::LeftButton);
        QTRY_VERIFY(!page.discard_question());
        QVERIFY(!page.session().pending());
        QCOMPARE(page.summary().note_text(), QStringLiteral("Discarded: not stored"));
        auto& storage = *bench.workbench.storage();
        QVERIFY(storage.flush(std::chrono::seconds(30)));
        QVERIFY(!storage.find_subject("S003")); // nothing was stored
    }

    void pageScreenshotIsNotBlank() {
        Bench bench;
        g_workbench = &bench.workbench;
        TreatmentPage page(bench.workbench, nullptr);
        page.resize(1200, 720);
        page.editor().set_prescription(absolute(300, 400, 30, 500));
        QVERIFY(page.start_hold());
        feed_script(page, 0.0, 12.0, [](double t) { return t < 1.0 ? 60.0 * t * 6 : 350.0; });
        const QImage image = page.grab().toImage();
        QVERIFY(!image.isNull());
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7) {
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        }
        QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
    }
};

QTEST_MAIN(TreatmentPageTest)
#include "TreatmentPageTest.moc"
