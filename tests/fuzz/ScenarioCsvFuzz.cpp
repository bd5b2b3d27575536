// Fuzzes the simulator's scenario CSV parser: a file it accepts is a usable scenario (at
// least one keyframe, time strictly increasing from 0 or later, pressures within range), and
// a refusal names the line in a bounded message.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "FuzzCheck.h"
#include "algoinput/QuotedInput.h"
#include "algosim/ScenarioFile.h"

using fuzzcheck::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const algosim::ScenarioFileResult result = algosim::parse_scenario_csv(text, "fuzz.csv");
    if (!result.ok()) {
        check(result.keyframes.empty());
        check(result.error.rfind("fuzz.csv", 0) == 0);
        // One quoted field at most: kMaxQuotedChars characters, each at worst an 8-byte
        // escape (\u{202E}), plus the file name, line and the expected header.
        check(result.error.size() < algoinput::kMaxQuotedChars * 8 + 512);
        return 0;
    }
    check(!result.keyframes.empty());
    double previous_t_s = -1.0;
    for (const algosim::Keyframe& k : result.keyframes) {
        check(std::isfinite(k.t_s) && k.t_s >= 0.0 && k.t_s > previous_t_s);
        check(std::isfinite(k.pressure_kpa) && k.pressure_kpa >= 0.0 && k.pressure_kpa <= 100000.0);
        previous_t_s = k.t_s;
    }
    return 0;
}
