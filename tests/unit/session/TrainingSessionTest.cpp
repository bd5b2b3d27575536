#include <gtest/gtest.h>

#include <cmath>
#include <future>

#include "algocore/protocols/ProbeContact.h"

#include "SessionFixture.h"

using namespace algocore;
using namespace algocore::session;
using protocols::FeedbackLevel;
using protocols::FeedbackSchedule;

namespace {

// A 4 s hold at level_kpa from t0, 1 kHz.
std::vector<Sample> steady(double t0, double level_kpa, double seconds = 4.0) {
    std::vector<Sample> out;
    for (double t = 0.0; t < seconds; t += 0.001)
        out.push_back(synth::sample_at(t0 + t, level_kpa));
    return out;
}

// An expert's or student's hold as a therapist does it, 1 kHz from t0: idle_s with the probe
// off the skin, a 1 s press to level_kpa, held for hold_s, a 0.5 s release, 2 s idle.
std::vector<Sample> pressed_hold(double t0, double idle_s, double level_kpa, double hold_s) {
    std::vector<Sample> out;
    const double press_end = idle_s + 1.0;
    const double hold_end = press_end + hold_s;
    const double release_end = hold_end + 0.5;
    for (double t = 0.0; t < release_end + 2.0; t += 0.001) {
        double kpa = 0.0;
        if (t >= idle_s && t < press_end) kpa = level_kpa * (t - idle_s);
        if (t >= press_end && t < hold_end) kpa = level_kpa;
        if (t >= hold_end && t < release_end) kpa = level_kpa * (release_end - t) / 0.5;
        out.push_back(synth::sample_at(t0 + t, kpa));
    }
    return out;
}

} // namespace

// Issue 18 item 5: scored from the moment Start was pressed, a student who put the probe on
// a second and a half later than the expert scored an absolute error of hundreds of kPa for
// an identical hold. Aligned at first contact (and the template's idle head and tail left
// out), the same hold scores next to nothing.
TEST(TrainingSession, ADelayedButIdenticalAttemptScoresNearZeroError) {
    Inbox inbox;
    TrainingSession training(nullptr, inbox);
    ASSERT_EQ(training.set_teacher("Teacher T"), "");
    ASSERT_EQ(training.start_recording(protocols::TemplateKind::Hold, "Hold 350",
                                       protocols::PressureBand{300.0, 400.0}),
              "");
    for (const Sample& s : pressed_hold(0.0, 0.5, 350.0, 6.0))
        training.feed(s);
    ASSERT_EQ(training.finish_recording(), "");
    ASSERT_TRUE(training.expert());
    // From the expert's first contact to the last: 1 s press, 6 s hold, 0.5 s release, less
    // the parts below the contact pressure.
    EXPECT_NEAR(training.expert()->duration_s(), 7.5, 0.05);
    EXPECT_GE(training.expert()->points().front().pressure_kpa, protocols::kProbeOnSkinKpa);
    EXPECT_GE(training.expert()->points().back().pressure_kpa, protocols::kProbeOnSkinKpa);

    ASSERT_EQ(training.set_student("Student Bo"), "");
    ASSERT_EQ(training.start_attempt(), "");
    // The same hold, begun 1.5 s later after Start than the expert began after Record.
    for (const Sample& s : pressed_hold(20.0, 2.0, 350.0, 6.0))
        training.feed(s);
    EXPECT_EQ(training.phase(), TrainingSession::Phase::Idle);
    ASSERT_TRUE(training.last_score());
    EXPECT_LT(std::abs(training.last_score()->constant_error_kpa), 0.5);
    EXPECT_LT(training.last_score()->absolute_error_kpa, 0.5);
    EXPECT_LT(training.last_score()->variable_error_kpa, 0.5);
    ASSERT_FALSE(training.attempt_samples().empty());
    EXPECT_GE(training.attempt_samples().front().pressure_kpa, protocols::kProbeOnSkinKpa);
}

// An attempt the probe never touched is not scored and not counted.
TEST(TrainingSession, AnAttemptThatNeverTouchesIsNotScored) {
    Inbox inbox;
    TrainingSession training(nullptr, inbox);
    training.use_template(protocols::MotionTemplate::from_trace(protocols::TemplateKind::Hold,
                                                                "hold", steady(0.0, 300.0)),
                          std::nullopt);
    ASSERT_EQ(training.set_student("Student Bo"), "");
    ASSERT_EQ(training.start_attempt(), "");
    for (const Sample& s : steady(10.0, 2.0))
        training.feed(s);
    EXPECT_TRUE(training.waiting_for_contact());
    training.finish_attempt();
    EXPECT_FALSE(training.last_score());
    EXPECT_EQ(training.attempt_number(), 1);
    EXPECT_EQ(training.message(), "attempt not scored: the probe never touched the skin");
}

TEST(TrainingSession, TemplatesAndTheStudentsScheduleSurviveARestart) {
    algotest::TempDir dir;
    const std::string path = dir.file("course.sqlite");
    records::RecordId template_id = records::kNoRecord;
    {
        Workbench wb(sessiontest::fixed_clock());
        ASSERT_EQ(wb.open_database(path), "");
        auto& training = wb.training();
        ASSERT_EQ(training.set_teacher("Teacher T"), "");
        ASSERT_EQ(training.start_recording(protocols::TemplateKind::Hold, "Hold 300",
                                           protocols::PressureBand{280.0, 320.0}),
                  "");
        sessiontest::feed(wb, steady(0.0, 300.0));
        ASSERT_EQ(training.finish_recording(), "");
        ASSERT_TRUE(training.template_id());
        template_id = *training.template_id();
        ASSERT_EQ(training.set_student("Student Bo"), "");
        sessiontest::settle(wb);
        ASSERT_EQ(training.set_schedule(FeedbackSchedule::faded(1)), "");
        EXPECT_EQ(training.level(), FeedbackLevel::Full);
        ASSERT_EQ(training.start_attempt(), "");
        sessiontest::feed(wb, steady(10.0, 310.0));
        EXPECT_EQ(training.phase(), TrainingSession::Phase::Idle); // ended at the template's length
        ASSERT_TRUE(training.last_score());
        EXPECT_NEAR(training.last_score()->constant_error_kpa, 10.0, 1e-6);
        EXPECT_EQ(training.attempt_number(), 2);
        sessiontest::settle(wb);
    }
    Workbench wb(sessiontest::fixed_clock());
    ASSERT_EQ(wb.open_database(path), "");
    auto& training = wb.training();
    sessiontest::settle(wb);
    ASSERT_EQ(training.templates().size(), 1u);
    EXPECT_EQ(training.templates()[0].name, "Hold 300");
    training.choose_template(template_id);
    ASSERT_EQ(training.set_student("Student Bo"), "");
    sessiontest::settle(wb);
    ASSERT_TRUE(training.expert());
    EXPECT_NEAR(training.expert()->duration_s(), 4.0, 0.002);
    EXPECT_EQ(training.attempt_number(), 2); // the stored plan counts on
    EXPECT_EQ(training.level(), FeedbackLevel::BandOnly);
    ASSERT_EQ(training.progress().size(), 1u);
    EXPECT_EQ(training.progress()[0].feedback, "full");
    EXPECT_EQ(training.progress()[0].attempt, 1);
}

TEST(TrainingSession, ABlindAttemptShowsNoScoreUntilItEndsAndRetentionShowsNone) {
    Inbox inbox;
    TrainingSession training(nullptr, inbox);
    training.use_template(protocols::MotionTemplate::from_trace(protocols::TemplateKind::Hold,
                                                                "hold", steady(0.0, 300.0)),
                          std::nullopt);
    ASSERT_EQ(training.set_student("Student Bo"), "");
    ASSERT_EQ(training.set_schedule(FeedbackSchedule({{FeedbackLevel::Full, 1},
                                                      {FeedbackLevel::SummaryAfter, 1},
                                                      {FeedbackLevel::None, 1}})),
              "");
    auto attempt = [&](double t0, double level) {
        ASSERT_EQ(training.start_attempt(), "");
        for (const Sample& s : steady(t0, level)) {
            training.feed(s);
            if (training.phase() == TrainingSession::Phase::Attempt && training.plan().blind()) {
                ASSERT_FALSE(training.visible_score()) << "a score shown during a blind attempt";
            }
        }
    };
    attempt(0.0, 310.0);
    ASSERT_TRUE(training.visible_score()); // full feedback: knowledge of results
    attempt(10.0, 320.0);                  // blind, score afterwards
    ASSERT_TRUE(training.visible_score());
    EXPECT_NEAR(training.visible_score()->constant_error_kpa, 20.0, 1e-6);
    attempt(20.0, 330.0); // retention: never shown
    EXPECT_FALSE(training.visible_score());
    ASSERT_TRUE(training.last_score());
    EXPECT_NEAR(training.last_score()->constant_error_kpa, 30.0, 1e-6);
}

// The student's stored scores are read without blocking; an attempt scored before that read
// arrives must not be wiped from the progress by it.
TEST(TrainingSession, AScoreMadeBeforeTheStoredProgressArrivesIsKept) {
    algotest::TempDir dir;
    Workbench wb(sessiontest::fixed_clock());
    ASSERT_EQ(wb.open_database(dir.file("course.sqlite")), "");
    auto& training = wb.training();
    training.use_template(protocols::MotionTemplate::from_trace(protocols::TemplateKind::Hold,
                                                                "hold", steady(0.0, 300.0, 2.0)),
                          std::nullopt);
    ASSERT_EQ(training.set_student("Student Cy"), ""); // the read is asked...
    // ...and answered on the storage thread before the attempt is scored, but the answer is
    // not delivered yet (nobody polls meanwhile).
    std::promise<void> read_done;
    ASSERT_TRUE(wb.storage()->post([&read_done] { read_done.set_value(); }));
    ASSERT_EQ(read_done.get_future().wait_for(std::chrono::seconds(30)), std::future_status::ready);
    ASSERT_EQ(training.start_attempt(), "");
    for (const Sample& s : steady(10.0, 310.0, 2.5))
        training.feed(s); // straight to the session: no answer is delivered meanwhile
    ASSERT_EQ(training.progress().size(), 1u);
    sessiontest::settle(wb); // the stored progress, as read before the attempt, arrives now
    ASSERT_EQ(training.progress().size(), 1u);
    EXPECT_NEAR(training.progress()[0].constant_error_kpa, 10.0, 1e-6);
}

// Issue 19 item 5: names typed for a training record follow the one name rule. A template name
// read from a Latin-1 file was stored as it came (with an ESC that later took over the
// terminal of whoever listed the templates), and a teacher's Latin-1 name lost the template
// with "no subject is chosen". Each is refused up front, naming the field and the byte.
TEST(TrainingSession, NamesThatAreNotUtf8TextAreRefusedNamingTheField) {
    Inbox inbox;
    TrainingSession training(nullptr, inbox);
    const std::string teacher = training.set_teacher("Ren\xe9");
    EXPECT_NE(teacher.find("the teacher's name must be UTF-8 text"), std::string::npos) << teacher;
    EXPECT_NE(teacher.find("byte 0xE9 at position 4 is not UTF-8"), std::string::npos) << teacher;
    ASSERT_EQ(training.set_teacher("Ren\xc3\xa9"), "");

    const std::string name =
        training.start_recording(protocols::TemplateKind::Hold, "Hold \xfc\x1b[2J", std::nullopt);
    EXPECT_NE(name.find("the template's name must be UTF-8 text"), std::string::npos) << name;
    EXPECT_EQ(training.phase(), TrainingSession::Phase::Idle);
    const std::string control =
        training.start_recording(protocols::TemplateKind::Hold, "Hold\x1b[2J", std::nullopt);
    EXPECT_NE(control.find("U+001B at position 5 is a control character"), std::string::npos)
        << control;
    EXPECT_EQ(training.phase(), TrainingSession::Phase::Idle);

    const std::string student = training.set_student("Z\xf6"
                                                     "e");
    EXPECT_NE(student.find("the student's name must be UTF-8 text"), std::string::npos) << student;
    EXPECT_EQ(training.set_student("Zo\xc3\xab"), "");
}
