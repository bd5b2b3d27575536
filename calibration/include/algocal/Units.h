#pragma once
// Force and pressure units: the one table of conversion factors. Everything inside the program
// is newtons and kilopascals; other units exist only at the edges (display, entry of reference
// loads, what a commercial gauge prints, export), converted here and nowhere else.
#include <array>
#include <optional>
#include <string_view>

namespace algocal {

/// Newtons in one kilogram-force (standard gravity, exact by definition).
inline constexpr double kNewtonsPerKgf = 9.80665;
/// Newtons in one pound-force: 0.45359237 kg × standard gravity = 4.4482216152605 N, exact by
/// definition (the double product equals the decimal 4.4482216152605; UnitsTest checks it).
inline constexpr double kNewtonsPerLbf = 0.45359237 * kNewtonsPerKgf;
/// Square centimetres in one square inch (2.54² exactly).
inline constexpr double kSquareCmPerSquareInch = 6.4516;
/// 1 N/cm² = 10 kPa (1 cm² = 1e-4 m², so 1 N/cm² = 1e4 Pa).
inline constexpr double kKpaPerNewtonPerCm2 = 10.0;
/// The standard algometer probe: a flat 1 cm² rubber tip.
inline constexpr double kStandardProbeAreaCm2 = 1.0;

/// Units a force can be entered, shown or printed by a gauge in.
enum class ForceUnit {
    kNewton,
    kKilogramForce,
    kPoundForce,
    kMillinewton,
    kKilonewton,
    kOunceForce, ///< 1/16 lbf
    kGramForce,  ///< 1/1000 kgf
};
/// Units a pressure can be entered or shown in.
enum class PressureUnit { kKilopascal, kKgfPerCm2, kNewtonPerCm2, kLbfPerSquareInch };

inline constexpr std::array<ForceUnit, 7> kAllForceUnits{
    ForceUnit::kNewton,      ForceUnit::kKilogramForce, ForceUnit::kPoundForce,
    ForceUnit::kMillinewton, ForceUnit::kKilonewton,    ForceUnit::kOunceForce,
    ForceUnit::kGramForce};
inline constexpr std::array<PressureUnit, 4> kAllPressureUnits{
    PressureUnit::kKilopascal, PressureUnit::kKgfPerCm2, PressureUnit::kNewtonPerCm2,
    PressureUnit::kLbfPerSquareInch};

/// A force in newtons: the only force type that crosses module boundaries.
struct Newtons {
    double value = 0.0;
};
/// A pressure in kilopascals.
struct Kilopascals {
    double value = 0.0;
};

/// Newtons in one `unit`.
constexpr double newtons_per(ForceUnit unit) {
    switch (unit) {
    case ForceUnit::kNewton: return 1.0;
    case ForceUnit::kKilogramForce: return kNewtonsPerKgf;
    case ForceUnit::kPoundForce: return kNewtonsPerLbf;
    case ForceUnit::kMillinewton: return 1e-3;
    case ForceUnit::kKilonewton: return 1e3;
    case ForceUnit::kOunceForce: return kNewtonsPerLbf / 16.0;
    case ForceUnit::kGramForce: return kNewtonsPerKgf / 1000.0;
    }
    return 1.0;
}

/// Kilopascals in one `unit`.
constexpr double kilopascals_per(PressureUnit unit) {
    switch (unit) {
    case PressureUnit::kKilopascal: return 1.0;
    case PressureUnit::kKgfPerCm2: return kNewtonsPerKgf * kKpaPerNewtonPerCm2;
    case PressureUnit::kNewtonPerCm2: return kKpaPerNewtonPerCm2;
    case PressureUnit::kLbfPerSquareInch:
        return kNewtonsPerLbf / kSquareCmPerSquareInch * kKpaPerNewtonPerCm2;
    }
    return 1.0;
}

/// A force given in `unit` as newtons.
constexpr Newtons to_newtons(double amount, ForceUnit unit) {
    return {amount * newtons_per(unit)};
}
/// A force in newtons expressed in `unit`.
constexpr double from_newtons(Newtons force, ForceUnit unit) {
    return force.value / newtons_per(unit);
}
/// A pressure given in `unit` as kilopascals.
constexpr Kilopascals to_kilopascals(double amount, PressureUnit unit) {
    return {amount * kilopascals_per(unit)};
}
/// A pressure in kilopascals expressed in `unit`.
constexpr double from_kilopascals(Kilopascals pressure, PressureUnit unit) {
    return pressure.value / kilopascals_per(unit);
}

/// Pressure under a probe of `probe_area_cm2` pressed with `force`. The area must be > 0.
constexpr Kilopascals pressure_from_force(Newtons force, double probe_area_cm2) {
    return {force.value / probe_area_cm2 * kKpaPerNewtonPerCm2};
}
/// Force that gives `pressure` under a probe of `probe_area_cm2`.
constexpr Newtons force_from_pressure(Kilopascals pressure, double probe_area_cm2) {
    return {pressure.value * probe_area_cm2 / kKpaPerNewtonPerCm2};
}

/// Display symbol: "N", "kgf", "lbf", "mN", "kN", "ozf", "gf".
std::string_view symbol(ForceUnit unit);
/// Display symbol: "kPa", "kgf/cm²", "N/cm²", "lbf/in²" (UTF-8).
std::string_view symbol(PressureUnit unit);
/// Spelled-out name for menus: "newton", "kilogram-force", "pound-force".
std::string_view name(ForceUnit unit);
/// Spelled-out name for menus: "kilopascal", "kilogram-force per square centimetre", ...
std::string_view name(PressureUnit unit);

/// Parses a symbol or name, case-insensitive, ignoring surrounding spaces. Accepts the
/// display symbols, plain-ASCII spellings ("kgf/cm2", "psi", "kgf", "kg", "lb", "newton") and
/// what gauges print ("lbF", "ozf", "gf", "mN"; "MN" is a millinewton too: no hand-held gauge
/// reads meganewtons).
std::optional<ForceUnit> parse_force_unit(std::string_view text);
std::optional<PressureUnit> parse_pressure_unit(std::string_view text);

} // namespace algocal
