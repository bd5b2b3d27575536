// One engine, two front ends, one stored format: the same scripted samples (three DFNS ramps,
// the threshold signalled with the device's patient button) go once through the Thresholds
// page and once through `algoscope-cli ppt` (cli_ppt::run with a scripted frame source), each
// on a workbench with the same fixed wall clock and its own database. Every stored row
// (subject, operator, session, trials) and every trace blob must be identical, byte for byte,
// apart from the row ids the two databases handed out. A trial excluded on the page (its
// button and reason dialog) and with `algoscope-cli trials exclude` is corrected identically.
#include <CLI/CLI.hpp>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QtTest>

#include <sstream>
#include <string>
#include <vector>

#include "CliCommand.h"
#include "ParityCheck.h"
#include "PptCommand.h"
#include "algocore/session/Workbench.h"
#include "algogui/LiveFeed.h"
#include "algogui/TrialExclusionDialog.h"
#include "algogui/bodymap/BodyMapWidget.h"
#include "algogui/thresholds/RunControls.h"
#include "algogui/thresholds/SessionForm.h"
#include "algogui/thresholds/SubjectForm.h"
#include "algogui/thresholds/ThresholdsPage.h"
#include "algogui/thresholds/TrialExclusionButton.h"
#include "algogui/thresholds/TrialTable.h"

using algocore::Sample;
using algocore::records::BodySide;

namespace {

constexpr double kRateHz = 1000.0;
constexpr algocore::CalibrationId kCalibration = 3;
const char* const kUtc = "2026-12-01T09:00:00Z";

Sample at(double t_s, double kpa, bool patient_button) {
    Sample s;
    s.t_s = t_s;
    s.pressure_kpa = kpa;
    s.force_n = kpa / 10.0;
    s.raw_counts = static_cast<std::int32_t>(kpa * 100);
    s.has_raw = true;
    s.calibration_id = kCalibration;
    if (patient_button) s.buttons = algocore::kPatientButton;
    return s;
}

// Started while the probe is loaded (73 kPa) and the patient presses at 0.4 s: that press is
// an event stored with the first trial. Then three DFNS trials 40 s apart (rest 30 s): 0.5 s
// at rest, a 50 kPa/s ramp, the patient button held for 0.2 s from the threshold on while the
// pressure goes on 30 kPa, a release, and rest. Thresholds 380, 400 and 420 kPa.
constexpr double kLoadedS = 1.0;
constexpr double kLoadedKpa = 73.0;
constexpr double kPressedWhileLoadedS = 0.4;

std::vector<Sample> three_trials() {
    std::vector<Sample> out;
    double t = 0.0;
    const auto add = [&](double kpa, bool button) {
        out.push_back(at(t, kpa, button));
        t += 1.0 / kRateHz;
    };
    while (t < kLoadedS - 1e-9)
        add(kLoadedKpa, t >= kPressedWhileLoadedS - 1e-9 && t < kPressedWhileLoadedS + 0.1);
    for (int trial = 0; trial < 3; ++trial) {
        const double start_s = kLoadedS + trial * 40.0;
        const double threshold_kpa = 380.0 + 20.0 * trial;
        while (t < start_s + 0.5)
            add(0.0, false);
        double kpa = 0.0;
        while (kpa < threshold_kpa) {
            add(kpa, false);
            kpa += 50.0 / kRateHz;
        }
        for (int i = 0; i < 600; ++i) {
            add(kpa, i < 200);
            kpa += 50.0 / kRateHz;
        }
        for (int i = 0; i < 300; ++i)
            add(std::max(0.0, kpa * (1.0 - i / 150.0)), false);
    }
    const double end_s = t + 2.0;
    while (t < end_s)
        add(0.0, false);
    return out;
}

// The workflow's own rows after the visit's: trials and their traces.
std::vector<std::string> queries() {
    std::vector<std::string> q = parity::visit_queries();
    q.push_back(
        "SELECT site.key, side, trial_index, ppt_kpa, rate_kpa_s, target_rate_kpa_s, t.probe_cm2, "
        "valid, counted, flags, outcome, preset, t.calibration_id, in_corridor_pct, "
        "ramp_start_t_s, signal_t_s, peak_kpa, measure, rest_s, rate_at_button_kpa_s, "
        "presses_while_loaded, clock_zero_utc FROM trials t JOIN sites site ON "
        "site.id = t.site_id ORDER BY t.id");
    q.push_back("SELECT sample_count, samples FROM trial_traces ORDER BY trial_id");
    return q;
}

// The Thresholds page's forms, the point chosen, Start pressed, frames from the feed; then,
// when a reason is given, trial 2 is selected and excluded with the page's button and dialog.
void measure_on_the_page(const std::string& db, const QString& exclusion_reason = {}) {
    algocore::session::Workbench workbench(parity::fixed_clock(kUtc));
    const std::string opened = workbench.open_database(db);
    QVERIFY2(opened.empty(), opened.c_str());
    algogui::LiveFeed live{workbench};
    algogui::ThresholdsPage page{workbench, nullptr, nullptr};
    algocore::records::Subject subject;
    subject.code = "P-017";
    page.subject_form().set_subject(subject);
    page.session_form().set_operator_name(QStringLiteral("Dr Lund"));
    page.resize(1280, 780);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    const auto point =
        page.body_map().marker_position("upper_trapezius", BodySide::Left, algogui::BodyView::Back);
    QVERIFY(point.has_value());
    QTest::mouseClick(&page.body_map(), Qt::LeftButton, {}, point->toPoint());
    page.run_controls().start_button().click();
    QVERIFY2(workbench.visit().visit().has_value(), qPrintable(page.run_controls().status_text()));
    for (const auto& frame : parity::frames_of(three_trials(), 16)) { // 60 Hz frames at 1 kHz
        workbench.feed_frame(frame);
        page.show_samples(frame);
    }
    QCOMPARE(page.trial_table().rowCount(), 3);
    if (!exclusion_reason.isEmpty()) {
        auto& table = page.trial_table();
        auto& button = page.exclude_button();
        QVERIFY(!button.isEnabled()); // nothing selected yet
        const QRect row = table.visualRect(table.model()->index(1, algogui::TrialTable::Ppt));
        QTest::mouseClick(table.viewport(), Qt::LeftButton, {}, row.center());
        QVERIFY(button.isEnabled());
        QTest::mouseClick(&button, Qt::LeftButton);
        auto* dialog = button.dialog();
        QVERIFY(dialog);
        QVERIFY(!dialog->confirm_button().isEnabled()); // a reason is required
        dialog->reason_box().setFocus();
        QTest::keyClicks(dialog->reason_box().lineEdit(), exclusion_reason);
        QVERIFY(dialog->confirm_button().isEnabled());
        QTest::mouseClick(&dialog->confirm_button(), Qt::LeftButton);
        QCOMPARE(table.cell_text(1, algogui::TrialTable::Valid), QStringLiteral("excluded"));
        QVERIFY2(table.cell_text(1, algogui::TrialTable::Flags)
                     .startsWith(QStringLiteral("excluded: ") + exclusion_reason),
                 qPrintable(table.cell_text(1, algogui::TrialTable::Flags)));
        QCOMPARE(button.text(), QStringLiteral("Count trial again…"));
    }
    QVERIFY(workbench.storage()->flush(std::chrono::seconds(10)));
    QCOMPARE(workbench.close_database(), std::size_t{0});
}

// The same samples as the frame source of `algoscope-cli ppt`.
void measure_with_the_cli(const std::string& db) {
    algocore::session::Workbench workbench(parity::fixed_clock(kUtc));
    cli_ppt::Options options;
    options.common.db = db;
    options.common.subject = "P-017";
    options.common.operator_name = "Dr Lund";
    options.common.site = "upper_trapezius";
    options.common.side = "L";
    const auto frames = parity::frames_of(three_trials(), 16);
    std::size_t next = 0;
    const cli_measuring::FrameSource source = [&](algocore::session::Workbench& wb) {
        if (next == frames.size()) return false;
        wb.feed_frame(frames[next++]);
        return true;
    };
    std::ostringstream out, err;
    try {
        cli_ppt::run(options, workbench, source, nullptr, out, err);
    } catch (const cli_measuring::Failure& failure) {
        QFAIL(failure.message.c_str());
    }
    QVERIFY2(out.str().find("\"n\":3") != std::string::npos, out.str().c_str());
}

} // namespace

class GuiCliParityTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theThresholdsPageAndTheCliStoreIdenticalRecords() {
        QTemporaryDir dir;
        const std::string gui_db = dir.filePath(QStringLiteral("gui.sqlite")).toStdString();
        const std::string cli_db = dir.filePath(QStringLiteral("cli.sqlite")).toStdString();
        measure_on_the_page(gui_db);
        measure_with_the_cli(cli_db);

        const std::string difference = parity::first_difference(gui_db, cli_db, queries());
        QVERIFY2(difference.empty(), difference.c_str());
        // The thresholds themselves, as a reader would check them.
        const auto trials =
            parity::rows(cli_db, "SELECT round(ppt_kpa, 6), counted FROM trials ORDER BY id");
        QCOMPARE(trials.size(), std::size_t{3});
        QCOMPARE(trials[0], "round(ppt_kpa, 6)=" + parity::hex_float(380.0) + "|counted=1|");
        QCOMPARE(trials[2], "round(ppt_kpa, 6)=" + parity::hex_float(420.0) + "|counted=1|");
        // The press while the probe was loaded is an event of the first trial, not nothing.
        const auto presses = parity::rows(
            cli_db, "SELECT trial_index, json_array_length(presses_while_loaded) AS n, "
                    "round(json_extract(presses_while_loaded, '$[0].t_s'), 3) AS t_s, "
                    "json_extract(presses_while_loaded, '$[0].pressure_kpa') AS kpa "
                    "FROM trials ORDER BY id");
        QCOMPARE(presses[0], "trial_index=1|n=1|t_s=" + parity::hex_float(0.4) +
                                 "|kpa=" + parity::hex_float(73.0) + "|");
        QCOMPARE(presses[1], std::string("trial_index=2|n=0|t_s=NULL|kpa=NULL|"));
    }

    // One correction engine: excluding trial 2 on the page and with `trials exclude` stores
    // the same trial state and the same audit row (apart from the moment it was made).
    void anExclusionOnThePageAndInTheCliIsTheSameCorrection() {
        QTemporaryDir dir;
        const std::string gui_db = dir.filePath(QStringLiteral("gui.sqlite")).toStdString();
        const std::string cli_db = dir.filePath(QStringLiteral("cli.sqlite")).toStdString();
        measure_on_the_page(gui_db, QStringLiteral("patient moved"));
        measure_with_the_cli(cli_db);
        QCOMPARE(parity::cli_command({"trials", "exclude", "--db", cli_db, "--trial", "2",
                                      "--reason", "patient moved", "--by", "Dr Lund"}),
                 0);

        std::vector<std::string> corrected = queries();
        corrected.push_back("SELECT id, excluded_reason, counted FROM trials ORDER BY id");
        corrected.push_back("SELECT who, table_name, row_id, field, old_value, new_value, reason "
                            "FROM audit_log ORDER BY id");
        const std::string difference = parity::first_difference(gui_db, cli_db, corrected);
        QVERIFY2(difference.empty(), difference.c_str());
        const auto audit = parity::rows(
            gui_db, "SELECT row_id, field, old_value, new_value, who FROM audit_log ORDER BY id");
        QCOMPARE(audit.size(), std::size_t{1});
        QCOMPARE(audit[0], std::string("row_id=2|field=excluded_reason|old_value=NULL|"
                                       "new_value=patient moved|who=Dr Lund|"));
    }
};

QTEST_MAIN(GuiCliParityTest)
#include "GuiCliParityTest.moc"
