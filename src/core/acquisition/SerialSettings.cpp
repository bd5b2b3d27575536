#include "algocore/acquisition/SerialSettings.h"

#include <algorithm>
#include <array>

namespace algocore {

const char* to_string(FlowControl flow) {
    switch (flow) {
    case FlowControl::None: return "none";
    case FlowControl::Hardware: return "hardware";
    case FlowControl::Software: return "software";
    }
    return "unknown";
}

bool is_supported_baud(unsigned baud) {
    // The rates termios can set on Linux without custom divisors.
    static constexpr std::array<unsigned, 19> kRates = {
        300,    600,    1200,   1800,   2400,   4800,   9600,    19200,   38400,  57600,
        115200, 230400, 460800, 500000, 576000, 921600, 1000000, 1500000, 2000000};
    return std::find(kRates.begin(), kRates.end(), baud) != kRates.end();
}

} // namespace algocore
