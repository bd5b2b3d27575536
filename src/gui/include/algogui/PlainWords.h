#pragma once
// The words the pages use for measures whose technical names mean nothing to a clinician in
// front of a patient: one caption (short enough for the 1024 px layout) and one tooltip that
// says what the number is. Every page that shows the measure takes its words from here.
#include <QCoreApplication>
#include <QString>

namespace algogui {

struct PlainWords {
    const char* caption;
    const char* tooltip;
    QString caption_text() const { return QCoreApplication::translate("PlainWords", caption); }
    QString tooltip_text() const { return QCoreApplication::translate("PlainWords", tooltip); }
};

/// A hold's excursions: how often the pressure left the band.
inline constexpr PlainWords kLeftTheBand{
    "Band exits",
    "How many times the pressure went out of the band (above or below it) during the hold"};

/// A hold's pressure-time integral (PTI).
inline constexpr PlainWords kPressureTimesTime{
    "Pressure × time",
    "Pressure-time integral (PTI): the pressure added up over the time it was applied, in "
    "pressure units × seconds; the dose of pressure the point received"};

/// A hold's coefficient of variation.
inline constexpr PlainWords kSteadiness{
    "Steadiness (CV)",
    "Coefficient of variation: how much the pressure varied, as a percentage of its mean; "
    "lower is steadier"};

/// A threshold the subject has no stored value for (tolerance is often not measured).
inline constexpr const char* kNotMeasured = "not measured";

} // namespace algogui
