#include "algocore/drivers/ForceUnit.h"

#include <cctype>
#include <string>

namespace algocore {

double newtons_per(ForceUnit unit) {
    switch (unit) {
    case ForceUnit::Newton: return 1.0;
    case ForceUnit::Millinewton: return 1e-3;
    case ForceUnit::Kilonewton: return 1e3;
    case ForceUnit::PoundForce: return kNewtonsPerPoundForce;
    case ForceUnit::OunceForce: return kNewtonsPerPoundForce / 16.0;
    case ForceUnit::KilogramForce: return kNewtonsPerKilogramForce;
    case ForceUnit::GramForce: return kNewtonsPerKilogramForce / 1000.0;
    }
    return 1.0;
}

std::optional<ForceUnit> parse_force_unit(std::string_view text) {
    std::string lower;
    for (char c : text)
        lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (lower == "n") return ForceUnit::Newton;
    if (lower == "mn") return ForceUnit::Millinewton;
    if (lower == "kn") return ForceUnit::Kilonewton;
    if (lower == "lbf" || lower == "lb") return ForceUnit::PoundForce;
    if (lower == "ozf" || lower == "oz") return ForceUnit::OunceForce;
    if (lower == "kgf" || lower == "kg") return ForceUnit::KilogramForce;
    if (lower == "gf" || lower == "g") return ForceUnit::GramForce;
    return std::nullopt;
}

std::string_view to_string(ForceUnit unit) {
    switch (unit) {
    case ForceUnit::Newton: return "N";
    case ForceUnit::Millinewton: return "mN";
    case ForceUnit::Kilonewton: return "kN";
    case ForceUnit::PoundForce: return "lbf";
    case ForceUnit::OunceForce: return "ozf";
    case ForceUnit::KilogramForce: return "kgf";
    case ForceUnit::GramForce: return "gf";
    }
    return "?";
}

} // namespace algocore
