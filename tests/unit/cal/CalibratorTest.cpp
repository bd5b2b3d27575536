#include <gtest/gtest.h>

#include <memory>

#include "RecordFixture.h"
#include "algocore/calibration/Calibrator.h"

namespace {

using namespace std::chrono_literals;

algocore::RawSample raw_at(algocore::SteadyTime t, std::int32_t counts, double device_force_n) {
    algocore::RawSample raw;
    raw.t = t;
    raw.raw_counts = counts;
    raw.has_raw = true;
    raw.force_n = device_force_n;
    return raw;
}

// A linear record of raw counts: counts = 1000 + 100 × F over 0..200 N.
std::shared_ptr<algocal::CalibrationRecord> linear_counts_record() {
    auto record = std::make_shared<algocal::CalibrationRecord>(caltest::valid_record());
    record->id = 4242;
    record->fit.degree = 1;
    record->fit.coefficients = {1000.0, 100.0};
    record->fit.x_min = 0.0;
    record->fit.x_max = 200.0;
    return record;
}

TEST(Calibrator, WithoutARecordUsesTheDeviceForceAndFactoryId) {
    algocore::Calibrator calibrator;
    const algocore::SteadyTime start{};
    calibrator.set_session_start(start);
    const auto sample = calibrator.apply(raw_at(start + 1500ms, 12345, 25.0));
    EXPECT_DOUBLE_EQ(sample.force_n, 25.0);
    EXPECT_DOUBLE_EQ(sample.pressure_kpa, 250.0);
    EXPECT_DOUBLE_EQ(sample.t_s, 1.5);
    EXPECT_EQ(sample.calibration_id, algocore::kFactoryCalibration);
    EXPECT_EQ(sample.raw_counts, 12345);
    EXPECT_TRUE(sample.has_raw);
}

TEST(Calibrator, AppliesTheRecordToRawCountsThenTareThenProbeArea) {
    algocore::Calibrator calibrator;
    calibrator.set_record(linear_counts_record());
    calibrator.set_tare_offset_n(0.5);
    calibrator.set_probe_area_cm2(0.5);
    ASSERT_TRUE(calibrator.record_usable());
    // 6000 counts → 50 N; minus 0.5 N tare = 49.5 N; on 0.5 cm² = 990 kPa.
    const auto sample = calibrator.apply(raw_at({}, 6000, 999.0));
    EXPECT_NEAR(sample.force_n, 49.5, 1e-12);
    EXPECT_NEAR(sample.pressure_kpa, 990.0, 1e-9);
    EXPECT_EQ(sample.calibration_id, 4242u);
    EXPECT_EQ(sample.flags & algocore::kOutOfCalibratedRange, 0);
}

TEST(Calibrator, FlagsReadingsOutsideTheCalibratedRange) {
    algocore::Calibrator calibrator;
    calibrator.set_record(linear_counts_record());
    const auto above = calibrator.apply(raw_at({}, 1000 + 100 * 250, 0.0));
    EXPECT_NE(above.flags & algocore::kOutOfCalibratedRange, 0);
    EXPECT_NEAR(above.force_n, 250.0, 1e-9); // continued along the (straight) fit, flagged
    const auto inside = calibrator.apply(raw_at({}, 1000 + 100 * 150, 0.0));
    EXPECT_EQ(inside.flags & algocore::kOutOfCalibratedRange, 0);
}

TEST(Calibrator, CountsRecordMeetingASampleWithoutCountsFallsBackToFactory) {
    algocore::Calibrator calibrator;
    calibrator.set_record(linear_counts_record());
    auto raw = raw_at({}, 0, 12.0);
    raw.has_raw = false;
    const auto sample = calibrator.apply(raw);
    EXPECT_DOUBLE_EQ(sample.force_n, 12.0);
    EXPECT_EQ(sample.calibration_id, algocore::kFactoryCalibration);
}

TEST(Calibrator, DeviceNewtonRecordCorrectsTheDeviceForce) {
    auto record = linear_counts_record();
    record->reading_kind = algocal::ReadingKind::kDeviceNewtons;
    record->fit.coefficients = {0.0, 1.02}; // the gauge reads 2 % high
    algocore::Calibrator calibrator;
    calibrator.set_record(record);
    const auto sample = calibrator.apply(raw_at({}, 777, 51.0));
    EXPECT_NEAR(sample.force_n, 50.0, 1e-12);
    EXPECT_EQ(sample.calibration_id, 4242u);
}

TEST(Calibrator, UnusableRecordIsNotApplied) {
    auto record = linear_counts_record();
    record->fit.coefficients = {0.0, 100.0, -1.0}; // turns back at 50 N inside 0..200 N
    record->fit.degree = 2;
    algocore::Calibrator calibrator;
    calibrator.set_record(record);
    EXPECT_FALSE(calibrator.record_usable());
    EXPECT_EQ(calibrator.calibration_id(), algocore::kFactoryCalibration);
    EXPECT_DOUBLE_EQ(calibrator.apply(raw_at({}, 5000, 7.0)).force_n, 7.0);
}

TEST(Calibrator, IgnoresNonPositiveProbeArea) {
    algocore::Calibrator calibrator;
    calibrator.set_probe_area_cm2(0.0);
    calibrator.set_probe_area_cm2(-2.0);
    EXPECT_DOUBLE_EQ(calibrator.probe_area_cm2(), 1.0);
}

TEST(Calibrator, ClearingTheRecordReturnsToFactory) {
    algocore::Calibrator calibrator;
    calibrator.set_record(linear_counts_record());
    calibrator.set_record(nullptr);
    EXPECT_EQ(calibrator.calibration_id(), algocore::kFactoryCalibration);
    EXPECT_DOUBLE_EQ(calibrator.apply(raw_at({}, 6000, 3.0)).force_n, 3.0);
}

} // namespace

TEST(Calibrator, NeverAppliesAnotherDevicesRecord) {
    algocore::Calibrator calibrator;
    auto record = linear_counts_record();
    record->device_serial = "SIM-00000001";
    calibrator.set_record(record);
    calibrator.set_device_serial("SIM-00000001");
    EXPECT_EQ(calibrator.apply(raw_at({}, 6000, 7.0)).calibration_id, 4242u);
    // Device B on the same port: its samples carry its factory force and calibration id 0.
    calibrator.set_device_serial("SIM-00000007");
    const auto sample = calibrator.apply(raw_at({}, 6000, 7.0));
    EXPECT_EQ(sample.calibration_id, algocore::kFactoryCalibration);
    EXPECT_DOUBLE_EQ(sample.force_n, 7.0);
    EXPECT_EQ(calibrator.calibration_id(), algocore::kFactoryCalibration);
}
