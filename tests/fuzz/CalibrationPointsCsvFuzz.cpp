// Fuzzes the CSV readers behind `algoscope-cli calibrate` (two numeric columns, and the
// calibration points import): accepted values are finite, loads are not negative, and every
// refusal is a bounded message with no raw control characters.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "FuzzCheck.h"
#include "algocore/calibration/CsvColumns.h"

using fuzzcheck::check;

namespace {

void check_message(const std::string& message) {
    check(message.size() < 2048);
    for (char c : message)
        check(static_cast<unsigned char>(c) >= 0x20 && c != 0x7F);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    {
        std::istringstream in(text);
        const algocore::CsvColumns columns = algocore::read_csv_columns(in, "load_n", "counts");
        if (columns.ok) {
            check(columns.x.size() == columns.y.size());
            for (std::size_t i = 0; i < columns.x.size(); ++i)
                check(std::isfinite(columns.x[i]) && std::isfinite(columns.y[i]));
        } else {
            check_message(columns.message);
        }
    }
    std::istringstream in(text);
    const algocore::CsvPoints points = algocore::read_calibration_points_csv(in);
    if (points.ok) {
        check(!points.points.empty());
        for (const algocal::CalibrationPoint& p : points.points) {
            check(std::isfinite(p.applied_load) && p.applied_load >= 0.0);
            check(std::isfinite(p.reading));
            check(p.run >= 1 && p.run <= 1000);
        }
    } else {
        check_message(points.message);
    }
    return 0;
}
