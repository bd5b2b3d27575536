#include "algogui/PressureReadout.h"

#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace algogui {

PressureReadout::PressureReadout(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAccessibleName(tr("Current pressure"));
    // The backdrop covers every pixel, so Qt need not paint the parent's background first.
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void PressureReadout::show_reading(const QString& number, const QString& unit_symbol,
                                   const BandStyle& style) {
    if (!message_ && number == number_ && unit_symbol == unit_ && style.word == style_.word) return;
    // Most frames change only the digits: repaint just their box over the cached backdrop.
    const bool digits_only = !message_ && unit_symbol == unit_ && style.word == style_.word &&
                             number.size() == number_.size() && !backdrop_.isNull();
    message_ = false;
    number_ = number;
    unit_ = unit_symbol;
    detail_.clear();
    style_ = style;
    setAccessibleDescription(number_ + QChar(' ') + unit_ + QStringLiteral(", ") + style_.word);
    if (digits_only)
        update(digits_box_.toAlignedRect().adjusted(-2, -2, 2, 2));
    else
        update();
}

void PressureReadout::show_message(const BandStyle& style, const QString& detail) {
    if (message_ && style.word == style_.word && detail == detail_ && style.colour == style_.colour)
        return;
    message_ = true;
    number_.clear();
    unit_.clear();
    detail_ = detail;
    style_ = style;
    setAccessibleDescription(style_.word + QStringLiteral(", ") + detail_);
    update();
}

QString PressureReadout::backdrop_key() const {
    if (message_) {
        return QStringLiteral("message %1x%2|%3|%4|%5")
            .arg(width())
            .arg(height())
            .arg(style_.label(), style_.colour.name(), detail_);
    }
    return QStringLiteral("%1x%2|%3|%4|%5|%6")
        .arg(width())
        .arg(height())
        .arg(unit_, style_.label(), style_.colour.name())
        .arg(number_.size());
}

void PressureReadout::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const QString key = backdrop_key();
    if (key != backdrop_key_ || backdrop_.isNull()) {
        draw_backdrop();
        backdrop_key_ = key;
    }
    painter.drawPixmap(0, 0, backdrop_);
    number_painted_ = !message_ && !number_.isEmpty();
    if (number_painted_) draw_number(painter, digits_box_, number_px_);
}

void PressureReadout::draw_backdrop() {
    const qreal ratio = devicePixelRatioF();
    backdrop_ = QPixmap(size() * ratio);
    backdrop_.setDevicePixelRatio(ratio);
    QPainter painter(&backdrop_);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.fillRect(QRectF(rect()), style_.colour);
    painter.setPen(Qt::white);
    if (message_)
        draw_message_backdrop(painter);
    else
        draw_reading_backdrop(painter);
}

void PressureReadout::draw_reading_backdrop(QPainter& painter) {
    const QRectF area = rect();
    // Number on the top ~70 %, state line below; unit beside the number.
    const QRectF number_box(area.left() + 12, area.top(), area.width() - 24, area.height() * 0.7);
    const QRectF state_box(area.left() + 8, number_box.bottom(), area.width() - 16,
                           area.height() - number_box.height());

    QFont unit_font = font();
    unit_font.setBold(true);
    unit_font.setPixelSize(std::max(12, static_cast<int>(number_box.height() * 0.2)));
    const double unit_width = QFontMetricsF(unit_font).horizontalAdvance(unit_) + 12;

    QFont number_font = font();
    number_font.setBold(true);
    int number_px = static_cast<int>(number_box.height() * 0.85);
    // Shrink until "8888" of the widest number fits beside the unit.
    const QString widest = number_.size() < 4 ? QStringLiteral("8888") : number_ + QChar('8');
    for (; number_px > 10; number_px -= 2) {
        number_font.setPixelSize(number_px);
        if (QFontMetricsF(number_font).horizontalAdvance(widest) + unit_width <= number_box.width())
            break;
    }
    number_px_ = number_px;
    digits_box_ = QRectF(number_box.left(), number_box.top(), number_box.width() - unit_width,
                         number_box.height());
    painter.setFont(unit_font);
    const QRectF unit_box(digits_box_.right() + 12, number_box.top(), unit_width,
                          number_box.height() * 0.72);
    painter.drawText(unit_box, Qt::AlignLeft | Qt::AlignBottom, unit_);

    QFont state_font = font();
    state_font.setBold(true);
    state_font.setPixelSize(std::max(12, static_cast<int>(state_box.height() * 0.62)));
    painter.setFont(state_font);
    painter.drawText(state_box, Qt::AlignCenter, style_.label());
}

// The state where the number would be, as large as fits, so "NO SIGNAL" reads from as far
// as the number did; the reason below it in the size of the state line.
void PressureReadout::draw_message_backdrop(QPainter& painter) {
    const QRectF area = QRectF(rect()).adjusted(12, 0, -12, 0);
    const QRectF headline_box(area.left(), area.top(), area.width(), area.height() * 0.7);
    const QRectF detail_box(area.left(), headline_box.bottom(), area.width(),
                            area.height() - headline_box.height());

    const QString headline = style_.label();
    QFont headline_font = font();
    headline_font.setBold(true);
    int px = static_cast<int>(headline_box.height() * 0.5);
    for (; px > 12; px -= 2) {
        headline_font.setPixelSize(px);
        if (QFontMetricsF(headline_font).horizontalAdvance(headline) <= headline_box.width()) break;
    }
    painter.setFont(headline_font);
    painter.drawText(headline_box, Qt::AlignCenter, headline);

    QFont detail_font = font();
    detail_font.setBold(true);
    int detail_px = std::max(12, static_cast<int>(detail_box.height() * 0.5));
    for (; detail_px > 12; --detail_px) {
        detail_font.setPixelSize(detail_px);
        if (QFontMetricsF(detail_font).horizontalAdvance(detail_) <= detail_box.width()) break;
    }
    painter.setFont(detail_font);
    painter.drawText(detail_box, Qt::AlignHCenter | Qt::AlignTop, detail_);
}

void PressureReadout::draw_number(QPainter& painter, const QRectF& box, int pixel_size) {
    QFont number_font = font();
    number_font.setBold(true);
    number_font.setPixelSize(pixel_size);
    if (pixel_size != glyphs_px_) {
        glyphs_.clear();
        glyphs_px_ = pixel_size;
    }
    const QFontMetricsF metrics(number_font);
    const qreal ratio = devicePixelRatioF();
    double total = 0.0;
    for (QChar c : number_)
        total += metrics.horizontalAdvance(c);
    double x = box.right() - total;
    const double top = box.center().y() - metrics.height() / 2.0;
    for (QChar c : number_) {
        const double advance = metrics.horizontalAdvance(c);
        auto it = glyphs_.find(c);
        if (it == glyphs_.end()) {
            // White on transparent: the panel colour shows through, whatever the state.
            QPixmap glyph(QSize(static_cast<int>(std::ceil(advance * ratio)) + 2,
                                static_cast<int>(std::ceil(metrics.height() * ratio)) + 2));
            glyph.setDevicePixelRatio(ratio);
            glyph.fill(Qt::transparent);
            QPainter glyph_painter(&glyph);
            glyph_painter.setRenderHint(QPainter::TextAntialiasing);
            glyph_painter.setFont(number_font);
            glyph_painter.setPen(Qt::white);
            glyph_painter.drawText(QPointF(0, metrics.ascent()), QString(c));
            glyph_painter.end();
            it = glyphs_.insert(c, glyph);
        }
        painter.drawPixmap(QPointF(x, top), *it);
        x += advance;
    }
}

} // namespace algogui
