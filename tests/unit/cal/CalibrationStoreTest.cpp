#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "RecordFixture.h"
#include "algocore/calibration/CalibrationStore.h"

namespace {

using namespace std::chrono_literals;

class CalibrationStoreTest : public testing::Test {
protected:
    void SetUp() override {
        root_ = std::filesystem::temp_directory_path() /
                ("algoscope-cal-store-" + std::to_string(::getpid()) + "-" +
                 testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(root_);
    }
    void TearDown() override { std::filesystem::remove_all(root_); }

    std::filesystem::path root_;
};

TEST_F(CalibrationStoreTest, SaveAndActivateThenLoadActive) {
    algocore::CalibrationStore store(root_);
    EXPECT_FALSE(store.active_id("ALG-0001").has_value());
    const auto none = store.load_active("ALG-0001", 2027y / 1 / 1);
    EXPECT_FALSE(none.ok);
    EXPECT_NE(none.message.find("no active calibration"), std::string::npos);

    auto record = caltest::valid_record();
    record.id = store.new_record_id(record.device_serial);
    ASSERT_TRUE(store.save_and_activate(record).ok());
    EXPECT_EQ(store.active_id("ALG-0001"), record.id);
    const auto active = store.load_active("ALG-0001", 2027y / 1 / 1);
    ASSERT_TRUE(active.ok) << active.message;
    EXPECT_EQ(active.record.id, record.id);
    EXPECT_EQ(active.record.fit.coefficients, record.fit.coefficients);
}

TEST_F(CalibrationStoreTest, NeverOverwritesARecordAndIdsIncrease) {
    algocore::CalibrationStore store(root_);
    auto record = caltest::valid_record();
    record.id = store.new_record_id(record.device_serial);
    ASSERT_TRUE(store.save(record).ok());
    const auto again = store.save(record);
    EXPECT_FALSE(again.ok());
    EXPECT_NE(again.error.find("never overwritten"), std::string::npos) << again.error;
    EXPECT_GT(store.new_record_id(record.device_serial), record.id);
}

TEST_F(CalibrationStoreTest, ActivatingSwitchesTheActiveRecordAndHistoryMarksIt) {
    algocore::CalibrationStore store(root_);
    auto first = caltest::valid_record();
    first.id = 10;
    auto second = caltest::valid_record();
    second.id = 20;
    ASSERT_TRUE(store.save_and_activate(first).ok());
    ASSERT_TRUE(store.save_and_activate(second).ok());
    ASSERT_TRUE(store.activate("ALG-0001", 10).ok());
    const auto history = store.history("ALG-0001");
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history[0].id, 20u);
    EXPECT_FALSE(history[0].active);
    EXPECT_TRUE(history[1].active);
    EXPECT_EQ(history[1].degree, 2);
}

TEST_F(CalibrationStoreTest, RefusesToActivateMissingOrDamagedRecords) {
    algocore::CalibrationStore store(root_);
    EXPECT_FALSE(store.activate("ALG-0001", 99).ok());
    auto record = caltest::valid_record();
    record.id = 30;
    ASSERT_TRUE(store.save(record).ok());
    std::filesystem::resize_file(store.record_path("ALG-0001", 30), 100); // truncated
    const auto result = store.activate("ALG-0001", 30);
    EXPECT_FALSE(result.ok());
    EXPECT_NE(result.error.find("truncated"), std::string::npos) << result.error;
}

TEST_F(CalibrationStoreTest, RecordOfAnotherDeviceInTheFolderIsRefused) {
    algocore::CalibrationStore store(root_);
    // "ALG/1" and "ALG_1" share a folder; the record still says which device it is for.
    auto record = caltest::valid_record("ALG/1", 40);
    ASSERT_TRUE(store.save_and_activate(record).ok());
    std::filesystem::copy_file(store.record_path("ALG/1", 40), store.record_path("ALG_1", 41));
    const auto loaded = store.load("ALG_1", 41, 2027y / 1 / 1);
    EXPECT_FALSE(loaded.ok);
    EXPECT_EQ(loaded.field, "device_serial");
}

TEST_F(CalibrationStoreTest, RefusesToSaveAnInvalidRecord) {
    algocore::CalibrationStore store(root_);
    auto record = caltest::valid_record();
    record.operator_name.clear();
    const auto result = store.save(record);
    EXPECT_FALSE(result.ok());
    EXPECT_NE(result.error.find("'operator'"), std::string::npos) << result.error;
}

} // namespace
