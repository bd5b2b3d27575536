#pragma once
// Named quick presets for the target editor (the targets themselves are algocore's).
#include <QList>
#include <QString>

#include "algocore/live/LiveTargets.h"

namespace algogui {

/// A named quick preset for the target editor.
struct TargetPreset {
    QString name;
    algocore::live::LiveTargets targets;
};

/// Built-in presets (gentle/moderate/firm trigger-point release, dosage training).
QList<TargetPreset> target_presets();

} // namespace algogui
