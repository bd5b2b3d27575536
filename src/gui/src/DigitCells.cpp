#include "DigitCells.h"

#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace algogui {

void DigitCells::set_font(const QFont& font, qreal pixel_ratio) {
    if (font == font_ && pixel_ratio == pixel_ratio_ && height_px_ > 0) return;
    font_ = font;
    pixel_ratio_ = pixel_ratio;
    const QFontMetricsF metrics(font_);
    height_px_ = static_cast<int>(std::ceil(metrics.height()));
    ascent_px_ = metrics.ascent();
    sets_.clear();
}

const DigitCells::Cell& DigitCells::cell(QChar c, const QColor& colour) {
    ColourSet& set = set_for(colour);
    if (c.unicode() < set.ascii.size()) {
        Cell& slot = set.ascii[c.unicode()];
        if (slot.width == 0) slot = render(c, colour);
        return slot;
    }
    auto it = set.other.find(c);
    if (it == set.other.end()) it = set.other.insert(c, render(c, colour));
    return *it;
}

DigitCells::ColourSet& DigitCells::set_for(const QColor& colour) {
    const QRgb rgb = colour.rgb();
    for (auto& set : sets_)
        if (set->colour == rgb) return *set;
    if (sets_.size() == kMaxColours) sets_.erase(sets_.begin());
    sets_.push_back(std::make_unique<ColourSet>());
    sets_.back()->colour = rgb;
    return *sets_.back();
}

DigitCells::Cell DigitCells::render(QChar c, const QColor& colour) const {
    const QFontMetricsF metrics(font_);
    const int width = std::max(1, static_cast<int>(std::ceil(metrics.horizontalAdvance(c))));
    QPixmap pixmap(QSize(static_cast<int>(std::ceil(width * pixel_ratio_)),
                         static_cast<int>(std::ceil(height_px_ * pixel_ratio_))));
    pixmap.setDevicePixelRatio(pixel_ratio_);
    pixmap.fill(colour);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.setFont(font_);
    painter.setPen(Qt::white);
    painter.drawText(QPointF(0, ascent_px_), QString(c));
    painter.end();
    return {pixmap, width};
}

} // namespace algogui
