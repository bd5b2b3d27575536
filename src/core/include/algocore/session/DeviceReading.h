#pragma once
// What the calibration fits against the applied load is the device's own reading, not the
// force after the active calibration and tare: raw ADC counts where the device gives them,
// else the device's factory force.
#include <memory>
#include <optional>

#include "algocal/CalibrationRecord.h"
#include "algocore/Sample.h"

namespace algocore::session {

/// Which reading a device gives us.
algocal::ReadingKind reading_kind_of(const algocore::Sample& sample);

/// The device reading behind a delivered sample. Raw counts when present; otherwise the
/// factory force, recovered by adding back the tare and, when a device-newton record was
/// applied (sample.calibration_id == record id), mapping the force back through its fit.
/// nullopt when the sample was produced by a record we do not have.
std::optional<double>
device_reading(const algocore::Sample& sample, double tare_offset_n,
               const std::shared_ptr<const algocal::CalibrationRecord>& active);

} // namespace algocore::session
