#include "algotest/WagnerEmulator.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "algocal/Units.h"

namespace algotest {

std::string WagnerEmulator::reading_line() const {
    if (overloaded()) return "OVER\r\n";
    const double lbf = force_n() / algocal::kNewtonsPerLbf;
    char text[48];
    // Sign, space, value, unit; '-' is tension.
    std::snprintf(text, sizeof text, "%c %.2f lbf\r\n", lbf < 0 ? '-' : '+', std::fabs(lbf));
    return text;
}

std::string WagnerEmulator::answer(std::string_view command) {
    if (command == "?") return reading_line();
    if (command == "CB") {
        streaming_ = true;
        next_output_s_ = now_s_;
        return {};
    }
    if (command == "CE") {
        streaming_ = false;
        return {};
    }
    if (command.size() > 1 && command[0] == 'C') {
        int rate = 0;
        const auto digits = command.substr(1);
        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), rate);
        if (ec == std::errc{} && end == digits.data() + digits.size() && rate > 0 && rate <= 1000)
            rate_hz_ = rate;
        return {};
    }
    return {}; // the FDIX ignores what it does not know
}

std::string WagnerEmulator::advance_to(double t_s) {
    std::string out;
    if (t_s < now_s_) return out;
    now_s_ = t_s;
    if (!streaming_ || !answering()) {
        next_output_s_ = now_s_;
        return out;
    }
    const double period_s = 1.0 / rate_hz_;
    while (next_output_s_ <= now_s_) {
        out += reading_line();
        next_output_s_ += period_s;
    }
    return out;
}

void WagnerEmulator::power_cycle() {
    streaming_ = false;
    rate_hz_ = kDefaultRateHz;
}

} // namespace algotest
