// One engine, two front ends, one stored format, for dosage training: the same scripted
// samples go once through the Training page (Record, Stop, Start attempt) and once through
// `algoscope-cli train record` and `train attempt` (cli_train with a scripted frame source),
// each on a workbench with the same fixed wall clock and its own database. The template (its
// row and its trace), the student's plan and every score must be identical, byte for byte —
// and, since both ask TrainingSession, aligned at first contact: the student who puts the
// probe on later than the expert is not scored for the delay.
#include <QLineEdit>
#include <QtTest>

#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ParityCheck.h"
#include "TrainCommand.h"
#include "algocore/session/Workbench.h"
#include "algogui/training/TrainingPage.h"

using algocore::Sample;
using algocore::protocols::FeedbackLevel;
using algocore::protocols::FeedbackSchedule;

namespace {

constexpr double kRateHz = 100.0;
const char* const kUtc = "2026-12-01T14:00:00Z";

// A hold as a hand does it, at 100 Hz from t0: idle_s off the skin, a 1 s press to level_kpa,
// held hold_s, a 0.5 s release, 1.5 s off the skin.
std::vector<Sample> pressed_hold(double t0, double idle_s, double level_kpa, double hold_s) {
    std::vector<Sample> out;
    const double press_end = idle_s + 1.0;
    const double hold_end = press_end + hold_s;
    const double release_end = hold_end + 0.5;
    const int n = static_cast<int>((release_end + 1.5) * kRateHz);
    for (int i = 0; i <= n; ++i) {
        const double t = i / kRateHz;
        double kpa = 0.0;
        if (t >= idle_s && t < press_end) kpa = level_kpa * (t - idle_s);
        if (t >= press_end && t < hold_end) kpa = level_kpa;
        if (t >= hold_end && t < release_end) kpa = level_kpa * (release_end - t) / 0.5;
        Sample s;
        s.t_s = t0 + t;
        s.pressure_kpa = kpa;
        s.force_n = kpa / 10.0;
        out.push_back(s);
    }
    return out;
}

// The expert's hold, then the student's two attempts: the first begun 1.5 s later than the
// expert's (5 kPa soft), the second 0.5 s later (10 kPa hard).
const std::vector<Sample>& expert_trace() {
    static const auto trace = pressed_hold(0.0, 0.5, 350.0, 5.0);
    return trace;
}
const std::vector<Sample>& first_attempt() {
    static const auto trace = pressed_hold(20.0, 2.0, 345.0, 5.0);
    return trace;
}
const std::vector<Sample>& second_attempt() {
    static const auto trace = pressed_hold(40.0, 1.0, 360.0, 5.0);
    return trace;
}

std::vector<std::string> queries() {
    std::vector<std::string> q = parity::visit_queries();
    q.push_back("SELECT session_id, name, kind, band_low_kpa, band_high_kpa, recorded_utc, "
                "duration_s FROM expert_templates ORDER BY id");
    q.push_back("SELECT template_id, sample_count, samples FROM template_traces ORDER BY 1");
    q.push_back("SELECT session_id, template_id, schedule, started_utc FROM training_plans "
                "ORDER BY id");
    q.push_back("SELECT session_id, student_id, exercise, feedback, blind, attempted_utc, "
                "constant_error_kpa, absolute_error_kpa, variable_error_kpa, time_in_band_pct, "
                "template_id, plan_id, attempt, samples_compared, time_in_band_s "
                "FROM training_scores ORDER BY id");
    return q;
}

} // namespace

class TrainingParityTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theTrainingPageAndTheCliStoreIdenticalTemplatesAndScores() {
        QTemporaryDir dir;
        const std::string gui_db = dir.filePath(QStringLiteral("gui.sqlite")).toStdString();
        const std::string cli_db = dir.filePath(QStringLiteral("cli.sqlite")).toStdString();
        std::string template_name;

        // The GUI: Record before the expert touches, Stop after the expert lifted; then the
        // student, full feedback, Start attempt before each press.
        {
            algocore::session::Workbench workbench(parity::fixed_clock(kUtc));
            const std::string opened = workbench.open_database(gui_db);
            QVERIFY2(opened.empty(), opened.c_str());
            algogui::TrainingPage page(workbench);
            auto* teacher = page.findChild<QLineEdit*>(QStringLiteral("TeacherName"));
            QVERIFY(teacher);
            teacher->setText(QStringLiteral("Teacher T"));
            page.set_band_kpa(300.0, 400.0);
            const auto feed = [&](const std::vector<Sample>& samples) {
                for (const auto& frame : parity::frames_of(samples, 2)) {
                    workbench.feed_frame(frame);
                    page.feed(frame);
                }
            };
            page.start_recording();
            feed(expert_trace());
            page.finish_recording();
            QVERIFY(page.expert());
            template_name = page.expert()->name();
            QVERIFY(workbench.training().template_id());
            page.set_student(QStringLiteral("Student Bo"));
            page.set_schedule(FeedbackSchedule::constant(FeedbackLevel::Full));
            for (const auto* attempt : {&first_attempt(), &second_attempt()}) {
                QVERIFY(page.start_attempt());
                feed(*attempt);
                QVERIFY(!page.attempt_running());
            }
            QVERIFY(workbench.storage()->flush(std::chrono::seconds(10)));
            QCOMPARE(workbench.close_database(), std::size_t{0});
        }

        // The CLI: train record, then train attempt --attempts 2, on the same samples.
        const auto source_of = [](std::vector<Sample> samples) {
            auto frames =
                std::make_shared<std::vector<std::vector<Sample>>>(parity::frames_of(samples, 2));
            auto next = std::make_shared<std::size_t>(0);
            return cli_measuring::FrameSource([frames, next](algocore::session::Workbench& wb) {
                if (*next == frames->size()) return false;
                wb.feed_frame((*frames)[(*next)++]);
                return true;
            });
        };
        cli_train::Options options;
        options.db = cli_db;
        options.teacher = "Teacher T";
        options.student = "Student Bo";
        options.name = template_name;
        options.kind = "hold";
        options.band = "300:400";
        options.duration_s = 7.0; // from first contact: past the expert's lift (6.45 s)
        std::ostringstream recorded, scored;
        try {
            algocore::session::Workbench workbench(parity::fixed_clock(kUtc));
            cli_train::record(options, workbench, source_of(expert_trace()), nullptr, recorded);
        } catch (const cli_measuring::Failure& failure) {
            QFAIL(failure.message.c_str());
        }
        const auto line = nlohmann::json::parse(recorded.str());
        options.template_id = line["template_id"].get<std::int64_t>();
        options.stage = "full";
        options.attempts = 2;
        std::vector<Sample> both = first_attempt();
        both.insert(both.end(), second_attempt().begin(), second_attempt().end());
        try {
            algocore::session::Workbench workbench(parity::fixed_clock(kUtc));
            cli_train::attempts(options, workbench, source_of(both), nullptr, scored);
        } catch (const cli_measuring::Failure& failure) {
            QFAIL(failure.message.c_str());
        }

        const std::string difference = parity::first_difference(gui_db, cli_db, queries());
        QVERIFY2(difference.empty(), difference.c_str());
        // Aligned at first contact: the late, 5 kPa soft attempt scores about -5 kPa, not the
        // hundreds of kPa of a 1.5 s offset; the hard one about +10.
        const auto scores = parity::rows(
            cli_db, "SELECT constant_error_kpa BETWEEN -5.0 AND -3.5 AS soft, "
                    "constant_error_kpa BETWEEN 7.0 AND 10.0 AS hard, absolute_error_kpa < "
                    "10.5 AS near, variable_error_kpa < 3.0 AS steady FROM training_scores "
                    "ORDER BY id");
        QCOMPARE(scores.size(), std::size_t{2});
        QCOMPARE(scores[0], std::string("soft=1|hard=0|near=1|steady=1|"));
        QCOMPARE(scores[1], std::string("soft=0|hard=1|near=1|steady=1|"));
    }
};

QTEST_MAIN(TrainingParityTest)
#include "TrainingParityTest.moc"
