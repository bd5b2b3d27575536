// The reaction-time test on the Thresholds page, as the operator runs it: three PPT trials
// at a point (the third with its last second at 80 kPa/s under the DFNS 50), then the
// "Reaction time test" button clicked; without a device that gives cues the page itself
// gives each cue (a flash of the whole page and a beep), and the subject's hand (the
// simulator's reacting subject, 250 ms) answers on the patient button; one press on the
// on-screen PRESS button before a cue is a false start. What the page shows is checked
// against what the store holds: the median and IQR, the practice answers and the
// anticipation, and every trial's RT-adjusted estimate ppt − rate at button × reaction time
// beside its threshold, with the rate at the button and its ±25 % mark.
#include <QPushButton>
#include <QScrollArea>
#include <QtTest>

#include <cmath>
#include <vector>

#include "LayoutChecks.h"
#include "ReactingHand.h"
#include "algocore/session/Workbench.h"
#include "algogui/Screenshot.h"
#include "algogui/bodymap/BodyMapWidget.h"
#include "algogui/thresholds/CueFlash.h"
#include "algogui/thresholds/ReactionTimePanel.h"
#include "algogui/thresholds/RunControls.h"
#include "algogui/thresholds/SessionForm.h"
#include "algogui/thresholds/SubjectForm.h"
#include "algogui/thresholds/ThresholdsPage.h"
#include "algogui/thresholds/TrialTable.h"

using namespace algogui;
using algocore::Sample;
using algocore::records::BodySide;

namespace {

constexpr double kRateHz = 1000.0;

Sample at(double t_s, double kpa, bool patient_button) {
    Sample s;
    s.t_s = t_s;
    s.pressure_kpa = kpa;
    s.force_n = kpa / 10.0;
    s.raw_counts = static_cast<std::int32_t>(kpa * 100);
    s.has_raw = true;
    s.calibration_id = 3;
    if (patient_button) s.buttons = algocore::kPatientButton;
    return s;
}

// Three DFNS trials 40 s apart: 0.5 s at rest, a 50 kPa/s ramp whose last second before the
// threshold runs at last_rate, the patient button held 0.2 s from the threshold on, a release.
std::vector<Sample> three_trials() {
    const double thresholds[] = {380.0, 400.0, 420.0};
    const double last_rates[] = {50.0, 50.0, 80.0};
    std::vector<Sample> out;
    std::int64_t index = 0;
    const auto add = [&](double kpa, bool button) {
        out.push_back(at(static_cast<double>(index++) / kRateHz, kpa, button));
    };
    for (int trial = 0; trial < 3; ++trial) {
        while (static_cast<double>(index) / kRateHz < trial * 40.0 + 0.5)
            add(0.0, false);
        const double threshold = thresholds[trial];
        const double last = last_rates[trial];
        double kpa = 0.0;
        while (kpa < threshold - last) {
            add(kpa, false);
            kpa += 50.0 / kRateHz;
        }
        while (kpa < threshold) {
            add(kpa, false);
            kpa += last / kRateHz;
        }
        for (int i = 0; i < 600; ++i) {
            add(kpa, i < 200);
            kpa += last / kRateHz;
        }
        for (int i = 0; i < 300; ++i)
            add(std::max(0.0, kpa * (1.0 - i / 150.0)), false);
    }
    for (int i = 0; i < 2000; ++i)
        add(0.0, false);
    return out;
}

} // namespace

class ReactionTimePageTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theButtonRunsTheTestAndEveryTrialShowsItsEstimateAsStored() {
        QTemporaryDir dir;
        algocore::session::Workbench workbench;
        const std::string opened =
            workbench.open_database(dir.filePath(QStringLiteral("study.sqlite")).toStdString());
        QVERIFY2(opened.empty(), opened.c_str());
        ThresholdsPage page{workbench, nullptr, nullptr};
        page.set_reaction_seed(3);
        algocore::records::Subject subject;
        subject.code = "S-024";
        page.subject_form().set_subject(subject);
        page.session_form().set_operator_name(QStringLiteral("Tester"));
        page.resize(1280, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        const auto point =
            page.body_map().marker_position("upper_trapezius", BodySide::Left, BodyView::Back);
        QVERIFY(point.has_value());
        QTest::mouseClick(&page.body_map(), Qt::LeftButton, {}, point->toPoint());
        QTest::mouseClick(&page.run_controls().start_button(), Qt::LeftButton);
        const auto trials = three_trials();
        for (std::size_t i = 0; i < trials.size(); i += 16) {
            const std::vector<Sample> frame(
                trials.begin() + static_cast<std::ptrdiff_t>(i),
                trials.begin() + static_cast<std::ptrdiff_t>(std::min(trials.size(), i + 16)));
            workbench.feed_frame(frame);
            page.show_samples(frame);
        }
        auto& table = page.trial_table();
        QCOMPARE(table.rowCount(), 3);
        // No reaction time yet: no estimate, and the column says nothing.
        QVERIFY(table.isColumnHidden(TrialTable::Estimate));

        auto& panel = page.reaction_panel();
        QVERIFY(panel.start_button().isEnabled());
        QTest::mouseClick(&panel.start_button(), Qt::LeftButton);
        QVERIFY2(workbench.reaction().running(), qPrintable(panel.status_text()));
        QVERIFY2(panel.status_text().contains(QStringLiteral("this screen flashes")),
                 qPrintable(panel.status_text()));
        QVERIFY(panel.press_button().isVisible());
        QCOMPARE(panel.start_button().text(), QStringLiteral("Stop test"));

        rthand::ReactingHand hand(250.0, 8, trials.back().t_s + 1.0 / kRateHz);
        bool false_start = false;
        int flashes_seen = 0;
        for (int i = 0; i < 20000 && workbench.reaction().running(); ++i) {
            const auto frame = hand.next_frame(workbench.reaction());
            workbench.feed_frame(frame);
            page.show_samples(frame);
            if (page.cue_flash().flashes() > flashes_seen) {
                flashes_seen = page.cue_flash().flashes();
                QVERIFY(page.cue_flash().isVisible()); // the whole page flashes
                QCOMPARE(page.cue_flash().size(), page.size());
            }
            // After the first practice answer, the subject jumps the gun once.
            const auto* test = workbench.reaction().test();
            if (!false_start && test->cues().size() == 1 &&
                test->state() == algocore::protocols::ReactionTestState::Foreperiod) {
                QTest::mouseClick(&panel.press_button(), Qt::LeftButton);
                false_start = true;
            }
        }
        QVERIFY(!workbench.reaction().running());
        QVERIFY(workbench.storage()->flush(std::chrono::seconds(10)));

        // The stored test, and the page saying what it holds.
        const auto session_id = workbench.visit().session_id();
        const auto tests = workbench.storage()->reaction_tests_of(session_id);
        QCOMPARE(tests.size(), std::size_t{1});
        const auto& stored = tests[0];
        QCOMPARE(stored.cue_source, std::string("host"));
        QCOMPARE(stored.n, 10);
        QCOMPARE(stored.anticipations, 1);
        QVERIFY(stored.complete);
        QVERIFY(stored.median_ms && stored.iqr_ms);
        QVERIFY(std::abs(*stored.median_ms - 250.0) < 0.01);
        const QString result = panel.result_text();
        QVERIFY2(result.startsWith(QStringLiteral("Reaction time %1 ms (IQR %2 ms, n = 10")
                                       .arg(QString::number(*stored.median_ms, 'f', 0),
                                            QString::number(*stored.iqr_ms, 'f', 0))),
                 qPrintable(result));
        QVERIFY2(result.contains(QStringLiteral("1 anticipation")), qPrintable(result));
        QVERIFY2(result.contains(QStringLiteral("host cue")), qPrintable(result));
        const QString answers = panel.answers_text();
        QVERIFY2(answers.startsWith(QStringLiteral("practice 250 ms · false start · "
                                                   "practice 250 ms · counted 250, 250")),
                 qPrintable(answers));
        // One flash for each cue stored with a cue time (the false start had none).
        int cued = 0;
        for (const auto& cue : stored.cues)
            cued += cue.cue_t_s ? 1 : 0;
        QCOMPARE(page.cue_flash().flashes(), cued);
        QCOMPARE(panel.start_button().text(), QStringLiteral("Reaction time test"));
        QVERIFY(!panel.press_button().isVisible());

        // Every trial: the estimate beside its threshold, from the stored values.
        QVERIFY(!table.isColumnHidden(TrialTable::Estimate));
        const auto stored_trials = workbench.storage()->trials_of(session_id);
        QCOMPARE(stored_trials.size(), std::size_t{3});
        for (int r = 0; r < 3; ++r) {
            const auto& t = stored_trials[static_cast<std::size_t>(r)];
            QVERIFY(t.rate_at_button_kpa_s.has_value());
            const double estimate =
                t.ppt_kpa - *t.rate_at_button_kpa_s * *stored.median_ms / 1000.0;
            QCOMPARE(table.cell_text(r, TrialTable::Ppt), QString::number(t.ppt_kpa, 'f', 0));
            QCOMPARE(table.cell_text(r, TrialTable::Estimate),
                     QStringLiteral("≈ ") + QString::number(estimate, 'f', 0));
            const QString at_button = table.cell_text(r, TrialTable::RateAtButton);
            QVERIFY2(at_button.startsWith(QString::number(*t.rate_at_button_kpa_s, 'f', 0)),
                     qPrintable(at_button));
            QCOMPARE(at_button.contains(QStringLiteral("(> ±25 %)")), r == 2);
        }
        // 420 kPa read at 80 kPa/s: 20 kPa of it came within the 250 ms reaction.
        QCOMPARE(table.cell_text(2, TrialTable::Estimate), QStringLiteral("≈ 400"));

        // The result and the estimates are read whole at every supported size.
        QTest::qWait(300); // the last cue's flash is over
        QVERIFY(!page.cue_flash().isVisible());
        for (const QSize size : {QSize(1024, 640), QSize(1280, 800), QSize(1920, 1080)}) {
            page.resize(size);
            QTest::qWait(100); // the scrolling columns settle their height-for-width
            // On a short screen the run column scrolls: to the result and the trials.
            for (QWidget* w = &table; w; w = w->parentWidget())
                if (auto* scroll = qobject_cast<QScrollArea*>(w)) {
                    scroll->ensureWidgetVisible(&table, 0, 0);
                    break;
                }
            QTest::qWait(50);
            const QStringList problems = layout_checks::text_that_does_not_fit(page) +
                                         layout_checks::widgets_cut_off(page) +
                                         layout_checks::panels_overlapping(page);
            QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1x%2: %3")
                                                        .arg(size.width())
                                                        .arg(size.height())
                                                        .arg(problems.join(QStringLiteral("; ")))));
            // For docs/screenshots (scripts/screenshots.sh sets the folder).
            if (const QByteArray folder = qgetenv("ALGOSCOPE_SHOT_DIR"); !folder.isEmpty()) {
                QString error;
                QVERIFY2(save_widget_png(page,
                                         QStringLiteral("%1/thresholds-rt-%2x%3.png")
                                             .arg(QString::fromLocal8Bit(folder))
                                             .arg(size.width())
                                             .arg(size.height()),
                                         &error),
                         qPrintable(error));
            }
        }
    }
};

QTEST_MAIN(ReactionTimePageTest)
#include "ReactionTimePageTest.moc"
