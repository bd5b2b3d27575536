#pragma once
// A class on the shared study's server and the exercise its teacher handed out: a template a
// station pushed (by UUID) and a feedback schedule. The newest assignment is the class's current
// exercise; stations of the class read it and run it without anything typed.
#include <cstdint>
#include <optional>
#include <string>

#include "algocore/records/Records.h"
#include "algocore/sharedstudy/ServerConnection.h"

namespace algocore::sharedstudy {

/// A class found (or made) on the server, or why not.
struct ClassFound {
    std::int64_t id = 0;
    ServerError error;
};

/// The class named `name`; Refused when the study has no such class.
ClassFound find_class(ServerConnection& server, const std::string& name);

/// Makes the class when it is missing and the template (already on the server) with the
/// schedule (protocols::FeedbackSchedule's JSON) its current exercise; needs a teacher's role.
ClassFound assign_exercise(ServerConnection& server, const std::string& class_name,
                           const std::string& template_uuid, const std::string& schedule_json);

/// A class's current exercise as a station runs it.
struct ClassExercise {
    std::int64_t class_id = 0;
    std::string template_uuid;
    std::string name; ///< the template's name (the exercise, as scores name it)
    std::string kind; ///< "hold" or "ramp"
    std::optional<double> band_low_kpa;
    std::optional<double> band_high_kpa;
    std::string schedule; ///< FeedbackSchedule JSON
    records::RawTrace trace;
};

/// The current exercise, or why there is none (no class, nothing assigned, a damaged trace).
struct ClassExerciseRead {
    std::optional<ClassExercise> exercise;
    ServerError error;
};

ClassExerciseRead read_current_exercise(ServerConnection& server, const std::string& class_name);

} // namespace algocore::sharedstudy
