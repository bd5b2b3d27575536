// The Thresholds page on scripted samples (no device): a pain signal at 400 kPa gives a
// 400 kPa row in the table and a stored trial with its trace; the pain key works; an
// invalid trial prompts a retest without a dialog; a full database shows in the banner
// while the page keeps working; the change against the previous session names the MDC that
// judged it; the page's screenshot is not blank.
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QtTest>
#include <vector>

#include "LayoutChecks.h"
#include "algocore/session/Workbench.h"
#include "algocore/storage/SqliteStorage.h"
#include "algogui/Banner.h"
#include "algogui/LiveFeed.h"
#include "algogui/Screenshot.h"
#include "algogui/bodymap/BodyMapWidget.h"
#include "algogui/thresholds/PointSummaryView.h"
#include "algogui/thresholds/ProtocolForm.h"
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
constexpr algocore::CalibrationId kCalibration = 7;

Sample at(double t_s, double kpa) {
    Sample s;
    s.t_s = t_s;
    s.pressure_kpa = kpa;
    s.force_n = kpa / 10.0;
    s.raw_counts = static_cast<std::int32_t>(kpa * 100);
    s.has_raw = true;
    s.calibration_id = kCalibration;
    return s;
}

/// 1 kHz: rest, a ramp at rate_kpa_s from t0_s up to (and including) until_kpa.
std::vector<Sample> ramp(double t0_s, double rate_kpa_s, double until_kpa) {
    std::vector<Sample> out;
    for (int i = 0; i < 500; ++i)
        out.push_back(at(t0_s + i / kRateHz, 0.0));
    const double start = t0_s + 0.5;
    for (int i = 0;; ++i) {
        const double kpa = rate_kpa_s * i / kRateHz;
        if (kpa > until_kpa + 1e-9) break;
        out.push_back(at(start + i / kRateHz, kpa));
    }
    return out;
}

/// After the signal: on up to peak_kpa at the same rate, then release and rest.
std::vector<Sample> overshoot_and_release(double from_t_s, double from_kpa, double rate_kpa_s,
                                          double peak_kpa) {
    std::vector<Sample> out;
    double t = from_t_s;
    double kpa = from_kpa;
    while (kpa < peak_kpa) {
        t += 1 / kRateHz;
        kpa += rate_kpa_s / kRateHz;
        out.push_back(at(t, kpa));
    }
    for (int i = 0; i < 500; ++i) {
        t += 1 / kRateHz;
        out.push_back(at(t, std::max(0.0, peak_kpa * (1.0 - i / 250.0))));
    }
    return out;
}

struct Fixture {
    QTemporaryDir dir;
    algocore::session::Workbench workbench;
    std::string opened =
        workbench.open_database(dir.filePath(QStringLiteral("study.sqlite")).toStdString());
    LiveFeed live{workbench};
    Banner banner;
    ThresholdsPage page{workbench, nullptr, &banner};

    Fixture() {
        if (!opened.empty()) qFatal("%s", opened.c_str());
        QObject::connect(&live, &LiveFeed::bannerMessage, &banner, &Banner::show_message);
        algocore::records::Subject subject;
        subject.code = "S001";
        page.subject_form().set_subject(subject);
        page.session_form().set_operator_name(QStringLiteral("Tester"));
        page.resize(1280, 780);
    }

    void choose_on_map(const std::string& key, BodySide side, BodyView view) {
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        const auto point = page.body_map().marker_position(key, side, view);
        QVERIFY(point.has_value());
        QTest::mouseClick(&page.body_map(), Qt::LeftButton, {}, point->toPoint());
    }

    // The samples reach the session through the workbench, as from a device; the page draws.
    void feed(const std::vector<Sample>& samples) {
        workbench.feed_frame(samples);
        page.show_samples(samples);
    }
    algocore::records::RecordId session_id() { return workbench.visit().session_id(); }
};
} // namespace

class ThresholdsPageTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void OnScreenButtonAt400kPaShows400InTheTableAndStoresTheTrial() {
        Fixture f;
        f.choose_on_map("upper_trapezius", BodySide::Left, BodyView::Back);
        QTest::mouseClick(&f.page.run_controls().start_button(), Qt::LeftButton);
        QVERIFY(f.workbench.visit().visit().has_value());
        QVERIFY2(f.page.run_controls().pain_button().isEnabled(),
                 qPrintable(f.page.run_controls().status_text()));

        // DFNS ramp at 50 kPa/s; the subject signals at 400 kPa, the probe goes on to 460.
        const auto rising = ramp(0.0, 50.0, 400.0);
        f.feed(rising);
        QCOMPARE(rising.back().pressure_kpa, 400.0);
        QTest::mousePress(&f.page.run_controls().pain_button(), Qt::LeftButton);
        QTest::mouseRelease(&f.page.run_controls().pain_button(), Qt::LeftButton);
        f.feed(overshoot_and_release(rising.back().t_s, 400.0, 50.0, 460.0));

        const TrialTable& table = f.page.trial_table();
        QCOMPARE(table.rowCount(), 1);
        QCOMPARE(table.cell_text(0, TrialTable::Ppt), QStringLiteral("400"));
        QCOMPARE(table.cell_text(0, TrialTable::Rate), QStringLiteral("50"));
        QCOMPARE(table.cell_text(0, TrialTable::Valid), QStringLiteral("yes"));
        QVERIFY(f.page.run_controls().status_text().contains(QStringLiteral("Rest")));

        // Committed with its raw trace and the calibration the samples came from.
        auto& storage = *f.workbench.storage();
        QVERIFY(storage.flush(std::chrono::milliseconds(3000)));
        const auto trials = storage.trials_of(f.session_id());
        QCOMPARE(trials.size(), std::size_t{1});
        QCOMPARE(trials[0].ppt_kpa, 400.0);
        QCOMPARE(trials[0].side, BodySide::Left);
        QCOMPARE(trials[0].calibration_id, kCalibration);
        QCOMPARE(trials[0].outcome, std::string("signalled"));
        const auto trace = storage.trial_trace(trials[0].id);
        QVERIFY(trace.has_value());
        QVERIFY(trace->samples.size() > 8000);
        QVERIFY(f.page.summary().statistics_text().contains(QStringLiteral("400 kPa")));
    }

    // Started while the probe is already loaded, the state says what the trial waits for (in
    // the words the CLI says) and the patient's press during the wait is said, not dropped.
    void StartedWhileLoadedTheStateSaysLiftBelowTheBaselineAndKeepsThePress() {
        Fixture f;
        f.choose_on_map("upper_trapezius", BodySide::Left, BodyView::Back);
        QTest::mouseClick(&f.page.run_controls().start_button(), Qt::LeftButton);
        std::vector<Sample> loaded;
        for (int i = 0; i < 500; ++i)
            loaded.push_back(at(i / kRateHz, 73.0));
        f.feed(loaded);
        QCOMPARE(f.page.run_controls().status_text(),
                 QStringLiteral("probe loaded (73 kPa): lift below 5 kPa to begin"));
        QTest::mousePress(&f.page.run_controls().pain_button(), Qt::LeftButton);
        QTest::mouseRelease(&f.page.run_controls().pain_button(), Qt::LeftButton);
        f.feed({at(0.5, 73.0)});
        QVERIFY2(f.page.run_controls().status_text().contains(
                     QStringLiteral("the patient pressed at 73 kPa while the probe was loaded")),
                 qPrintable(f.page.run_controls().status_text()));
        QCOMPARE(f.page.trial_table().rowCount(), 0);
        // Lifted: the trial waits for the ramp as usual.
        f.feed({at(0.6, 0.0)});
        QCOMPARE(f.page.run_controls().status_text(),
                 QStringLiteral("Armed: place the probe and ramp up"));
    }

    void ThePainKeySignalsWhileATrialRuns() {
        Fixture f;
        f.choose_on_map("tibialis_anterior", BodySide::Right, BodyView::Front);
        f.page.run_controls().set_pain_key(Qt::Key_F13); // a foot pedal sending F13
        Q_EMIT f.page.run_controls().painKeyChanged(Qt::Key_F13);
        f.page.run_controls().start_button().click();
        const auto rising = ramp(0.0, 50.0, 350.0);
        f.feed(rising);
        QTest::keyClick(f.page.window(), Qt::Key_F13);
        f.feed(overshoot_and_release(rising.back().t_s, 350.0, 50.0, 420.0));
        QCOMPARE(f.page.trial_table().rowCount(), 1);
        QCOMPARE(f.page.trial_table().cell_text(0, TrialTable::Ppt), QStringLiteral("350"));
    }

    void SpaceSignalsPainBeforeAWindowShortcutOnSpace() {
        Fixture f;
        // The main window starts/stops holds with Space; during a trial Space means pain.
        QAction hold(QStringLiteral("hold"));
        hold.setShortcut(Qt::Key_Space);
        f.page.addAction(&hold);
        int holds = 0;
        QObject::connect(&hold, &QAction::triggered, [&holds] { ++holds; });
        f.choose_on_map("upper_trapezius", BodySide::Left, BodyView::Back);
        f.page.run_controls().start_button().click();
        const auto rising = ramp(0.0, 50.0, 420.0);
        f.feed(rising);
        QTest::keyClick(&f.page.run_controls().start_button(), Qt::Key_Space);
        f.feed(overshoot_and_release(rising.back().t_s, 420.0, 50.0, 470.0));
        QCOMPARE(f.page.trial_table().cell_text(0, TrialTable::Ppt), QStringLiteral("420"));
        QCOMPARE(holds, 0);
        // Between trials Space is the window's again.
        QTest::keyClick(&f.page.run_controls().start_button(), Qt::Key_Space);
        QCOMPARE(holds, 1);
    }

    // Item 7 of issue 18: Esc closing a drop-down (or pressed in a text field) must not also
    // abort the armed trial, and Space typed into a text field is a space, not a pain signal.
    void TrialKeysLeaveOpenDropDownsAndTextFieldsAlone() {
        Fixture f;
        f.choose_on_map("upper_trapezius", BodySide::Left, BodyView::Back);
        QTest::mouseClick(&f.page.run_controls().start_button(), Qt::LeftButton);
        QVERIFY(f.page.run_controls().abort_button().isEnabled());
        f.page.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&f.page));

        // A drop-down opened and closed with Esc.
        auto* preset = f.page.protocol_form().findChild<QComboBox*>();
        QVERIFY(preset);
        preset->showPopup();
        QTRY_VERIFY(QApplication::activePopupWidget() != nullptr);
        QTest::keyClick(QApplication::activePopupWidget(), Qt::Key_Escape);
        QTRY_VERIFY(QApplication::activePopupWidget() == nullptr);
        QVERIFY2(f.page.run_controls().abort_button().isEnabled(),
                 qPrintable(f.page.run_controls().status_text()));

        // Esc in a text field, with and without a drop-down.
        auto* field = f.page.session_form().findChild<QLineEdit*>();
        QVERIFY(field);
        field->setFocus();
        QTRY_VERIFY(field->hasFocus());
        QTest::keyClick(field, Qt::Key_Escape);
        QVERIFY(f.page.run_controls().abort_button().isEnabled());

        // During the ramp, Space typed into a text field is text, not pain.
        const auto rising = ramp(0.0, 50.0, 300.0);
        f.feed(rising);
        field->clear();
        QTest::keyClick(field, Qt::Key_Space);
        QCOMPARE(field->text(), QStringLiteral(" "));
        QVERIFY(f.page.run_controls().pain_button().isEnabled());
        QCOMPARE(f.page.trial_table().rowCount(), 0);

        // With nothing being typed in, the keys act: Esc aborts.
        field->clearFocus();
        QTRY_VERIFY(!field->hasFocus());
        QTest::keyClick(&f.page, Qt::Key_Escape);
        QVERIFY(!f.page.run_controls().abort_button().isEnabled());
    }

    // An abort before the probe was ever loaded starts no rest, and the next trial is not
    // flagged as a short rest: one keystroke must not cost two trials.
    void AnAbortBeforeAnyLoadStartsNoRest() {
        Fixture f;
        f.choose_on_map("upper_trapezius", BodySide::Left, BodyView::Back);
        f.page.run_controls().start_button().click();
        f.feed(ramp(0.0, 50.0, 0.0)); // resting samples, no load
        f.page.run_controls().abort_button().click();
        QVERIFY2(!f.page.run_controls().status_text().contains(QStringLiteral("Rest")),
                 qPrintable(f.page.run_controls().status_text()));
        QVERIFY(f.page.run_controls().start_button().isEnabled());
        f.page.run_controls().start_button().click();
        const auto rising = ramp(1.0, 50.0, 330.0);
        f.feed(rising);
        f.page.signal_pain(algocore::protocols::PainSignalSource::OnScreen);
        f.feed(overshoot_and_release(rising.back().t_s, 330.0, 50.0, 380.0));
        const auto rows = f.page.session().rows();
        QCOMPARE(rows.back().trial.result.ppt_kpa, 330.0);
        QVERIFY2(rows.back().trial.counted,
                 algocore::protocols::flags_to_string(rows.back().trial.result.flags).c_str());
        QCOMPARE(
            f.page.trial_table().cell_text(f.page.trial_table().rowCount() - 1, TrialTable::Valid),
            QStringLiteral("yes"));
    }

    void AnInvalidTrialPromptsARetestWithoutADialog() {
        Fixture f;
        f.choose_on_map("upper_trapezius", BodySide::Right, BodyView::Back);
        f.page.run_controls().start_button().click();
        // 100 kPa/s is twice the DFNS rate: out of tolerance.
        const auto rising = ramp(0.0, 100.0, 300.0);
        f.feed(rising);
        f.page.signal_pain(algocore::protocols::PainSignalSource::OnScreen);
        f.feed(overshoot_and_release(rising.back().t_s, 300.0, 100.0, 340.0));

        QCOMPARE(f.page.trial_table().cell_text(0, TrialTable::Valid), QStringLiteral("no"));
        QVERIFY(
            f.page.trial_table().cell_text(0, TrialTable::Flags).contains(QStringLiteral("rate")));
        QVERIFY(f.page.run_controls().retest_prompt_visible());
        QVERIFY(QApplication::activeModalWidget() == nullptr);
        QVERIFY(!f.page.run_controls().start_button().isEnabled());
        // The prompt is read whole at every supported size: its text fits, nothing covers it.
        for (const QSize size : {QSize(1024, 640), QSize(1280, 800), QSize(1920, 1080)}) {
            f.page.resize(size);
            QTest::qWait(100); // the scrolling columns settle their height-for-width

            const QStringList problems = layout_checks::text_that_does_not_fit(f.page) +
                                         layout_checks::widgets_cut_off(f.page) +
                                         layout_checks::panels_overlapping(f.page);
            QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1x%2: %3")
                                                        .arg(size.width())
                                                        .arg(size.height())
                                                        .arg(problems.join(QStringLiteral("; ")))));
            // For docs/screenshots (scripts/screenshots.sh sets the folder).
            if (const QByteArray folder = qgetenv("ALGOSCOPE_SHOT_DIR"); !folder.isEmpty()) {
                QString error;
                QVERIFY2(save_widget_png(f.page,
                                         QStringLiteral("%1/thresholds-retest-%2x%3.png")
                                             .arg(QString::fromLocal8Bit(folder))
                                             .arg(size.width())
                                             .arg(size.height()),
                                         &error),
                         qPrintable(error));
            }
        }

        f.page.run_controls().retest_button().click();
        QVERIFY(!f.page.run_controls().retest_prompt_visible());
        QVERIFY(f.page.run_controls().status_text().contains(QStringLiteral("Rest")));
    }

    void BothSidesGiveTheLeftRightDifference() {
        Fixture f;
        f.choose_on_map("upper_trapezius", BodySide::Left, BodyView::Back);
        auto protocol = algocore::protocols::PptPreset::dfns();
        protocol.name = "custom";
        protocol.trials = 1;
        f.page.protocol_form().set_preset(protocol);
        Q_EMIT f.page.protocol_form().presetEdited();
        double t = 0.0;
        for (const auto& [side, ppt] :
             {std::pair{BodySide::Left, 300.0}, std::pair{BodySide::Right, 400.0}}) {
            f.choose_on_map("upper_trapezius", side, BodyView::Back);
            f.page.run_controls().start_button().click();
            const auto rising = ramp(t, 50.0, ppt);
            f.feed(rising);
            f.page.signal_pain(algocore::protocols::PainSignalSource::OnScreen);
            const auto after = overshoot_and_release(rising.back().t_s, ppt, 50.0, ppt + 40);
            f.feed(after);
            t = after.back().t_s + 0.001;
        }
        QVERIFY2(f.page.summary().sides_text().contains(QStringLiteral("−100 kPa")),
                 qPrintable(f.page.summary().sides_text()));
        QVERIFY(f.page.summary().sides_text().contains(QStringLiteral("28.6 %")));
        QVERIFY(f.page.body_map().flagged_asymmetry("upper_trapezius").has_value());
        QVERIFY(f.page.body_map().marker_colour("upper_trapezius", BodySide::Left).has_value());
    }

    void TheChangeSaysWhichMdcJudgedIt() {
        Fixture f;
        f.page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&f.page));
        using algocore::protocols::PptAggregate;
        algocore::session::PptPointResult result;
        result.summary =
            algocore::protocols::summarize_ppt({410.0, 420.0, 430.0}, PptAggregate::Mean);
        const algocore::history::MdcValue lab{
            150.0, algocore::history::MdcOrigin::ThisLab,
            "this lab (2026-10-20): ICC(2,1) 0.81, 24 subjects x 2 sessions; study.sqlite"};
        result.change = algocore::history::judge_change(300.0, 420.0, lab);
        result.mdc = lab;
        f.page.summary().show_result(result, PptAggregate::Mean);
        const QString text = f.page.summary().change_text();
        QVERIFY2(text.contains(QStringLiteral("MDC 150 kPa (this lab): no real change")),
                 qPrintable(text));
        QLabel* change = nullptr;
        for (QLabel* label : f.page.summary().findChildren<QLabel*>())
            if (label->text() == text) change = label;
        QVERIFY(change);
        QCOMPARE(change->toolTip(), QString::fromStdString(lab.provenance));

        algocore::records::Site trapezius;
        trapezius.key = "upper_trapezius";
        result.mdc = algocore::history::builtin_mdc(trapezius);
        result.change = algocore::history::judge_change(300.0, 420.0, *result.mdc);
        f.page.summary().show_result(result, PptAggregate::Mean);
        QVERIFY2(
            f.page.summary().change_text().contains(QStringLiteral("(built-in): real increase")),
            qPrintable(f.page.summary().change_text()));
        QCOMPARE(change->toolTip(), QStringLiteral("built-in default (Walton et al. 2011)"));
    }

    void AFullDatabaseShowsInTheBannerAndTheTrialIsKept() {
        Fixture f;
        f.choose_on_map("masseter", BodySide::Left, BodyView::Front);
        f.page.run_controls().start_button().click();
        auto* sqlite = dynamic_cast<algocore::storage::SqliteStorage*>(f.workbench.storage());
        QVERIFY(sqlite);
        QVERIFY(sqlite->flush(std::chrono::milliseconds(3000)));
        sqlite->set_max_page_count(1); // a quota already exceeded: behaves as a full disk
        const auto rising = ramp(0.0, 50.0, 250.0);
        f.feed(rising);
        f.page.signal_pain(algocore::protocols::PainSignalSource::OnScreen);
        f.feed(overshoot_and_release(rising.back().t_s, 250.0, 50.0, 300.0));
        QTRY_VERIFY_WITH_TIMEOUT(
            (f.live.tick(), f.banner.text().contains(QStringLiteral("Database"))), 5000);
        QCOMPARE(f.banner.level(), BannerLevel::Error);
        QVERIFY(QApplication::activeModalWidget() == nullptr);
        QCOMPARE(f.page.trial_table().cell_text(0, TrialTable::Ppt), QStringLiteral("250"));

        sqlite->set_max_page_count(0);
        QVERIFY(sqlite->flush(std::chrono::seconds(30)));
        QCOMPARE(sqlite->trials_of(f.session_id()).size(), std::size_t{1});
        // The problem is gone: the banner says so instead of staying red.
        QTRY_VERIFY_WITH_TIMEOUT((f.live.tick(), f.banner.level() == BannerLevel::Info), 5000);
    }

    // Details typed on the form for a subject already stored are stored too, as an audited
    // correction (the old value stays in the audit log); "not recorded" keeps a stored detail.
    void DetailsTypedForAStoredSubjectAreAnAuditedCorrection() {
        Fixture f;
        auto& storage = *f.workbench.storage();
        algocore::records::Subject stored;
        stored.code = "S007";
        stored.sex = "female";
        stored.dominant_side = BodySide::Right;
        storage.add_subject(stored);
        QVERIFY(storage.flush(std::chrono::seconds(10)));
        f.page.reload();
        QTRY_VERIFY_WITH_TIMEOUT(
            (f.workbench.inbox().deliver(), f.page.subject_form().known("S007").has_value()),
            30000);
        algocore::records::Subject typed;
        typed.code = "S007";
        typed.sex = "male";
        typed.age_band = "40-49";
        f.page.subject_form().set_subject(typed);
        QPushButton* use = nullptr;
        for (auto* b : f.page.subject_form().findChildren<QPushButton*>())
            if (b->text() == QStringLiteral("Use subject")) use = b;
        QVERIFY(use);
        QTest::mouseClick(use, Qt::LeftButton);
        QVERIFY(storage.flush(std::chrono::seconds(10)));
        const auto now = storage.find_subject("S007");
        QVERIFY(now);
        QCOMPARE(now->sex.value_or(""), std::string("male"));
        QCOMPARE(now->age_band.value_or(""), std::string("40-49"));
        QCOMPARE(now->dominant_side, std::optional<BodySide>(BodySide::Right));
        const auto log = storage.audit_log("subjects", now->id);
        QCOMPARE(log.size(), std::size_t{2});
        QCOMPARE(log[0].old_value, std::string("female"));
        QCOMPARE(log[0].who, std::string("Tester"));
        QCOMPARE(log[0].reason, std::string("entered on the subject form"));
    }

    void PageScreenshotIsNotBlank() {
        Fixture f;
        f.choose_on_map("upper_trapezius", BodySide::Left, BodyView::Back);
        f.page.run_controls().start_button().click();
        const auto rising = ramp(0.0, 50.0, 380.0);
        f.feed(rising);
        f.page.signal_pain(algocore::protocols::PainSignalSource::OnScreen);
        f.feed(overshoot_and_release(rising.back().t_s, 380.0, 50.0, 420.0));
        const QString path = f.dir.filePath(QStringLiteral("thresholds-test.png"));
        QString error;
        QVERIFY2(save_widget_png(f.page, path, &error), qPrintable(error));
        const QImage image(path);
        QCOMPARE(image.size(), QSize(1280, 780));
        QVERIFY(distinct_colours(image) >= 24);
    }
};

QTEST_MAIN(ThresholdsPageTest)
#include "ThresholdsPageTest.moc"
