#include "algocore/calibration/Calibrator.h"

#include <cmath>

namespace algocore {

void Calibrator::set_probe_area_cm2(double area_cm2) {
    if (std::isfinite(area_cm2) && area_cm2 > 0.0) probe_area_cm2_ = area_cm2;
}

void Calibrator::set_record(std::shared_ptr<const algocal::CalibrationRecord> record) {
    record_ = std::move(record);
    inverter_ = record_ ? algocal::FitInverter(record_->fit) : algocal::FitInverter();
}

CalibrationId Calibrator::calibration_id() const {
    return record_ && inverter_.usable() && for_this_device() ? record_->id : kFactoryCalibration;
}

bool Calibrator::for_this_device() const {
    return device_serial_.empty() || !record_ || record_->device_serial == device_serial_;
}

bool Calibrator::record_applies_to(const RawSample& raw) const {
    if (!record_ || !inverter_.usable() || !for_this_device()) return false;
    return record_->reading_kind == algocal::ReadingKind::kDeviceNewtons || raw.has_raw;
}

double Calibrator::untared_force_n(const RawSample& raw, bool* out_of_range) const {
    if (out_of_range) *out_of_range = false;
    if (!record_applies_to(raw)) return raw.force_n;
    const double reading = record_->reading_kind == algocal::ReadingKind::kRawCounts
                               ? static_cast<double>(raw.raw_counts)
                               : raw.force_n;
    const algocal::ForceFromReading force = inverter_.invert(reading);
    if (out_of_range) *out_of_range = !force.in_range;
    return force.force_n;
}

Sample Calibrator::apply(const RawSample& raw) const {
    Sample sample;
    sample.t_s = seconds_between(session_start_, raw.t);
    sample.raw_counts = raw.raw_counts;
    sample.has_raw = raw.has_raw;
    sample.buttons = raw.buttons;
    sample.flags = raw.flags;
    bool out_of_range = false;
    sample.force_n = untared_force_n(raw, &out_of_range) - tare_offset_n_;
    if (out_of_range) sample.flags |= kOutOfCalibratedRange;
    sample.calibration_id = record_applies_to(raw) ? record_->id : kFactoryCalibration;
    sample.pressure_kpa =
        algocal::pressure_from_force(algocal::Newtons{sample.force_n}, probe_area_cm2_).value;
    return sample;
}

} // namespace algocore
