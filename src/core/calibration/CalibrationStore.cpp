#include "algocore/calibration/CalibrationStore.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>

namespace algocore {
namespace {

constexpr std::uint64_t kLargestJsonSafeId = (std::uint64_t{1} << 53) - 1;
constexpr const char* kActiveFile = "active";

// Serial numbers become folder names; anything outside a portable set is replaced. Two
// serials that map to one folder are still told apart: every record names its device.
std::string folder_name(const std::string& serial) {
    std::string out;
    for (char c : serial) {
        const bool portable = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                              (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
        out += portable ? c : '_';
    }
    if (out.empty() || out == "." || out == "..") out = "_" + out;
    return out;
}

std::optional<std::uint64_t> parse_id(const std::string& text) {
    if (text.empty() || text.size() > 16) return std::nullopt;
    std::uint64_t value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return value == 0 ? std::nullopt : std::optional<std::uint64_t>(value);
}

} // namespace

CalibrationStore::CalibrationStore(std::filesystem::path root) : root_(std::move(root)) {}

std::filesystem::path CalibrationStore::device_dir(const std::string& device_serial) const {
    return root_ / folder_name(device_serial);
}

std::filesystem::path CalibrationStore::record_path(const std::string& device_serial,
                                                    std::uint64_t id) const {
    return device_dir(device_serial) / (std::to_string(id) + ".json");
}

std::uint64_t CalibrationStore::time_based_id() {
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now().time_since_epoch());
    return std::clamp<std::uint64_t>(static_cast<std::uint64_t>(now.count()), 1,
                                     kLargestJsonSafeId);
}

std::uint64_t CalibrationStore::new_record_id(const std::string& device_serial) const {
    std::uint64_t id = time_based_id();
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(device_dir(device_serial), error))
        if (entry.path().extension() == ".json")
            if (const auto used = parse_id(entry.path().stem().string()); used && *used >= id)
                id = *used + 1;
    return id;
}

StoreResult CalibrationStore::save(const algocal::CalibrationRecord& record) {
    if (record.id == 0 || record.id > kLargestJsonSafeId)
        return {"record id must be between 1 and 2^53 - 1"};
    // A record that would not load back is not written.
    const CalibrationLoadResult check = calibration_record_from_json(
        calibration_record_to_json(record), {record.device_serial, record.calibrated_on});
    if (!check.ok) return {"record not saved: " + check.message};
    const std::filesystem::path path = record_path(record.device_serial, record.id);
    std::error_code error;
    std::filesystem::create_directories(path.parent_path(), error);
    if (error) return {"cannot create " + path.parent_path().string() + ": " + error.message()};
    if (std::filesystem::exists(path))
        return {"a calibration record with id " + std::to_string(record.id) +
                " already exists for device " + record.device_serial +
                "; records are never "
                "overwritten"};
    const std::string failure = save_calibration_record(path, record);
    return {failure};
}

StoreResult CalibrationStore::activate(const std::string& device_serial, std::uint64_t id) {
    const CalibrationLoadResult loaded = load(device_serial, id);
    if (!loaded.ok)
        return {"cannot activate calibration " + std::to_string(id) + ": " + loaded.message};
    const std::filesystem::path active = device_dir(device_serial) / kActiveFile;
    std::filesystem::path temporary = active;
    temporary += ".tmp";
    {
        std::ofstream out(temporary, std::ios::trunc);
        out << id << "\n";
        if (!out.flush()) return {"cannot write " + temporary.string()};
    }
    std::error_code error;
    std::filesystem::rename(temporary, active, error);
    if (error) return {"cannot write " + active.string() + ": " + error.message()};
    return {};
}

StoreResult CalibrationStore::save_and_activate(const algocal::CalibrationRecord& record) {
    if (StoreResult saved = save(record); !saved.ok()) return saved;
    return activate(record.device_serial, record.id);
}

std::optional<std::uint64_t> CalibrationStore::active_id(const std::string& device_serial) const {
    std::ifstream in(device_dir(device_serial) / kActiveFile);
    std::string line;
    if (!in || !std::getline(in, line)) return std::nullopt;
    return parse_id(line);
}

CalibrationLoadResult CalibrationStore::load(const std::string& device_serial, std::uint64_t id,
                                             std::chrono::year_month_day today) const {
    return load_calibration_record(record_path(device_serial, id), {device_serial, today});
}

CalibrationLoadResult CalibrationStore::load_active(const std::string& device_serial,
                                                    std::chrono::year_month_day today) const {
    const auto id = active_id(device_serial);
    if (!id) {
        CalibrationLoadResult none;
        none.field = "(store)";
        none.message = "no active calibration for device " + device_serial +
                       "; its factory calibration is used";
        return none;
    }
    CalibrationLoadResult result = load(device_serial, *id, today);
    if (result.ok && result.record.id != *id) {
        result.ok = false;
        result.field = "id";
        result.message = "field 'id': the active record file holds id " +
                         std::to_string(result.record.id) + ", expected " + std::to_string(*id);
    }
    return result;
}

std::vector<StoredCalibration> CalibrationStore::history(const std::string& device_serial) const {
    std::vector<StoredCalibration> out;
    const auto active = active_id(device_serial);
    std::error_code error;
    for (const auto& entry :
         std::filesystem::directory_iterator(device_dir(device_serial), error)) {
        const auto id = parse_id(entry.path().stem().string());
        if (entry.path().extension() != ".json" || !id) continue;
        const CalibrationLoadResult loaded = load(device_serial, *id);
        if (!loaded.ok) continue;
        out.push_back({*id, loaded.record.calibrated_on, loaded.record.expires_on,
                       loaded.record.fit.degree, active && *active == *id});
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id > b.id; });
    return out;
}

} // namespace algocore
