#pragma once
// A class's course as tidy CSV (class_progress.csv): one row per finished attempt, by student
// and in time order, with the four score fields. The one home of its columns: the CLI's
// `class progress --csv`, `export --server … --class` and the Class page's Export… write it.
#include <ostream>
#include <string>
#include <vector>

#include "algocore/sharedstudy/ClassCourse.h"

namespace algocore::exporting {

/// The file's name beside the study's other CSV files.
inline constexpr const char* kClassProgressCsv = "class_progress.csv";

void write_class_course_csv(const std::string& class_name,
                            const std::vector<sharedstudy::ClassAttempt>& attempts,
                            std::ostream& out);

/// Writes the CSV to `path` with `file_mode` (by default readable by its owner only: health
/// data); empty on success, else why not ("cannot create PATH: …").
std::string save_class_course_csv(const std::string& path, const std::string& class_name,
                                  const std::vector<sharedstudy::ClassAttempt>& attempts,
                                  unsigned file_mode = 0600);

} // namespace algocore::exporting
