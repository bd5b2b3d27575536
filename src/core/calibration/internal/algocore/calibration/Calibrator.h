#pragma once
// RawSample → Sample: the active calibration record (or the device's factory calibration),
// tare, probe area and session time. Runs on the I/O thread for every sample; configure it on
// that same thread (post changes to it), since it holds no locks.
#include <memory>
#include <string>

#include "algocal/CalibrationRecord.h"
#include "algocal/FitInverter.h"
#include "algocal/Tare.h"
#include "algocore/RawSample.h"
#include "algocore/Sample.h"
#include "algocore/SteadyTime.h"

namespace algocore {

/// Applies calibration, tare and probe area to raw samples.
class Calibrator {
public:
    Calibrator() = default;

    /// Host instant that is t_s = 0 for the samples of this session.
    void set_session_start(SteadyTime start) { session_start_ = start; }
    SteadyTime session_start() const { return session_start_; }

    /// Probe tip area; must be > 0 (ignored otherwise). Standard tip: 1 cm².
    void set_probe_area_cm2(double area_cm2);
    double probe_area_cm2() const { return probe_area_cm2_; }

    /// Active record; nullptr = the device's factory calibration (calibration id 0).
    /// A record whose fit cannot be inverted is not applied (factory calibration is used and
    /// record_usable() reports false).
    void set_record(std::shared_ptr<const algocal::CalibrationRecord> record);
    const std::shared_ptr<const algocal::CalibrationRecord>& record() const { return record_; }
    bool record_usable() const { return inverter_.usable(); }
    /// Id stamped on samples: the record's id, or kFactoryCalibration.
    CalibrationId calibration_id() const;

    /// Serial number of the device now connected ("" while unknown). A record of another
    /// device is never applied: its samples get the factory calibration (id 0), so no
    /// stored calibration_id can name a calibration of a different device.
    void set_device_serial(std::string serial) { device_serial_ = std::move(serial); }
    const std::string& device_serial() const { return device_serial_; }

    /// Zero offset subtracted from every calibrated force (from algocal::compute_tare).
    void set_tare_offset_n(double offset_n) { tare_offset_n_ = offset_n; }
    double tare_offset_n() const { return tare_offset_n_; }

    /// Calibrated force before tare, for feeding compute_tare. See apply() for the rules.
    double untared_force_n(const RawSample& raw, bool* out_of_range = nullptr) const;

    /// One calibrated sample. The reading is raw counts when the record is of raw counts and
    /// the sample has them, else the device force; outside the calibrated range the sample is
    /// flagged kOutOfCalibratedRange (never silently extrapolated). A record of raw counts
    /// meeting a sample without counts falls back to the factory force (calibration id 0).
    Sample apply(const RawSample& raw) const;

private:
    bool record_applies_to(const RawSample& raw) const;
    bool for_this_device() const;

    SteadyTime session_start_{};
    double probe_area_cm2_ = algocal::kStandardProbeAreaCm2;
    std::shared_ptr<const algocal::CalibrationRecord> record_;
    algocal::FitInverter inverter_;
    double tare_offset_n_ = 0.0;
    std::string device_serial_;
};

} // namespace algocore
