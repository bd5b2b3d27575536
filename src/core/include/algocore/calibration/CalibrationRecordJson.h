#pragma once
// Calibration records as versioned JSON. Loading validates everything and refuses a corrupt,
// truncated, future-version or other-device record, and one whose fit or statistics are not
// the ones its points give, with a message naming the field and the problem; it never throws.
// An expired record loads with a warning.
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "algocal/CalendarDate.h"
#include "algocal/CalibrationRecord.h"

namespace algocore {

/// A record file larger than this is refused unread (a record of 1000 points is ~300 KiB).
inline constexpr std::size_t kMaxCalibrationRecordBytes = std::size_t{4} << 20;

/// Value of the "format" member that marks a calibration record file.
inline constexpr std::string_view kCalibrationRecordFormat = "algoscope-calibration";

/// What the loader checks the record against.
struct RecordExpectations {
    std::string device_serial; ///< empty: any device
    std::chrono::year_month_day today = algocal::today_utc();
};

/// Outcome of loading a record.
struct CalibrationLoadResult {
    bool ok = false;
    algocal::CalibrationRecord record; ///< valid when ok
    std::string field;                 ///< offending field (JSON path) when not ok
    std::string message;               ///< "field 'fit.degree': must be 1..5, got 7"
    bool expired = false;              ///< ok, but past its expiry date
    std::string warning;               ///< set when expired
};

/// Pretty-printed JSON of `record` (every double with full round-trip precision).
std::string calibration_record_to_json(const algocal::CalibrationRecord& record);

/// Parses and validates a record from JSON text. The stored fit, its standard errors,
/// residuals, residual SD and R², and every statistic must agree with their recomputation
/// from the stored points to 1 part in a million (or 1e-9 of the quantity's full scale).
CalibrationLoadResult calibration_record_from_json(std::string_view json,
                                                   const RecordExpectations& expectations);

/// Reads `path` and validates it; I/O errors are reported like validation errors.
CalibrationLoadResult load_calibration_record(const std::filesystem::path& path,
                                              const RecordExpectations& expectations);

/// Writes `record` to `path` atomically (temporary file + rename). Empty string on success,
/// else the reason.
std::string save_calibration_record(const std::filesystem::path& path,
                                    const algocal::CalibrationRecord& record);

} // namespace algocore
