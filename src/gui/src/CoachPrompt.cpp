#include "algogui/CoachPrompt.h"

#include <QCoreApplication>

#include "algogui/DisplayUnit.h"
#include "algogui/HoldTimerPanel.h"
#include "algogui/Theme.h"

namespace algogui {
namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("algogui::CoachPrompt", text);
}
} // namespace

QString CoachPrompt::words(const DisplayUnit& unit) const {
    if (!pressure_kpa) return text;
    return QString(text).arg(unit.format_with_symbol(*pressure_kpa));
}

CoachPrompt CoachPrompt::take_up_slack() {
    return {tr("▲ TAKE UP THE SLACK"), theme::kAbove, std::nullopt, true};
}

CoachPrompt CoachPrompt::release_felt() {
    return {tr("▲ RELEASE FELT: TAKE UP THE SLACK"), theme::kAbove, std::nullopt, true};
}

CoachPrompt CoachPrompt::step_up(double to_pressure_kpa) {
    return {tr("✔ STEPPED UP TO %1: HOLD"), theme::kInBand, to_pressure_kpa, true};
}

CoachPrompt CoachPrompt::over_limit() {
    return {tr("⚠ OVER LIMIT: EASE OFF"), theme::kOverLimit, std::nullopt, true};
}

CoachPrompt CoachPrompt::hold_complete() {
    return {tr("✔ HOLD COMPLETE: RELEASE"), theme::kInBand, std::nullopt, true};
}

CoachPrompt CoachPrompt::time_limit() {
    return {tr("⚠ MAXIMUM TIME: EASE OFF"), theme::kAbove, std::nullopt, true};
}

// Countdowns round up, so "0:00" never shows while time is left.
CoachPrompt CoachPrompt::stretch(double seconds_left) {
    return {tr("STRETCH NOW  %1").arg(format_minutes_seconds(seconds_left + 0.999)), theme::kBelow,
            std::nullopt, false};
}

CoachPrompt CoachPrompt::rest(double seconds_left, int next_hold, int holds) {
    return {tr("REST  %1 · then hold %2 of %3")
                .arg(format_minutes_seconds(seconds_left + 0.999))
                .arg(next_hold)
                .arg(holds),
            theme::kNotConnected, std::nullopt, false};
}

} // namespace algogui
