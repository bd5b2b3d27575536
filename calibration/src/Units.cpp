#include "algocal/Units.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace algocal {
namespace {

// Lower-case ASCII copy without surrounding spaces; UTF-8 bytes pass through unchanged.
std::string normalised(std::string_view text) {
    auto is_space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    while (!text.empty() && is_space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && is_space(text.back()))
        text.remove_suffix(1);
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](char c) {
        return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    });
    return out;
}

} // namespace

std::string_view symbol(ForceUnit unit) {
    switch (unit) {
    case ForceUnit::kNewton: return "N";
    case ForceUnit::kKilogramForce: return "kgf";
    case ForceUnit::kPoundForce: return "lbf";
    case ForceUnit::kMillinewton: return "mN";
    case ForceUnit::kKilonewton: return "kN";
    case ForceUnit::kOunceForce: return "ozf";
    case ForceUnit::kGramForce: return "gf";
    }
    return "?";
}

std::string_view symbol(PressureUnit unit) {
    switch (unit) {
    case PressureUnit::kKilopascal: return "kPa";
    case PressureUnit::kKgfPerCm2: return "kgf/cm\u00b2";
    case PressureUnit::kNewtonPerCm2: return "N/cm\u00b2";
    case PressureUnit::kLbfPerSquareInch: return "lbf/in\u00b2";
    }
    return "?";
}

std::string_view name(ForceUnit unit) {
    switch (unit) {
    case ForceUnit::kNewton: return "newton";
    case ForceUnit::kKilogramForce: return "kilogram-force";
    case ForceUnit::kPoundForce: return "pound-force";
    case ForceUnit::kMillinewton: return "millinewton";
    case ForceUnit::kKilonewton: return "kilonewton";
    case ForceUnit::kOunceForce: return "ounce-force";
    case ForceUnit::kGramForce: return "gram-force";
    }
    return "?";
}

std::string_view name(PressureUnit unit) {
    switch (unit) {
    case PressureUnit::kKilopascal: return "kilopascal";
    case PressureUnit::kKgfPerCm2: return "kilogram-force per square centimetre";
    case PressureUnit::kNewtonPerCm2: return "newton per square centimetre";
    case PressureUnit::kLbfPerSquareInch: return "pound-force per square inch";
    }
    return "?";
}

std::optional<ForceUnit> parse_force_unit(std::string_view text) {
    const std::string s = normalised(text);
    if (s == "n" || s == "newton" || s == "newtons") return ForceUnit::kNewton;
    if (s == "kgf" || s == "kg" || s == "kilogram-force" || s == "kp")
        return ForceUnit::kKilogramForce;
    if (s == "lbf" || s == "lb" || s == "lbs" || s == "pound-force") return ForceUnit::kPoundForce;
    if (s == "mn" || s == "millinewton" || s == "millinewtons") return ForceUnit::kMillinewton;
    if (s == "kn" || s == "kilonewton" || s == "kilonewtons") return ForceUnit::kKilonewton;
    if (s == "ozf" || s == "oz" || s == "ounce-force") return ForceUnit::kOunceForce;
    if (s == "gf" || s == "g" || s == "gram-force") return ForceUnit::kGramForce;
    return std::nullopt;
}

std::optional<PressureUnit> parse_pressure_unit(std::string_view text) {
    const std::string s = normalised(text);
    for (PressureUnit unit : kAllPressureUnits) {
        if (s == normalised(symbol(unit)) || s == name(unit)) return unit;
    }
    if (s == "kgf/cm2" || s == "kg/cm2" || s == "kg/cm\u00b2") return PressureUnit::kKgfPerCm2;
    if (s == "n/cm2") return PressureUnit::kNewtonPerCm2;
    if (s == "lbf/in2" || s == "psi" || s == "lb/in2") return PressureUnit::kLbfPerSquareInch;
    return std::nullopt;
}

} // namespace algocal
