#pragma once
// How a band state looks: colour AND a word AND a shape, so it reads without colour vision.
#include <QColor>
#include <QString>

#include "algocore/protocols/PressureBand.h"

namespace algogui {

/// The look of one band state (or "no signal" when there is no sample yet).
struct BandStyle {
    QColor colour;
    QString word;   ///< "BELOW", "IN BAND", "ABOVE", "OVER LIMIT", "NO SIGNAL"
    QString shape;  ///< "▼", "●", "▲", "⚠", "–"
    QString label() const { return shape + QChar(' ') + word; }
};

BandStyle band_style(algocore::protocols::BandState state);
BandStyle no_signal_style();

}  // namespace algogui
