#pragma once
// How a pressure is shown on screen: the unit the user chose, its symbol and a sensible
// number of decimals. Conversions come from algocal's units; this only formats.
#include <QString>

namespace algogui {

/// A pressure unit as the screen needs it.
struct DisplayUnit {
    QString key;          ///< stable id stored in the preferences ("kpa", "kgf_cm2", ...)
    QString symbol;       ///< "kPa", "kgf/cm²", ...
    double per_kpa = 1.0; ///< displayed value = pressure_kpa * per_kpa
    int decimals = 0;     ///< decimals that keep the readout steady but honest

    double from_kpa(double pressure_kpa) const { return pressure_kpa * per_kpa; }
    double to_kpa(double shown) const { return shown / per_kpa; }
    /// "123" / "1.25" — the number only.
    QString format(double pressure_kpa) const;
    /// "123 kPa".
    QString format_with_symbol(double pressure_kpa) const;
};

/// Every unit the user can pick, kPa first.
QList<DisplayUnit> display_units();
/// The unit with that key; kPa when the key is unknown (e.g. an old preferences file).
DisplayUnit display_unit(const QString& key);

} // namespace algogui
