#pragma once
// An algometer on the examiner's desk, as the window meets one: it says who it is (model,
// serial number, firmware) when it is plugged in, it reads raw ADC counts and a factory force,
// and its readings become samples through the calibration the workbench chose for it, with
// the acquisition's own calibrator (the real algocore::Calibrator: the device's active record
// when it is this device's, else its factory force and calibration id 0). Plugging it in goes
// through LiveFeed::play_device, the workbench's path for a device identified by a source that
// is not a port (Workbench::play_device follows it as it follows an acquisition's identity), so
// a second algometer can replace the first in the middle of a workflow.
#include <chrono>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>

#include "algocal/CalibrationAnalysis.h"
#include "algocal/CalibrationRecord.h"
#include "algocore/RawSample.h"
#include "algocore/Sample.h"
#include "algocore/calibration/CalibrationStore.h"
#include "algocore/calibration/Calibrator.h"
#include "algogui/LiveFeed.h"

namespace workflow {

/// What one algometer is: its identity and how it reads a true force.
struct AlgometerSpec {
    std::string model = "Algoscope native v1.2";
    std::string serial;
    /// Its factory calibration reads this times the true force (1.06: 6 % high).
    double factory_gain = 1.0;
    /// Its ADC: counts = offset + per_newton × force.
    double counts_offset = 1200.0;
    double counts_per_newton = 2000.0;
    /// The id of its calibration record (the lab calibrated it), none when never calibrated.
    std::optional<std::uint64_t> calibration_id;
};

class Algometer {
public:
    explicit Algometer(AlgometerSpec spec) : spec_(std::move(spec)) {}

    const AlgometerSpec& spec() const { return spec_; }
    const std::string& serial() const { return spec_.serial; }

    algocore::DeviceIdentity identity() const {
        algocore::DeviceIdentity id;
        id.model = spec_.model;
        id.serial_number = spec_.serial;
        id.firmware_version = "1.2.0";
        id.nominal_rate_hz = 100.0;
        return id;
    }

    /// Its calibration, as the wizard's Save leaves it in the station's calibration store
    /// (made the device's active record). Nothing for a device never calibrated.
    void calibrate_in(algocore::CalibrationStore& store) const {
        if (!spec_.calibration_id) return;
        using namespace std::chrono_literals;
        algocal::CalibrationRecord record;
        record.id = *spec_.calibration_id;
        record.device_serial = spec_.serial;
        record.calibrated_on = 2026y / 11 / 2;
        record.expires_on = 2027y / 11 / 2;
        record.operator_name = "Lab";
        record.reference_standards = {{"WS-17", "M1 weight set 1-20 kg", 0.02, 2.0}};
        record.temperature_c = 21.0;
        record.probe_area_cm2 = 1.0;
        record.reading_kind = algocal::ReadingKind::kRawCounts;
        for (int step = 0; step <= 4; ++step)
            record.points.push_back({40.0 * step, algocal::ForceUnit::kNewton,
                                     counts_at(40.0 * step), algocal::LoadDirection::kAscending,
                                     1});
        for (int step = 3; step >= 0; --step)
            record.points.push_back({40.0 * step, algocal::ForceUnit::kNewton,
                                     counts_at(40.0 * step), algocal::LoadDirection::kDescending,
                                     1});
        const auto analysis = algocal::analyse_calibration(record.points, 1);
        record.fit = analysis.fit;
        record.statistics = analysis.statistics;
        const auto saved = store.save_and_activate(record);
        if (!saved.ok())
            qFatal("calibration of %s not saved: %s", spec_.serial.c_str(), saved.error.c_str());
    }

    /// Plugged into the station: the window is told who it is, and its readings from now on
    /// go through the calibration the workbench applies to it (none of another device's).
    void plug_into(algogui::LiveFeed& feed) {
        feed.play_device(identity());
        calibrator_.set_device_serial(spec_.serial);
        calibrator_.set_record(feed.workbench().calibration());
        calibrator_.set_probe_area_cm2(feed.workbench().probe_area_cm2());
    }

    /// The sample of a true pressure at t_s (session clock) as it reaches the window.
    algocore::Sample measure(double t_s, double true_kpa, std::uint8_t buttons,
                             std::uint8_t flags) const {
        const double force_n = true_kpa * calibrator_.probe_area_cm2() / 10.0;
        algocore::RawSample raw;
        raw.t =
            algocore::SteadyTime{} + std::chrono::duration_cast<algocore::SteadyClock::duration>(
                                         std::chrono::duration<double>(t_s));
        raw.force_n = spec_.factory_gain * force_n;
        raw.raw_counts = static_cast<std::int32_t>(std::lround(counts_at(force_n)));
        raw.has_raw = true;
        raw.buttons = buttons;
        raw.flags = flags;
        algocore::Sample sample = calibrator_.apply(raw);
        sample.t_s = t_s; // the session clock, exactly (not through the steady clock's ticks)
        return sample;
    }

private:
    double counts_at(double force_n) const {
        return spec_.counts_offset + spec_.counts_per_newton * force_n;
    }

    AlgometerSpec spec_;
    algocore::Calibrator calibrator_;
};

} // namespace workflow
