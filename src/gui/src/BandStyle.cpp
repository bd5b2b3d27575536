#include "algogui/BandStyle.h"

#include <QCoreApplication>

#include "algogui/Theme.h"

namespace algogui {

using algocore::protocols::BandState;

BandStyle band_style(BandState state) {
    switch (state) {
    case BandState::Below: return {theme::kBelow, QStringLiteral("BELOW"), QStringLiteral("▼")};
    case BandState::InBand: return {theme::kInBand, QStringLiteral("IN BAND"), QStringLiteral("●")};
    case BandState::Above: return {theme::kAbove, QStringLiteral("ABOVE"), QStringLiteral("▲")};
    case BandState::OverLimit:
        return {theme::kOverLimit, QStringLiteral("OVER LIMIT"), QStringLiteral("⚠")};
    }
    return no_signal_style();
}

BandStyle no_signal_style() {
    return {theme::kNoSignal, QStringLiteral("NO SIGNAL"), QStringLiteral("✕")};
}

BandStyle not_connected_style() {
    return {theme::kNotConnected, QStringLiteral("NOT CONNECTED"), QStringLiteral("○")};
}

BandStyle no_band_style() {
    return {theme::kNoSignal, QStringLiteral("NO TARGET"), QStringLiteral("–")};
}

BandStyle no_threshold_style(algocore::protocols::StoredThreshold missing) {
    return {theme::kNotConnected,
            missing == algocore::protocols::StoredThreshold::Ppt
                ? QStringLiteral("NO PPT STORED")
                : QStringLiteral("NO TOLERANCE STORED"),
            QStringLiteral("?")};
}

BandStyle signal_style(SignalState state) {
    return state == SignalState::NotConnected ? not_connected_style() : no_signal_style();
}

QString link_words(LinkState link) {
    switch (link) {
    case LinkState::NotConnected:
        return QCoreApplication::translate("algogui", "not connected: choose a device");
    case LinkState::Connecting: return QCoreApplication::translate("algogui", "connecting…");
    case LinkState::Connected:
        return QCoreApplication::translate("algogui", "no samples from the device");
    case LinkState::Reconnecting:
        return QCoreApplication::translate("algogui", "device lost: reconnecting…");
    case LinkState::Disconnected:
        return QCoreApplication::translate("algogui", "device disconnected");
    case LinkState::Failed: return QCoreApplication::translate("algogui", "connection failed");
    }
    return {};
}

} // namespace algogui
