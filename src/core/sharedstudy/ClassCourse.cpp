#include "algocore/sharedstudy/ClassCourse.h"

#include "algocore/sharedstudy/ClassExercise.h"
#include "algocore/sharedstudy/ServerSchema.h"

namespace algocore::sharedstudy {

int StudentCourse::sessions() const {
    int n = 0;
    for (std::size_t i = 0; i < attempts.size(); ++i)
        if (i == 0 || attempts[i].session_uuid != attempts[i - 1].session_uuid) ++n;
    return n;
}

ClassCourseRead read_class_course(ServerConnection& server, const std::string& class_name) {
    ClassCourseRead out;
    // A study not yet migrated to schema 10 has no course to read: say so, not "no relation".
    if (const StudyCheck check = check_study(server); check.error) {
        out.error = check.error;
        return out;
    }
    const ClassFound found = find_class(server, class_name);
    if (found.error) {
        out.error = found.error;
        return out;
    }
    // Time order is the station's stored moment; attempts stored in one second keep the
    // order they were stored in (the score's id on the server).
    ServerReply r = server.exec(
        "SELECT student, station, attempted_utc, coalesce(session_uuid::text, ''), "
        "coalesce(session_started_utc, ''), exercise, feedback, attempt, constant_error_kpa, "
        "absolute_error_kpa, variable_error_kpa, time_in_band_pct "
        "FROM algoscope.class_attempts WHERE class_id = $1 "
        "ORDER BY student, attempted_utc::timestamptz, score_id",
        {ServerParam::integer(found.id)});
    if (!r.ok()) {
        out.error = r.error;
        if (out.error.problem == ServerProblem::PermissionDenied)
            out.error.message = "only a teacher's or a reader's role reads the class's course (" +
                                out.error.message + ")";
        return out;
    }
    out.attempts.reserve(static_cast<std::size_t>(r.rows.size()));
    for (int i = 0; i < r.rows.size(); ++i) {
        ClassAttempt a;
        a.student = r.rows.text(i, 0);
        a.station = r.rows.text(i, 1);
        a.attempted_utc = r.rows.text(i, 2);
        a.session_uuid = r.rows.text(i, 3);
        a.session_started_utc = r.rows.text(i, 4);
        a.exercise = r.rows.text(i, 5);
        a.feedback = r.rows.text(i, 6);
        if (!r.rows.is_null(i, 7)) a.attempt = static_cast<int>(r.rows.integer(i, 7));
        a.score.constant_error_kpa = r.rows.real(i, 8);
        a.score.absolute_error_kpa = r.rows.real(i, 9);
        a.score.variable_error_kpa = r.rows.real(i, 10);
        a.score.time_in_band_pct = r.rows.real(i, 11);
        out.attempts.push_back(std::move(a));
    }
    return out;
}

ClassCourseRead read_class_course(const std::string& address, const std::string& class_name) {
    auto server = ServerConnection::open(address);
    if (!server.connection) {
        ClassCourseRead out;
        out.error = server.error;
        return out;
    }
    return read_class_course(*server.connection, class_name);
}

std::vector<StudentCourse> by_student(const std::vector<ClassAttempt>& attempts) {
    std::vector<StudentCourse> students;
    for (const auto& a : attempts) {
        if (students.empty() || students.back().student != a.student)
            students.push_back({a.student, {}});
        students.back().attempts.push_back(a);
    }
    return students;
}

} // namespace algocore::sharedstudy
