#pragma once
// Builds the driver for a dialect name given on the command line or chosen in the GUI.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "algocal/Units.h"
#include "algocore/Driver.h"

namespace algocore {

/// How a generic ASCII device ends its lines. Any accepts CR, LF and CRLF alike.
enum class LineEnding : unsigned char { Any, CR, LF, CRLF };

/// Settings a driver needs beyond the bytes themselves.
struct DriverOptions {
    /// Serial speed the port was opened at; drivers quote it when nothing parses
    /// ("no valid data at 9600 baud — check the gauge's baud setting").
    unsigned baud = 9600;

    // Gauges in numeric-only output mode (Mark-10, Wagner, Shimpo) print no unit: read
    // their values in this unit (the driver warns once that it is assuming).
    algocal::ForceUnit unit_when_omitted = algocal::ForceUnit::kNewton;

    // Generic ASCII lines (DIY boards): value_in_unit = number_on_the_line * ascii_scale.
    algocal::ForceUnit ascii_unit = algocal::ForceUnit::kNewton;
    double ascii_scale = 1.0;
    LineEnding ascii_line_ending = LineEnding::Any;

    // Native protocol: streaming rate and samples per SAMPLES frame asked in START.
    unsigned native_rate_hz = 1000;
    unsigned native_batch = 10;

    // Wagner FDIX: use continuous output (C<rate>, CB ... CE) instead of `?` polling.
    // A rate of 0 sends no C<rate> and keeps the rate set on the gauge ("wagner"; the
    // "wagner-fdix" driver always sets a rate, 100/s for 0).
    bool wagner_continuous = false;
    unsigned wagner_rate_hz = 100;

    // Shimpo FGV/FGE: use continuous output (BB ... AB) instead of BA polling.
    bool shimpo_continuous = false;
};

/// A driver for `name` (auto|native|mark10|wagner|wagner-fdix|imada|shimpo|ascii; wagner-fdix
/// is the FDIX's continuous output at wagner_rate_hz, 100/s by default), or nullptr with a
/// clear message in *error (when error is not null) for an unknown name or bad options.
std::unique_ptr<Driver> make_driver(std::string_view name, const DriverOptions& options,
                                    std::string* error);

/// Every name make_driver accepts, "auto" first.
std::vector<std::string> driver_names();

} // namespace algocore
