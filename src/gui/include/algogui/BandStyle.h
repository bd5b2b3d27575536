#pragma once
// How a band state looks: colour AND a word AND a shape, so it reads without colour vision.
// Also the looks of the states without a number (no signal, not connected).
#include <QColor>
#include <QString>

#include "algocore/protocols/Prescription.h"
#include "algocore/protocols/PressureBand.h"
#include "algogui/LiveState.h"

namespace algogui {

/// The look of one band state (or of a state with no number: "no signal", "not connected").
struct BandStyle {
    QColor colour;
    QString word;  ///< "BELOW", "IN BAND", "ABOVE", "OVER LIMIT", "NO SIGNAL", ...
    QString shape; ///< "▼", "●", "▲", "⚠", "–", ...
    QString label() const { return shape + QChar(' ') + word; }
};

BandStyle band_style(algocore::protocols::BandState state);
/// The device is open but nothing fresh arrives (link lost, reconnecting, silent device).
BandStyle no_signal_style();
/// No device open (never connected, disconnected by the user, or the connection failed).
BandStyle not_connected_style();
/// A live number but no target band to judge it against.
BandStyle no_band_style();
/// A live number, but the band is relative to a threshold the point has none stored of:
/// "NO PPT STORED", "NO TOLERANCE STORED". Never NO SIGNAL: the signal is fine.
BandStyle no_threshold_style(algocore::protocols::StoredThreshold missing);
/// The look of a state without a live number (NoSignal or NotConnected).
BandStyle signal_style(SignalState state);

/// The link in a few words, for the line under NO SIGNAL and the coach view:
/// "connecting…", "reconnecting…", "device disconnected", "connection failed", ...
QString link_words(LinkState link);

} // namespace algogui
