#pragma once
// Copies a pixmap into a painter in bands of at most 64 rows. Qt's raster engine hands any
// blit of 96 rows or more to its thread pool; on a two-core machine the hand-over (a futex
// wake per band and a wait) costs more than the copy itself, and the live view blits every
// frame. Bands this short stay on the painting thread. Private to algogui.
#include <QPainter>
#include <QPixmap>
#include <QRect>
#include <algorithm>

namespace algogui {

inline constexpr int kBlitBandRows = 64;

/// Draws the part of `source` that falls inside `target`, the source's top-left corner
/// sitting at `source_at` (logical pixels).
inline void blit_in_bands(QPainter& painter, const QRect& target, const QPixmap& source,
                          QPoint source_at = {0, 0}) {
    const qreal dpr = source.devicePixelRatio();
    for (int top = target.top(); top <= target.bottom(); top += kBlitBandRows) {
        const QRect band(target.left(), top, target.width(),
                         std::min(kBlitBandRows, target.bottom() - top + 1));
        const QRectF from((band.left() - source_at.x()) * dpr, (band.top() - source_at.y()) * dpr,
                          band.width() * dpr, band.height() * dpr);
        painter.drawPixmap(QRectF(band), source, from);
    }
}

} // namespace algogui
