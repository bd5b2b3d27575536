#pragma once
// A record's numbers must be the ones its points give: the fit, the fit's own statistics and
// the calibration statistics are all recomputed from the stored points on load, so a record
// whose values were edited or damaged (each plausible on its own) is refused with the field,
// the stored and the recomputed value (private to the calibration area).
#include "algocal/CalibrationRecord.h"

namespace algocore {

/// Stored and recomputed values must agree to this fraction of the larger of the two...
inline constexpr double kRecomputedRelativeAgreement = 1e-6;
/// ...or to this fraction of the quantity's natural scale (full-scale reading, full-scale
/// load, 100 % FS), for values near zero.
inline constexpr double kRecomputedScaleAgreement = 1e-9;

/// Throws RecordProblem naming the first field that disagrees with its recomputation.
void check_record_consistency(const algocal::CalibrationRecord& record);

} // namespace algocore
