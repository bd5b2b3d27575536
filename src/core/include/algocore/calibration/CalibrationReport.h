#pragma once
// Human-readable, certificate-style report of a calibration record (plain UTF-8 text), as
// printed by `algoscope-cli calibrate report` and shown by the GUI before saving.
#include <chrono>
#include <string>

#include "algocal/CalendarDate.h"
#include "algocal/CalibrationRecord.h"

namespace algocore {

/// The report; `today` decides whether the record is marked expired.
std::string calibration_report(const algocal::CalibrationRecord& record,
                               std::chrono::year_month_day today = algocal::today_utc());

} // namespace algocore
