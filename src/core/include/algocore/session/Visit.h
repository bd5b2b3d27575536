#pragma once
// Who is measured, by whom, with what: everything about a session that is not measured. A
// visit becomes a stored session with its first record (nothing is written before then, so
// a workflow that fails early leaves no half-made subject or session behind).
#include <string>

#include "algocore/Sample.h"
#include "algocore/records/Records.h"

namespace algocore::session {

struct Visit {
    std::string subject_code;  ///< pseudonymous code ("S014"); trimmed
    records::Subject subject;  ///< details stored when the subject is new (code ignored)
    std::string operator_name; ///< empty: no operator recorded
    std::string operator_role; ///< "researcher", "therapist", "teacher", "student"
    std::string device_serial; ///< of the device that measures
    CalibrationId calibration_id = kFactoryCalibration; ///< active when the visit began
    double probe_cm2 = 1.0;                             ///< probe contact area of every measurement
    std::string notes;
};

/// Why a visit cannot be recorded (empty when it can): a subject code is required and must
/// pass storage::check_subject_code, names are at most 64 characters without control
/// characters, the probe area is 0.01-10 cm².
std::string check_visit(const Visit& visit);

/// Text cleaned for storage: surrounding white space removed.
std::string trimmed(const std::string& text);

} // namespace algocore::session
