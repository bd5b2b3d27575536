#pragma once
// The first problem found in a calibration record, with the field's JSON path (private to
// the calibration area). Thrown inside the loader only; calibration_record_from_json turns
// it into a CalibrationLoadResult, so it never crosses the loader's boundary.
#include <string>

namespace algocore {

struct RecordProblem {
    std::string field;   ///< JSON path, e.g. "points[3].reading"
    std::string message; ///< what is wrong with it
};

[[noreturn]] inline void refuse(const std::string& field, const std::string& problem) {
    throw RecordProblem{field, problem};
}

} // namespace algocore
