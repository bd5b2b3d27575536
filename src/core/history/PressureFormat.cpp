#include "algocore/history/PressureFormat.h"

#include <cmath>
#include <cstdio>

namespace algocore::history {

namespace {

// The GUI stores its unit choice under these keys; the CLI accepts them too, so a user can
// copy the key from the preferences file.
struct KeyedUnit {
    std::string_view key;
    algocal::PressureUnit unit;
};
constexpr KeyedUnit kGuiKeys[] = {
    {"kpa", algocal::PressureUnit::kKilopascal},
    {"kgf_cm2", algocal::PressureUnit::kKgfPerCm2},
    {"n_cm2", algocal::PressureUnit::kNewtonPerCm2},
    {"lbf_in2", algocal::PressureUnit::kLbfPerSquareInch},
};

} // namespace

std::string fixed(double value, int decimals) {
    // Never "-0": a value that rounds to zero is zero.
    if (std::fabs(value) < 0.5 * std::pow(10.0, -decimals)) value = 0.0;
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

PressureFormat::PressureFormat(algocal::PressureUnit unit) : unit_(unit) {}

std::optional<PressureFormat> PressureFormat::parse(std::string_view text) {
    for (const KeyedUnit& k : kGuiKeys)
        if (text == k.key) return PressureFormat(k.unit);
    if (const auto unit = algocal::parse_pressure_unit(text)) return PressureFormat(*unit);
    return std::nullopt;
}

double PressureFormat::value(double pressure_kpa) const {
    return algocal::from_kilopascals({pressure_kpa}, unit_);
}

int PressureFormat::decimals() const {
    switch (unit_) {
    case algocal::PressureUnit::kKilopascal: return 0;
    case algocal::PressureUnit::kKgfPerCm2: return 2;
    case algocal::PressureUnit::kNewtonPerCm2: return 1;
    case algocal::PressureUnit::kLbfPerSquareInch: return 1;
    }
    return 0;
}

std::string PressureFormat::symbol() const {
    return std::string(algocal::symbol(unit_));
}

std::string PressureFormat::number(double pressure_kpa) const {
    return fixed(value(pressure_kpa), decimals());
}

std::string PressureFormat::with_symbol(double pressure_kpa) const {
    return number(pressure_kpa) + " " + symbol();
}

std::string PressureFormat::signed_with_symbol(double change_kpa) const {
    const std::string magnitude = number(std::fabs(change_kpa));
    const bool zero = magnitude == fixed(0.0, decimals());
    const char* sign = zero ? "" : change_kpa > 0 ? "+" : "\u2212";
    return sign + magnitude + " " + symbol();
}

std::string PressureFormat::pti_with_symbol(double pti_kpa_s) const {
    return number(pti_kpa_s) + " " + symbol() + "\u00b7s";
}

} // namespace algocore::history
