// Fuzzes the calibration record loader with arbitrary JSON text: it never throws (every
// refusal is a value naming a field), and a record it accepts survives being written and read
// again unchanged in substance.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "FuzzCheck.h"
#include "algocore/calibration/CalibrationRecordJson.h"

using fuzzcheck::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const algocore::RecordExpectations any_device{
        "", std::chrono::year_month_day{std::chrono::year{2027} / 1 / 1}};
    const algocore::CalibrationLoadResult loaded =
        algocore::calibration_record_from_json(text, any_device);
    if (!loaded.ok) {
        check(!loaded.field.empty());
        check(!loaded.message.empty() && loaded.message.size() < 2048);
        return 0;
    }
    const algocore::CalibrationLoadResult again = algocore::calibration_record_from_json(
        algocore::calibration_record_to_json(loaded.record), any_device);
    check(again.ok);
    check(again.record.id == loaded.record.id);
    check(again.record.points.size() == loaded.record.points.size());
    check(again.record.fit.coefficients == loaded.record.fit.coefficients);
    return 0;
}
