// Issue 18 item 9: a front end can open another database in place of the open one (the GUI's
// File → Open). One that cannot be used leaves the open database, and the visit, as they were;
// another one ends the visit (a patient is found or added in the database the visit began in)
// and nothing read from the old one stays in the sessions.
#include <gtest/gtest.h>

#include <fstream>

#include "SessionFixture.h"

using namespace algocore;
using namespace algocore::session;

namespace {

Visit visit_of(const std::string& code) {
    Visit v;
    v.subject_code = code;
    v.operator_name = "Ada";
    v.operator_role = "therapist";
    return v;
}

std::vector<Sample> steady(double t0, double level_kpa) {
    std::vector<Sample> out;
    for (double t = 0.0; t < 4.0; t += 0.001)
        out.push_back(synth::sample_at(t0 + t, level_kpa));
    return out;
}

} // namespace

TEST(OpenAnotherDatabase, AForeignFileIsRefusedAndTheOpenDatabaseAndVisitStay) {
    algotest::TempDir dir;
    const std::string open = dir.file("clinic.sqlite");
    const std::string foreign = dir.file("notes.sqlite");
    std::ofstream(foreign) << "These are my notes, not a database.\n";
    Workbench wb(sessiontest::fixed_clock());
    ASSERT_EQ(wb.open_database(open), "");
    ASSERT_EQ(wb.begin_visit(visit_of("S001")), "");

    EXPECT_NE(wb.open_database(foreign), "");
    EXPECT_EQ(wb.database_path(), open);
    ASSERT_NE(wb.storage(), nullptr);
    ASSERT_TRUE(wb.visit().visit());
    EXPECT_EQ(wb.visit().visit()->subject_code, "S001");
    // The open database still records: the visit's session is opened in it.
    EXPECT_NE(wb.visit().ensure_session(), records::kNoRecord);
    sessiontest::settle(wb);
    EXPECT_TRUE(wb.storage()->find_subject("S001"));
}

TEST(OpenAnotherDatabase, AnotherDatabaseEndsTheVisitAndTheSameOneKeepsIt) {
    algotest::TempDir dir;
    Workbench wb(sessiontest::fixed_clock());
    ASSERT_EQ(wb.open_database(dir.file("first.sqlite")), "");
    ASSERT_EQ(wb.begin_visit(visit_of("S001")), "");
    // The open database asked for again: nothing changes.
    ASSERT_EQ(wb.open_database(dir.file("first.sqlite")), "");
    ASSERT_TRUE(wb.visit().visit());

    ASSERT_EQ(wb.open_database(dir.file("second.sqlite")), "");
    EXPECT_EQ(wb.database_path(), dir.file("second.sqlite"));
    EXPECT_FALSE(wb.visit().visit());
    EXPECT_EQ(wb.visit().ensure_session(), records::kNoRecord); // no visit, no session
    sessiontest::settle(wb);
    EXPECT_TRUE(wb.storage()->subjects().empty());
}

TEST(OpenAnotherDatabase, TheTrainingSessionKeepsNoTemplateOrScoreOfTheOldDatabase) {
    algotest::TempDir dir;
    Workbench wb(sessiontest::fixed_clock());
    ASSERT_EQ(wb.open_database(dir.file("course.sqlite")), "");
    auto& training = wb.training();
    ASSERT_EQ(training.set_teacher("Teacher T"), "");
    ASSERT_EQ(training.start_recording(protocols::TemplateKind::Hold, "Hold 300",
                                       protocols::PressureBand{280.0, 320.0}),
              "");
    sessiontest::feed(wb, steady(0.0, 300.0));
    ASSERT_EQ(training.finish_recording(), "");
    ASSERT_TRUE(training.template_id());
    ASSERT_EQ(training.set_student("Student Bo"), "");
    ASSERT_EQ(training.start_attempt(), "");
    sessiontest::feed(wb, steady(10.0, 310.0));
    ASSERT_TRUE(training.last_score());
    sessiontest::settle(wb);
    ASSERT_EQ(training.templates().size(), 1u);
    ASSERT_EQ(training.progress().size(), 1u);

    ASSERT_EQ(wb.open_database(dir.file("other course.sqlite")), "");
    sessiontest::settle(wb);
    EXPECT_TRUE(training.templates().empty());
    EXPECT_FALSE(training.template_id());
    EXPECT_FALSE(training.expert());
    EXPECT_FALSE(training.last_score());
    EXPECT_TRUE(training.progress().empty());
}
