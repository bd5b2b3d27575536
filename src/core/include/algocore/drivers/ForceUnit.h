#pragma once
// Force units that commercial gauges print, and their conversion to newtons.
#include <optional>
#include <string_view>

namespace algocore {

/// A force unit a gauge may report in.
enum class ForceUnit : unsigned char {
    Newton,
    Millinewton,
    Kilonewton,
    PoundForce,
    OunceForce,
    KilogramForce,
    GramForce
};

inline constexpr double kNewtonsPerPoundForce = 4.4482216;
inline constexpr double kNewtonsPerKilogramForce = 9.80665;

/// Newtons in one of `unit`.
double newtons_per(ForceUnit unit);

/// Parse a unit as gauges print it ("lbF", "LBF", "N", "mN", "kgf", "ozf", "gf", "kN"; any
/// case). "mN" and "MN" both mean millinewton: no hand-held gauge reads meganewtons.
std::optional<ForceUnit> parse_force_unit(std::string_view text);

/// Short canonical name ("N", "mN", "kN", "lbf", "ozf", "kgf", "gf").
std::string_view to_string(ForceUnit unit);

} // namespace algocore
