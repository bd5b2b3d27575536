#pragma once
// A class over the course: every finished attempt its students made, as the stations pushed the
// scores, read on the server through the teacher's (or a reader's) role. An attempt belongs to
// the class its station was in when the attempt was made (server schema 10 logs when a station
// first publishes in a class); a station's own role cannot read it.
#include <optional>
#include <string>
#include <vector>

#include "algocore/sharedstudy/ClassProgress.h"
#include "algocore/sharedstudy/ServerConnection.h"

namespace algocore::sharedstudy {

/// One finished attempt of a student in the class.
struct ClassAttempt {
    std::string student;
    std::string station;
    std::string attempted_utc; ///< ISO 8601 UTC, as the station stored it
    std::string session_uuid;  ///< empty when the score was stored without a session
    std::string session_started_utc;
    std::string exercise; ///< the template's name
    std::string feedback; ///< the attempt's feedback level ("full", "band_only", …)
    std::optional<int> attempt;
    ClassScore score;
};

/// A student's attempts, in time order.
struct StudentCourse {
    std::string student;
    std::vector<ClassAttempt> attempts;
    /// How many sessions the attempts span (a new one wherever the session changes).
    int sessions() const;
};

/// The class's attempts, by student (names in order) and each student's in time order, or why
/// not (no such class; a role that may not read the class: PermissionDenied).
struct ClassCourseRead {
    std::vector<ClassAttempt> attempts;
    ServerError error;
};

ClassCourseRead read_class_course(ServerConnection& server, const std::string& class_name);
/// The same, connecting to `address` for it.
ClassCourseRead read_class_course(const std::string& address, const std::string& class_name);

/// The attempts (as read_class_course orders them) grouped by student.
std::vector<StudentCourse> by_student(const std::vector<ClassAttempt>& attempts);

} // namespace algocore::sharedstudy
