#include "algogui/BandStyle.h"

#include "algogui/Theme.h"

namespace algogui {

using algocore::protocols::BandState;

BandStyle band_style(BandState state) {
    switch (state) {
    case BandState::Below: return {theme::kBelow, QStringLiteral("BELOW"), QStringLiteral("▼")};
    case BandState::InBand:
        return {theme::kInBand, QStringLiteral("IN BAND"), QStringLiteral("●")};
    case BandState::Above: return {theme::kAbove, QStringLiteral("ABOVE"), QStringLiteral("▲")};
    case BandState::OverLimit:
        return {theme::kOverLimit, QStringLiteral("OVER LIMIT"), QStringLiteral("⚠")};
    }
    return no_signal_style();
}

BandStyle no_signal_style() {
    return {theme::kNoSignal, QStringLiteral("NO SIGNAL"), QStringLiteral("–")};
}

}  // namespace algogui
