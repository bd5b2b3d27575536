#include "algocore/protocols/RampCorridor.h"

#include <algorithm>
#include <cmath>

namespace algocore::protocols {

double RampCorridor::target_kpa(double t_s) const {
    return start_kpa + target_kpa_s * std::max(0.0, t_s - start_t_s);
}

double RampCorridor::lower_kpa(double t_s) const {
    return start_kpa + (target_kpa_s - tolerance_kpa_s) * std::max(0.0, t_s - start_t_s) -
           slack_kpa;
}

double RampCorridor::upper_kpa(double t_s) const {
    return start_kpa + (target_kpa_s + tolerance_kpa_s) * std::max(0.0, t_s - start_t_s) +
           slack_kpa;
}

bool RampCorridor::contains(double t_s, double pressure_kpa) const {
    return pressure_kpa >= lower_kpa(t_s) && pressure_kpa <= upper_kpa(t_s);
}

bool RampCorridor::rate_within(double rate_kpa_s) const {
    return std::fabs(rate_kpa_s - target_kpa_s) <= tolerance_kpa_s;
}

} // namespace algocore::protocols
