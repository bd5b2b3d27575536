#include "algogui/TargetPresets.h"

namespace algogui {

QList<TargetPreset> target_presets() {
    // Typical trigger-point release dosages on a 1 cm² tip; a starting point the
    // therapist adjusts, not a prescription.
    return {
        {QStringLiteral("Gentle release 150–250 kPa, 90 s"), {150, 250, 400, 90, 0.5, 40, 12}},
        {QStringLiteral("Moderate release 250–350 kPa, 60 s"), {250, 350, 500, 60, 0.5, 50, 15}},
        {QStringLiteral("Firm release 350–450 kPa, 45 s"), {350, 450, 600, 45, 0.5, 60, 20}},
        {QStringLiteral("Dosage training 200–300 kPa, 30 s"), {200, 300, 450, 30, 0.3, 50, 15}},
    };
}

} // namespace algogui
