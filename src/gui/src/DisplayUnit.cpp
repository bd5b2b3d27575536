#include "algogui/DisplayUnit.h"

#include <QList>
#include <cmath>

#include "algocal/Units.h"

namespace algogui {
namespace {

struct UnitChoice {
    const char* key;
    algocal::PressureUnit unit;
    int decimals; // one step of the last digit is about 1 kPa or finer
};

constexpr UnitChoice kChoices[] = {
    {"kpa", algocal::PressureUnit::kKilopascal, 0},
    {"kgf_cm2", algocal::PressureUnit::kKgfPerCm2, 2},
    {"n_cm2", algocal::PressureUnit::kNewtonPerCm2, 1},
    {"lbf_in2", algocal::PressureUnit::kLbfPerSquareInch, 1},
};

DisplayUnit make(const UnitChoice& choice) {
    DisplayUnit unit;
    unit.key = QString::fromLatin1(choice.key);
    const std::string_view symbol = algocal::symbol(choice.unit);
    unit.symbol = QString::fromUtf8(symbol.data(), static_cast<qsizetype>(symbol.size()));
    unit.per_kpa = 1.0 / algocal::kilopascals_per(choice.unit);
    unit.decimals = choice.decimals;
    return unit;
}

} // namespace

QString DisplayUnit::format(double pressure_kpa) const {
    double shown = from_kpa(pressure_kpa);
    // Never show "-0": a tared probe at rest wobbles around zero.
    if (shown > -0.5 * std::pow(10.0, -decimals) && shown < 0) shown = 0.0;
    return QString::number(shown, 'f', decimals);
}

QString DisplayUnit::format_with_symbol(double pressure_kpa) const {
    return format(pressure_kpa) + QChar(' ') + symbol;
}

QList<DisplayUnit> display_units() {
    QList<DisplayUnit> units;
    for (const UnitChoice& choice : kChoices)
        units.append(make(choice));
    return units;
}

DisplayUnit display_unit(const QString& key) {
    for (const UnitChoice& choice : kChoices) {
        if (key == QLatin1String(choice.key)) return make(choice);
    }
    return make(kChoices[0]);
}

} // namespace algogui
