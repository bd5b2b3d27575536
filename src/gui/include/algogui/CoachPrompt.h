#pragma once
// A treatment prompt as the coach view shows it: a few words in capitals on a coloured
// strip, read from across the room. The standard prompts of a sustained release are built
// here so their words, colours and glyphs are the same wherever they appear.
#include <QColor>
#include <QString>
#include <optional>

namespace algogui {

struct DisplayUnit;

/// One prompt: words, colour, and optionally a pressure shown in the chosen unit.
struct CoachPrompt {
    QString text; ///< capitals; "%1" is replaced by pressure_kpa in the chosen unit
    QColor colour;
    std::optional<double> pressure_kpa;
    /// Prompts about pressing (slack, step-up, over limit, hold complete) vanish when the
    /// probe leaves the skin; stretch and rest prompts are for that very time and stay.
    bool needs_contact = true;

    /// The words on screen, the pressure (if any) in `unit` with its symbol.
    QString words(const DisplayUnit& unit) const;

    bool operator==(const CoachPrompt& other) const = default;

    static CoachPrompt take_up_slack();
    /// The therapist marked "release felt" (key F, or the device's operator button).
    static CoachPrompt release_felt();
    /// A step-up was made (the rise settled at to_pressure_kpa): hold there.
    static CoachPrompt step_up(double to_pressure_kpa);
    static CoachPrompt over_limit();
    static CoachPrompt hold_complete();
    /// A hold until release reached its maximum time.
    static CoachPrompt time_limit();
    static CoachPrompt stretch(double seconds_left);
    static CoachPrompt rest(double seconds_left, int next_hold, int holds);
};

} // namespace algogui
