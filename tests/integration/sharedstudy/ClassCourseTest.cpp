// A class over the course on a real PostgreSQL 15: stations publish in their class (which the
// server logs, schema 10) and push their students' training scores; the teacher reads every
// finished attempt of the class, by student in time order, with exactly the stored scores. An
// attempt belongs to the class its station was in when it was made: another class's station
// never appears, nor an attempt made before the station joined. A station's role cannot read it.
#include <chrono>

#include "CourseRecords.h"
#include "TestServer.h"
#include "algocore/sharedstudy/ClassCourse.h"
#include "algocore/sharedstudy/ClassPublisher.h"
#include "algocore/sharedstudy/ServerSchema.h"

namespace {

using namespace algocore::sharedstudy;
using namespace std::chrono_literals;
using algotest::ServerTest;

using Stored = algotest::StoredAttempt;

class ClassCourseTest : public ServerTest {
protected:
    void SetUp() override {
        ServerTest::SetUp();
        if (HasFatalFailure()) return;
        auto server = ServerConnection::open(admin_url());
        ASSERT_TRUE(server.connection) << server.error.message;
        ASSERT_FALSE(init_study(*server.connection, "course").error);
        make_role("desk_a", "pw-a", kStationGroupRole);
        make_role("desk_b", "pw-b", kStationGroupRole);
        make_role("desk_c", "pw-c", kStationGroupRole);
        make_role("teacher", "pw-t", kTeacherGroupRole);
        admin_sql("INSERT INTO algoscope.classes (name) VALUES ('7b'), ('8a')");
        register_station("desk_a", kA, "desk 1");
        register_station("desk_b", kB, "desk 2");
        register_station("desk_c", kC, "desk 3");
    }

    void register_station(const std::string& who, const char* station, const char* name) {
        auto as = ServerConnection::open(url_as(who));
        ASSERT_TRUE(as.connection) << as.error.message;
        ASSERT_TRUE(as.connection
                        ->exec("INSERT INTO algoscope.stations (uuid, name) VALUES ($1, $2)",
                               {ServerParam::text(station), ServerParam::text(name)})
                        .ok());
    }

    // The station publishes in the class, as a station running the class's exercise does.
    void publish_in(const std::string& who, const char* station, const char* class_name,
                    const char* student) {
        ClassPublisher publisher(url_as(who), station, class_name);
        StationProgress p;
        p.student = student;
        p.exercise = "trapezius 300";
        p.t_utc_s = 1.8e9;
        publisher.offer(p);
        ASSERT_TRUE(publisher.flush(5s)) << publisher.status().error.message;
    }

    // The station pushes its students, sessions and scores (as its own role, as a push does).
    void push(const std::string& who, const char* station, const std::vector<Stored>& scores) {
        auto as = ServerConnection::open(url_as(who));
        ASSERT_TRUE(as.connection) << as.error.message;
        ASSERT_EQ(records_.push(*as.connection, station, scores), "");
    }

    static void expect_attempt(const ClassAttempt& a, const Stored& s, const char* station) {
        SCOPED_TRACE(std::string(s.student) + " " + s.t);
        EXPECT_EQ(a.student, s.student);
        EXPECT_EQ(a.station, station);
        EXPECT_EQ(a.attempted_utc, s.t);
        EXPECT_EQ(a.exercise, "trapezius 300");
        EXPECT_EQ(a.feedback, "full");
        EXPECT_EQ(a.score.constant_error_kpa, s.ce);
        EXPECT_EQ(a.score.absolute_error_kpa, s.ae);
        EXPECT_EQ(a.score.variable_error_kpa, s.ve);
        EXPECT_EQ(a.score.time_in_band_pct, s.tib);
    }

    static constexpr const char* kA = "0190aaaa-0000-7000-8000-00000000000a";
    static constexpr const char* kB = "0190bbbb-0000-7000-8000-00000000000b";
    static constexpr const char* kC = "0190cccc-0000-7000-8000-00000000000c";
    algotest::CourseRecords records_;
};

TEST_F(ClassCourseTest, TheTeacherReadsEveryStudentsAttemptsInTimeOrderAsStored) {
    publish_in("desk_a", kA, "7b", "Anna");
    publish_in("desk_c", kC, "7b", "Ben");
    publish_in("desk_b", kB, "8a", "Carl");
    if (HasFatalFailure()) return;
    // Anna over two sessions (pushed out of time order), Ben over one; Carl is in 8a. The
    // session on 2099-03-08 was pushed first, so only the time orders them.
    const std::vector<Stored> anna{
        {"Anna", 2, "2099-03-08T09:00:05Z", -4.25, 9.5, 6.125, 81.5},
        {"Anna", 1, "2099-03-01T09:00:00Z", 31.0625, 42.75, 20.5, 22.25},
        {"Anna", 1, "2099-03-01T09:01:30Z", 12.5, 25.0, 14.375, 55.0},
    };
    const std::vector<Stored> ben{
        {"Ben", 1, "2099-03-01T10:00:00Z", -18.0, 30.0, 11.0, 40.0},
        {"Ben", 2, "2099-03-09T10:00:00Z", -2.0, 12.0, 7.0, 77.0},
    };
    push("desk_a", kA, anna);
    push("desk_c", kC, ben);
    push("desk_b", kB, {{"Carl", 1, "2099-03-01T11:00:00Z", 1.0, 2.0, 3.0, 99.0}});
    if (HasFatalFailure()) return;

    const ClassCourseRead read = read_class_course(url_as("teacher"), "7b");
    ASSERT_FALSE(read.error) << read.error.message;
    ASSERT_EQ(read.attempts.size(), 5u);
    expect_attempt(read.attempts[0], anna[1], "desk 1");
    expect_attempt(read.attempts[1], anna[2], "desk 1");
    expect_attempt(read.attempts[2], anna[0], "desk 1");
    expect_attempt(read.attempts[3], ben[0], "desk 3");
    expect_attempt(read.attempts[4], ben[1], "desk 3");
    EXPECT_EQ(read.attempts[0].session_uuid, read.attempts[1].session_uuid);
    EXPECT_NE(read.attempts[1].session_uuid, read.attempts[2].session_uuid);
    EXPECT_EQ(read.attempts[0].session_started_utc, "2099-03-01T09:00:00Z");

    const auto students = by_student(read.attempts);
    ASSERT_EQ(students.size(), 2u);
    EXPECT_EQ(students[0].student, "Anna");
    EXPECT_EQ(students[0].sessions(), 2);
    EXPECT_EQ(students[1].student, "Ben");
    EXPECT_EQ(students[1].attempts.size(), 2u);

    // 8a sees only Carl.
    const ClassCourseRead other = read_class_course(url_as("teacher"), "8a");
    ASSERT_FALSE(other.error) << other.error.message;
    ASSERT_EQ(other.attempts.size(), 1u);
    EXPECT_EQ(other.attempts[0].student, "Carl");
}

TEST_F(ClassCourseTest, AnAttemptBelongsToTheClassItsStationWasInWhenItWasMade) {
    // Made before desk 1 ever published in 7b: not the class's.
    push("desk_a", kA, {{"Anna", 1, "2020-01-06T09:00:00Z", 5.0, 6.0, 7.0, 8.0}});
    publish_in("desk_a", kA, "7b", "Anna");
    push("desk_a", kA, {{"Anna", 2, "2099-03-01T09:00:00Z", 1.5, 2.5, 3.5, 4.5}});
    if (HasFatalFailure()) return;
    ClassCourseRead read = read_class_course(url_as("teacher"), "7b");
    ASSERT_FALSE(read.error) << read.error.message;
    ASSERT_EQ(read.attempts.size(), 1u);
    EXPECT_EQ(read.attempts[0].attempted_utc, "2099-03-01T09:00:00Z");

    // The station moves to 8a: what it makes from then on is 8a's, what it made stays 7b's.
    admin_sql("UPDATE algoscope.class_memberships SET since_utc = '2099-01-01T00:00:00Z' "
              "WHERE station_id = (SELECT id FROM algoscope.stations WHERE uuid = '" +
              std::string(kA) + "')");
    publish_in("desk_a", kA, "8a", "Anna");
    admin_sql("UPDATE algoscope.class_memberships SET since_utc = '2099-06-01T00:00:00Z' "
              "WHERE since_utc > now() - interval '1 minute' AND since_utc <= now()");
    push("desk_a", kA, {{"Anna", 3, "2099-06-02T09:00:00Z", 0.5, 1.0, 1.5, 90.0}});
    if (HasFatalFailure()) return;
    read = read_class_course(url_as("teacher"), "7b");
    ASSERT_FALSE(read.error) << read.error.message;
    ASSERT_EQ(read.attempts.size(), 1u);
    EXPECT_EQ(read.attempts[0].attempted_utc, "2099-03-01T09:00:00Z");
    read = read_class_course(url_as("teacher"), "8a");
    ASSERT_FALSE(read.error) << read.error.message;
    ASSERT_EQ(read.attempts.size(), 1u);
    EXPECT_EQ(read.attempts[0].attempted_utc, "2099-06-02T09:00:00Z");
}

TEST_F(ClassCourseTest, AStationsRoleCannotReadTheClassCourseNorForgeWhereItWas) {
    publish_in("desk_a", kA, "7b", "Anna");
    push("desk_a", kA, {{"Anna", 1, "2099-03-01T09:00:00Z", 1.0, 2.0, 3.0, 4.0}});
    if (HasFatalFailure()) return;
    const ClassCourseRead read = read_class_course(url_as("desk_b"), "7b");
    ASSERT_TRUE(read.error);
    EXPECT_EQ(read.error.problem, ServerProblem::PermissionDenied) << read.error.message;
    EXPECT_TRUE(read.attempts.empty());
    auto as = ServerConnection::open(url_as("desk_b"));
    ASSERT_TRUE(as.connection);
    EXPECT_FALSE(as.connection
                     ->exec("INSERT INTO algoscope.class_memberships (station_id, class_id) "
                            "SELECT id, 1 FROM algoscope.stations WHERE uuid = '" +
                            std::string(kB) + "'")
                     .ok());
    EXPECT_FALSE(as.connection
                     ->exec("SELECT * FROM algoscope.training_scores s JOIN "
                            "algoscope.class_memberships m USING (station_id)")
                     .ok());
}

TEST_F(ClassCourseTest, AClassThatDoesNotExistIsNamed) {
    const ClassCourseRead read = read_class_course(url_as("teacher"), "nosuch");
    ASSERT_TRUE(read.error);
    EXPECT_NE(read.error.message.find("no class named 'nosuch'"), std::string::npos)
        << read.error.message;
}

TEST_F(ClassCourseTest, AStudyNotYetMigratedIsToldToMigrate) {
    admin_sql("UPDATE algoscope.study SET schema_version = 9");
    const ClassCourseRead read = read_class_course(url_as("teacher"), "7b");
    ASSERT_TRUE(read.error);
    EXPECT_EQ(read.error.problem, ServerProblem::OlderSchema) << read.error.message;
    EXPECT_NE(read.error.message.find("server init"), std::string::npos) << read.error.message;
}

} // namespace
