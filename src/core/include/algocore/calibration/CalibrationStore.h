#pragma once
// Calibration records on disk, per device: <root>/<serial>/<id>.json, and
// <root>/<serial>/active naming the record that is applied to the device's samples.
// Records are never overwritten, so every id stored with a sample stays resolvable.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "algocore/calibration/CalibrationRecordJson.h"

namespace algocore {

/// One line of a device's calibration history.
struct StoredCalibration {
    std::uint64_t id = 0;
    std::chrono::year_month_day calibrated_on{};
    std::chrono::year_month_day expires_on{};
    int degree = 0;
    bool active = false;
};

/// Result of a store operation: empty error when it worked.
struct StoreResult {
    bool ok() const { return error.empty(); }
    std::string error;
};

/// A directory of calibration records.
class CalibrationStore {
public:
    explicit CalibrationStore(std::filesystem::path root);

    const std::filesystem::path& root() const { return root_; }

    /// A fresh record id: milliseconds since 1970 (UTC), bumped past any id already stored
    /// for `device_serial`; always < 2^53 so it survives JSON readers that use doubles.
    std::uint64_t new_record_id(const std::string& device_serial) const;
    /// Milliseconds since 1970 (UTC), the basis of new_record_id, for records kept outside
    /// a store.
    static std::uint64_t time_based_id();

    /// Saves a new record (validated by a load round trip first). Refuses an id in use.
    StoreResult save(const algocal::CalibrationRecord& record);
    /// Makes record `id` the active one for `device_serial` (it must load cleanly).
    StoreResult activate(const std::string& device_serial, std::uint64_t id);
    /// save() then activate(): what the wizard does on "Save".
    StoreResult save_and_activate(const algocal::CalibrationRecord& record);

    /// Id of the active record, if the device has one.
    std::optional<std::uint64_t> active_id(const std::string& device_serial) const;
    /// The active record, validated for this device (expired ones load with a warning).
    /// Not ok with message "no active calibration ..." when there is none.
    CalibrationLoadResult
    load_active(const std::string& device_serial,
                std::chrono::year_month_day today = algocal::today_utc()) const;
    /// A stored record by id, validated for this device.
    CalibrationLoadResult load(const std::string& device_serial, std::uint64_t id,
                               std::chrono::year_month_day today = algocal::today_utc()) const;
    /// Every record of the device that loads, newest first. Broken files are skipped.
    std::vector<StoredCalibration> history(const std::string& device_serial) const;

    /// Where the record `id` of `device_serial` lives.
    std::filesystem::path record_path(const std::string& device_serial, std::uint64_t id) const;

private:
    std::filesystem::path device_dir(const std::string& device_serial) const;

    std::filesystem::path root_;
};

} // namespace algocore
