#include "algocore/drivers/DriverFactory.h"

#include "algocore/drivers/AsciiLineDriver.h"
#include "algocore/drivers/AutoDetectDriver.h"
#include "algocore/drivers/ImadaDriver.h"
#include "algocore/drivers/Mark10Driver.h"
#include "algocore/drivers/NativeDriver.h"
#include "algocore/drivers/ShimpoDriver.h"
#include "algocore/drivers/WagnerDriver.h"
#include "algoinput/QuotedInput.h"

namespace algocore {
namespace {

bool fail(std::string* error, std::string message) {
    if (error) *error = std::move(message);
    return false;
}

bool options_valid(std::string_view name, const DriverOptions& options, std::string* error) {
    if (options.baud == 0) return fail(error, "baud rate must be positive");
    if (name == "ascii" &&
        !(options.ascii_scale != 0.0 && options.ascii_scale == options.ascii_scale))
        return fail(error, "ASCII scale must be a non-zero number");
    if (name == "native" && (options.native_rate_hz == 0 || options.native_batch == 0))
        return fail(error, "native rate and batch must be positive");
    if (((name == "wagner" && options.wagner_continuous) || name == "wagner-fdix") &&
        options.wagner_rate_hz > 1000)
        return fail(error, "Wagner continuous rate must be at most 1000 points/s");
    return true;
}

} // namespace

std::vector<std::string> driver_names() {
    return {"auto", "native", "mark10", "wagner", "wagner-fdix", "imada", "shimpo", "ascii"};
}

std::unique_ptr<Driver> make_driver(std::string_view name, const DriverOptions& options,
                                    std::string* error) {
    if (!options_valid(name, options, error)) return nullptr;
    if (name == "mark10") return std::make_unique<Mark10Driver>(options);
    if (name == "wagner") return std::make_unique<WagnerDriver>(options);
    if (name == "wagner-fdix") return WagnerDriver::fdix_continuous(options);
    if (name == "imada") return std::make_unique<ImadaDriver>(options);
    if (name == "shimpo") return std::make_unique<ShimpoDriver>(options);
    if (name == "ascii") return std::make_unique<AsciiLineDriver>(options);
    if (name == "native") return std::make_unique<NativeDriver>(options);
    if (name == "auto") return std::make_unique<AutoDetectDriver>(options);
    std::string known;
    for (const auto& n : driver_names())
        known += (known.empty() ? "" : "|") + n;
    fail(error,
         "unknown driver '" + algoinput::escape_input(name, 40) + "' (expected " + known + ")");
    return nullptr;
}

} // namespace algocore
