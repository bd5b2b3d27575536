// One engine, two front ends, one stored format: the same scripted samples (three DFNS ramps,
// the threshold signalled with the device's patient button) go once through the Thresholds
// page and once through `algoscope-cli ppt` (cli_ppt::run with a scripted frame source), each
// on a workbench with the same fixed wall clock and its own database. Every stored row
// (subject, operator, session, trials) and every trace blob must be identical, byte for byte,
// apart from the row ids the two databases handed out.
#include <QPushButton>
#include <QtTest>

#include <sstream>
#include <string>
#include <vector>

#include "ParityCheck.h"
#include "PptCommand.h"
#include "algocore/session/Workbench.h"
#include "algocore/storage/SqliteStorage.h"
#include "algogui/LiveFeed.h"
#include "algogui/bodymap/BodyMapWidget.h"
#include "algogui/thresholds/RunControls.h"
#include "algogui/thresholds/SessionForm.h"
#include "algogui/thresholds/SubjectForm.h"
#include "algogui/thresholds/ThresholdsPage.h"
#include "algogui/thresholds/TrialTable.h"

using algocore::Sample;
using algocore::storage::BodySide;

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

// Three DFNS trials 40 s apart (rest 30 s): 0.5 s at rest, a 50 kPa/s ramp, the patient
// button held for 0.2 s from the threshold on while the pressure goes on 30 kPa, a release,
// and rest. Thresholds 380, 400 and 420 kPa.
std::vector<Sample> three_trials() {
    std::vector<Sample> out;
    double t = 0.0;
    const auto add = [&](double kpa, bool button) {
        out.push_back(at(t, kpa, button));
        t += 1.0 / kRateHz;
    };
    for (int trial = 0; trial < 3; ++trial) {
        const double start_s = trial * 40.0;
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
        "ramp_start_t_s, signal_t_s, peak_kpa, measure, rest_s FROM trials t JOIN sites site ON "
        "site.id = t.site_id ORDER BY t.id");
    q.push_back("SELECT sample_count, samples FROM trial_traces ORDER BY trial_id");
    return q;
}

} // namespace

class GuiCliParityTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theThresholdsPageAndTheCliStoreIdenticalRecords() {
        QTemporaryDir dir;
        const std::string gui_db = dir.filePath(QStringLiteral("gui.sqlite")).toStdString();
        const std::string cli_db = dir.filePath(QStringLiteral("cli.sqlite")).toStdString();
        const auto frames = parity::frames_of(three_trials(), 16); // 60 Hz frames at 1 kHz

        // The GUI: the page's forms, the point chosen, Start pressed, frames from the feed.
        {
            algocore::session::Workbench workbench(parity::fixed_clock(kUtc));
            const std::string opened = workbench.open_database(gui_db);
            QVERIFY2(opened.empty(), opened.c_str());
            algogui::LiveFeed live{workbench};
            algogui::ThresholdsPage page{workbench, nullptr, nullptr};
            algocore::storage::Subject subject;
            subject.code = "P-017";
            page.subject_form().set_subject(subject);
            page.session_form().set_operator_name(QStringLiteral("Dr Lund"));
            page.resize(1280, 780);
            page.show();
            QVERIFY(QTest::qWaitForWindowExposed(&page));
            const auto point = page.body_map().marker_position("upper_trapezius", BodySide::Left,
                                                               algogui::BodyView::Back);
            QVERIFY(point.has_value());
            QTest::mouseClick(&page.body_map(), Qt::LeftButton, {}, point->toPoint());
            page.run_controls().start_button().click();
            QVERIFY2(workbench.visit().visit().has_value(),
                     qPrintable(page.run_controls().status_text()));
            for (const auto& frame : frames) {
                workbench.feed_frame(frame);
                page.show_samples(frame);
            }
            QCOMPARE(page.trial_table().rowCount(), 3);
            QVERIFY(workbench.storage()->flush(std::chrono::seconds(10)));
            QCOMPARE(workbench.close_database(), std::size_t{0});
        }

        // The CLI: the same samples as the frame source of `algoscope-cli ppt`.
        {
            algocore::session::Workbench workbench(parity::fixed_clock(kUtc));
            cli_ppt::Options options;
            options.common.db = cli_db;
            options.common.subject = "P-017";
            options.common.operator_name = "Dr Lund";
            options.common.site = "upper_trapezius";
            options.common.side = "L";
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

        const std::string difference = parity::first_difference(gui_db, cli_db, queries());
        QVERIFY2(difference.empty(), difference.c_str());
        // The thresholds themselves, as a reader would check them.
        const auto trials =
            parity::rows(cli_db, "SELECT round(ppt_kpa, 6), counted FROM trials ORDER BY id");
        QCOMPARE(trials.size(), std::size_t{3});
        QCOMPARE(trials[0], "round(ppt_kpa, 6)=" + parity::hex_float(380.0) + "|counted=1|");
        QCOMPARE(trials[2], "round(ppt_kpa, 6)=" + parity::hex_float(420.0) + "|counted=1|");
    }
};

QTEST_MAIN(GuiCliParityTest)
#include "GuiCliParityTest.moc"
