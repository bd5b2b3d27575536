#pragma once
// Handing out a class's exercise from a teacher's database: the template is read from the
// file, pushed with the rest of the teacher's station (so the server holds it, as every record
// reaches it) and made the class's current exercise with its feedback schedule. One engine for
// `algoscope-cli class assign` and the Class page's "Assign exercise…".
#include <cstdint>
#include <string>
#include <vector>

#include "algocore/records/Records.h"
#include "algocore/sharedstudy/ServerError.h"

namespace algocore::sharedstudy {

/// The templates stored in a teacher's database, or why they cannot be read.
struct StoredTemplates {
    std::vector<records::ExpertTemplate> templates;
    std::string error;
};

/// Reads the templates of the database at `db` (opened read-only).
StoredTemplates stored_templates(const std::string& db);

/// What handing out did, or why it could not.
struct ExerciseHandedOut {
    records::ExpertTemplate chosen; ///< the template made the class's exercise
    std::string refused;            ///< a problem with the file or the template (not the server)
    ServerError error;              ///< a problem on the server
    bool ok() const { return refused.empty() && !error; }
};

/// Reads template `template_id` of `db`, connects to the server at `address`, pushes the
/// teacher's station (station_name names it at its first push) and makes the template with
/// `schedule_json` (protocols::FeedbackSchedule's JSON) the current exercise of `class_name`,
/// which is made when missing. The file is checked before the server is asked.
ExerciseHandedOut hand_out_exercise(const std::string& db, const std::string& address,
                                    const std::string& class_name, std::int64_t template_id,
                                    const std::string& schedule_json,
                                    const std::string& station_name);

} // namespace algocore::sharedstudy
