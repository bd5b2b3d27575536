#pragma once
// A complete, valid calibration record for the algocore calibration tests.
#include "algocal/CalibrationAnalysis.h"
#include "algocal/CalibrationRecord.h"

namespace caltest {

using namespace std::chrono_literals;

// 0–200 N up and down, readings in counts: 1200 + 2000 F - 0.5 F² with a little hysteresis.
inline algocal::CalibrationRecord valid_record(const std::string& serial = "ALG-0001",
                                               std::uint64_t id = 1001) {
    algocal::CalibrationRecord record;
    record.id = id;
    record.device_serial = serial;
    record.calibrated_on = 2026y / 11 / 23;
    record.expires_on = 2027y / 11 / 23;
    record.operator_name = "J. Tester";
    record.reference_standards = {{"WS-17", "M1 weight set 1-20 kg", 0.02, 2.0}};
    record.temperature_c = 21.5;
    record.probe_area_cm2 = 1.0;
    record.reading_kind = algocal::ReadingKind::kRawCounts;
    for (int step = 0; step <= 4; ++step) {
        const double load = 50.0 * step;
        record.points.push_back({load, algocal::ForceUnit::kNewton,
                                 1200.0 + 2000.0 * load - 0.5 * load * load,
                                 algocal::LoadDirection::kAscending, 1});
    }
    for (int step = 3; step >= 0; --step) {
        const double load = 50.0 * step;
        record.points.push_back({load, algocal::ForceUnit::kNewton,
                                 1200.0 + 2000.0 * load - 0.5 * load * load + 30.0 * (step > 0),
                                 algocal::LoadDirection::kDescending, 1});
    }
    const auto analysis = algocal::analyse_calibration(record.points, 2);
    record.fit = analysis.fit;
    record.statistics = analysis.statistics;
    record.notes = "fixture";
    return record;
}

} // namespace caltest
