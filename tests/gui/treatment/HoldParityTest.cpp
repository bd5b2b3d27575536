// One engine, two front ends, one stored format, for a sustained hold: the same scripted
// samples go once through the Treatment page and once through `algoscope-cli hold`
// (cli_hold::run with a scripted frame source), each on a workbench with the same fixed wall
// clock and its own database. The stored session, hold (prescription, band, limit, dose,
// step-ups, pain rating) and hold trace must be identical, byte for byte.
#include <QtTest>

#include <sstream>
#include <string>
#include <vector>

#include "HoldCommand.h"
#include "ParityCheck.h"
#include "algocore/session/Workbench.h"
#include "algogui/treatment/HoldSummaryPanel.h"
#include "algogui/treatment/PointPicker.h"
#include "algogui/treatment/PrescriptionEditor.h"
#include "algogui/treatment/TreatmentPage.h"

using algocore::Sample;
using algocore::records::BodySide;

namespace {

constexpr double kRateHz = 100.0;
constexpr algocore::CalibrationId kCalibration = 4;
const char* const kUtc = "2026-12-01T10:30:00Z";

// 1 s resting, 1 s pressing in to 330 kPa, then held there (with a slow 2 % sag and a
// step back up) for 12 s, released, 2 s at rest. Band 300-400 kPa for 8 s, limit 500.
std::vector<Sample> one_hold() {
    std::vector<Sample> out;
    for (int i = 0; i <= static_cast<int>(16 * kRateHz); ++i) {
        const double t = i / kRateHz;
        double kpa = 0.0;
        if (t >= 1.0 && t < 2.0) kpa = 330.0 * (t - 1.0);
        if (t >= 2.0 && t < 14.0) kpa = t < 8.0 ? 330.0 - 1.1 * (t - 2.0) : 340.0;
        if (t >= 14.0 && t < 14.5) kpa = 340.0 * (14.5 - t) / 0.5;
        Sample s;
        s.t_s = t;
        s.pressure_kpa = kpa;
        s.force_n = kpa / 10.0;
        s.raw_counts = static_cast<std::int32_t>(kpa * 100);
        s.has_raw = true;
        s.calibration_id = kCalibration;
        out.push_back(s);
    }
    return out;
}

// The workflow's own rows after the visit's: the hold and its trace.
std::vector<std::string> queries() {
    std::vector<std::string> q = parity::visit_queries();
    q.push_back(
        "SELECT site.key, h.* FROM holds h JOIN sites site ON site.id = h.site_id ORDER BY h.id");
    q.push_back("SELECT sample_count, samples FROM hold_traces ORDER BY hold_id");
    return q;
}

} // namespace

class HoldParityTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theTreatmentPageAndTheCliStoreIdenticalHolds() {
        QTemporaryDir dir;
        const std::string gui_db = dir.filePath(QStringLiteral("gui.sqlite")).toStdString();
        const std::string cli_db = dir.filePath(QStringLiteral("cli.sqlite")).toStdString();
        const auto frames = parity::frames_of(one_hold(), 2); // 50 Hz frames at 100 Hz
        auto prescription = algocore::protocols::Prescription::absolute(300.0, 400.0, 8.0);
        prescription.limit =
            algocore::protocols::PressureRef{algocore::protocols::PressureAnchor::Absolute, 500.0};

        // The GUI: the visit (as the Thresholds page leaves it), the point, the prescription,
        // Start hold, the frames, then the pain rating and Save.
        {
            algocore::session::Workbench workbench(parity::fixed_clock(kUtc));
            const std::string opened = workbench.open_database(gui_db);
            QVERIFY2(opened.empty(), opened.c_str());
            algocore::session::Visit visit;
            visit.subject_code = "P-017";
            visit.operator_name = "Dr Lund";
            visit.operator_role = "therapist";
            QCOMPARE(QString::fromStdString(workbench.begin_visit(visit)), QString());
            algogui::TreatmentPage page(workbench, nullptr);
            page.point().set_subject_code(QStringLiteral("P-017"));
            Q_EMIT page.point().subjectEdited();
            QVERIFY(page.point().choose_site(QStringLiteral("upper_trapezius")));
            page.point().choose_side(BodySide::Left);
            page.editor().set_prescription(prescription);
            QVERIFY(page.start_hold());
            for (const auto& frame : frames) {
                workbench.feed_frame(frame);
                page.feed(frame);
            }
            page.summary().set_pain_rating(4);
            QVERIFY(page.save_hold());
            QVERIFY(workbench.storage()->flush(std::chrono::seconds(10)));
            QCOMPARE(workbench.close_database(), std::size_t{0});
        }

        // The CLI: the same samples as the frame source of `algoscope-cli hold`.
        {
            algocore::session::Workbench workbench(parity::fixed_clock(kUtc));
            cli_hold::Options options;
            options.common.db = cli_db;
            options.common.subject = "P-017";
            options.common.operator_name = "Dr Lund";
            options.common.site = "upper_trapezius";
            options.common.side = "L";
            options.band = "300:400";
            options.duration_s = 8.0;
            options.limit_kpa = 500.0;
            options.pain = 4;
            std::size_t next = 0;
            const cli_measuring::FrameSource source = [&](algocore::session::Workbench& wb) {
                if (next == frames.size()) return false;
                wb.feed_frame(frames[next++]);
                return true;
            };
            std::ostringstream out, err;
            try {
                cli_hold::run(options, workbench, source, nullptr, out, err);
            } catch (const cli_measuring::Failure& failure) {
                QFAIL(failure.message.c_str());
            }
            QVERIFY2(out.str().find("\"outcome\":\"complete\"") != std::string::npos,
                     out.str().c_str());
        }

        const std::string difference = parity::first_difference(gui_db, cli_db, queries());
        QVERIFY2(difference.empty(), difference.c_str());
        // The dose itself, as a reader would check it: 8 s in band, complete, pain 4.
        const auto holds =
            parity::rows(cli_db, "SELECT outcome, time_in_band_s >= 8.0, pain_rating FROM holds");
        QCOMPARE(holds.size(), std::size_t{1});
        QCOMPARE(holds[0], std::string("outcome=complete|time_in_band_s >= 8.0=1|pain_rating=4|"));
    }
};

QTEST_MAIN(HoldParityTest)
#include "HoldParityTest.moc"
