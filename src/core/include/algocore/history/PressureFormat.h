#pragma once
// How the history and the report write a pressure: in the unit the user chose, with as many
// decimals as the screen shows for it (one step of the last digit is about 1 kPa or finer).
// Stored values are kPa; only the text changes.
#include <optional>
#include <string>
#include <string_view>

#include "algocal/Units.h"

namespace algocore::history {

class PressureFormat {
public:
    PressureFormat() = default;
    explicit PressureFormat(algocal::PressureUnit unit);

    /// "kpa", "kgf/cm2", "kgf_cm2" (the GUI's keys), "N/cm²", "psi", ...; nullopt if unknown.
    static std::optional<PressureFormat> parse(std::string_view text);

    algocal::PressureUnit unit() const { return unit_; }
    /// The pressure in this unit.
    double value(double pressure_kpa) const;
    /// Decimals written for this unit.
    int decimals() const;
    /// "kPa", "kgf/cm²", "N/cm²", "lbf/in²" (UTF-8).
    std::string symbol() const;
    /// The number only: "312", "3.18" (never "-0").
    std::string number(double pressure_kpa) const;
    /// "312 kPa".
    std::string with_symbol(double pressure_kpa) const;
    /// A change with its sign: "+47 kPa", "−12 kPa" (U+2212), "0 kPa".
    std::string signed_with_symbol(double change_kpa) const;
    /// A pressure-time integral: "3750 kPa·s".
    std::string pti_with_symbol(double pti_kpa_s) const;

private:
    algocal::PressureUnit unit_ = algocal::PressureUnit::kKilopascal;
};

/// "12.5" with `decimals` decimals, in the C locale.
std::string fixed(double value, int decimals);

} // namespace algocore::history
