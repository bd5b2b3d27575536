#include "algocore/export/ClassCourseCsv.h"

#include <fstream>

#include "algocore/FileMode.h"
#include "algocore/export/CsvWriter.h"

namespace algocore::exporting {

void write_class_course_csv(const std::string& class_name,
                            const std::vector<sharedstudy::ClassAttempt>& attempts,
                            std::ostream& out) {
    CsvWriter csv(out);
    csv.row({"class", "student", "attempted_utc", "station", "session", "session_started_utc",
             "exercise", "feedback", "attempt", "constant_error_kpa", "absolute_error_kpa",
             "variable_error_kpa", "time_in_band_pct"});
    for (const auto& a : attempts) {
        csv.row({class_name, a.student, a.attempted_utc, a.station, a.session_uuid,
                 a.session_started_utc, a.exercise, a.feedback,
                 a.attempt ? std::to_string(*a.attempt) : std::string(),
                 format_number(a.score.constant_error_kpa),
                 format_number(a.score.absolute_error_kpa),
                 format_number(a.score.variable_error_kpa),
                 format_number(a.score.time_in_band_pct, 2)});
    }
}

std::string save_class_course_csv(const std::string& path, const std::string& class_name,
                                  const std::vector<sharedstudy::ClassAttempt>& attempts,
                                  unsigned file_mode) {
    if (std::string failure = create_file_with_mode(path, file_mode); !failure.empty())
        return failure;
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    if (!file) return "cannot write " + path;
    write_class_course_csv(class_name, attempts, file);
    file.close();
    if (!file) return "writing " + path + " failed";
    return {};
}

} // namespace algocore::exporting
