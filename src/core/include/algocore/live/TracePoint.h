#pragma once
// One point of a live trace: seconds on the session clock and the pressure in kPa. A break
// point (no pressure) ends one stretch of the trace: nothing is drawn between its neighbours,
// so a gap in the signal never looks like a slow release.
#include <cmath>
#include <limits>

namespace algocore::live {

struct TracePoint {
    double t_s = 0.0;
    double pressure_kpa = 0.0;

    static TracePoint break_at(double t_s) {
        return {t_s, std::numeric_limits<double>::quiet_NaN()};
    }
    bool is_break() const { return std::isnan(pressure_kpa); }
};

/// A button press or a manual mark on the trace.
struct TraceMarker {
    enum class Kind { OperatorButton, PatientButton, Mark };
    Kind kind = Kind::Mark;
    double t_s = 0.0;
    double pressure_kpa = 0.0;
};

} // namespace algocore::live
