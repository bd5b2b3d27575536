#include "algocore/session/DeviceReading.h"

namespace algocore::session {

algocal::ReadingKind reading_kind_of(const algocore::Sample& sample) {
    return sample.has_raw ? algocal::ReadingKind::kRawCounts : algocal::ReadingKind::kDeviceNewtons;
}

std::optional<double>
device_reading(const algocore::Sample& sample, double tare_offset_n,
               const std::shared_ptr<const algocal::CalibrationRecord>& active) {
    if (sample.has_raw) return static_cast<double>(sample.raw_counts);
    const double untared_n = sample.force_n + tare_offset_n;
    if (sample.calibration_id == algocore::kFactoryCalibration) return untared_n;
    // A device-newton record turned the device's force into this one: reading = p(load).
    if (active && active->id == sample.calibration_id) return active->fit.evaluate(untared_n);
    return std::nullopt;
}

} // namespace algocore::session
