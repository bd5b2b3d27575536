#pragma once
// A traceable calibration of one device: who, when, against what, every point, the fit of
// reading against applied load, and its statistics. Serialised as versioned JSON by algocore
// (CalibrationRecordJson); this header has no JSON or I/O dependency.
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "algocal/CalibrationStatistics.h"
#include "algocal/PolynomialFit.h"
#include "algocal/Units.h"

namespace algocal {

/// Record format version written by this build; newer versions are refused on load.
inline constexpr int kCalibrationRecordVersion = 1;

/// What the device reading in the fit is.
enum class ReadingKind {
    kRawCounts,     ///< ADC counts (our own firmware)
    kDeviceNewtons, ///< the device's own force in newtons (commercial gauges)
};

/// Whether a point was taken while the load was increasing or decreasing.
enum class LoadDirection { kAscending, kDescending };

/// A reference standard (dead weights, proving ring, reference load cell).
struct ReferenceStandard {
    std::string id;                            ///< certificate or asset number
    std::string description;                   ///< e.g. "M1 weight set 0.1–20 kg"
    double expanded_uncertainty_percent = 0.0; ///< of the applied load
    double coverage_factor = 2.0;              ///< k of the expanded uncertainty
};

/// One calibration point: a known load applied and what the device read.
struct CalibrationPoint {
    double applied_load = 0.0; ///< in load_unit
    ForceUnit load_unit = ForceUnit::kNewton;
    double reading = 0.0; ///< counts or device newtons (see ReadingKind)
    LoadDirection direction = LoadDirection::kAscending;
    int run = 1; ///< 1-based run (series) number

    double applied_load_n() const { return to_newtons(applied_load, load_unit).value; }
};

/// The whole record.
struct CalibrationRecord {
    int version = kCalibrationRecordVersion;
    std::uint64_t id = 0; ///< unique, never 0 (0 = factory calibration)
    std::string device_serial;
    std::chrono::year_month_day calibrated_on{};
    std::chrono::year_month_day expires_on{};
    std::string operator_name;
    std::vector<ReferenceStandard> reference_standards;
    double temperature_c = 20.0;
    double probe_area_cm2 = kStandardProbeAreaCm2;
    ReadingKind reading_kind = ReadingKind::kRawCounts;
    std::vector<CalibrationPoint> points;
    PolynomialFit fit; ///< reading vs applied load (N), unweighted (the loader refits to check)
    CalibrationStatistics statistics;
    std::string notes;

    /// Calibrated load range (from the fit), newtons.
    double min_load_n() const { return fit.x_min; }
    double max_load_n() const { return fit.x_max; }
    /// True once `today` is after the expiry date.
    bool is_expired(std::chrono::year_month_day today) const { return today > expires_on; }
};

/// Force for a device reading through a record.
struct ForceFromReading {
    double force_n = 0.0;  ///< valid when ok; outside the range it is a linear extension
    bool in_range = false; ///< reading within the calibrated range
    bool ok = false;       ///< false: the record has no usable (monotonic) fit
};

/// Inverts the record's fit (reading = p(load)) for `reading`. Inside the calibrated range the
/// result is exact to rounding; outside, in_range is false and the force continues along the
/// tangent at the nearest end instead of extrapolating the polynomial.
/// Checks monotonicity on every call; for a stream of readings keep a FitInverter instead.
ForceFromReading force_from_reading(const CalibrationRecord& record, double reading);

/// Whether the fit is strictly monotonic over [x_min, x_max], so the inverse exists.
bool fit_is_monotonic(const PolynomialFit& fit);

} // namespace algocal
