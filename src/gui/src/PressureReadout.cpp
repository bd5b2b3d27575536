#include "algogui/PressureReadout.h"

#include "BandedBlit.h"
#include "DigitCells.h"

#include <QFontMetricsF>
#include <QPaintEvent>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace algogui {

PressureReadout::PressureReadout(QWidget* parent)
    : QWidget(parent), cells_(std::make_unique<DigitCells>()) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAccessibleName(tr("Current pressure"));
    // The backdrop covers every pixel, so Qt need not paint the parent's background first.
    setAttribute(Qt::WA_OpaquePaintEvent);
}

PressureReadout::~PressureReadout() = default;

void PressureReadout::show_reading(const QString& number, const QString& unit_symbol,
                                   const BandStyle& style) {
    if (!message_ && number == number_ && unit_symbol == unit_ && style.word == style_.word) return;
    // Pages keep their readout current while another page is in front: then only remember.
    if (!isVisible()) {
        message_ = false;
        number_ = number;
        unit_ = unit_symbol;
        detail_.clear();
        style_ = style;
        backdrop_stale_ = true;
        described_.invalidate();
        return;
    }
    // Most frames change only the digits: repaint just their box over the cached backdrop.
    const bool digits_only = !message_ && unit_symbol == unit_ && style.word == style_.word &&
                             number.size() == number_.size() && !backdrop_.isNull();
    // Of the digits, only the cells whose character changed (usually the last one or two).
    const QRegion changed = digits_only ? changed_cells(number_, number) : QRegion();
    message_ = false;
    number_ = number;
    unit_ = unit_symbol;
    detail_.clear();
    style_ = style;
    // Assistive technology hears of a new state at once, of a new number once a second: a
    // description changing sixty times a second is noise to it and costs every frame.
    if (!digits_only || !described_.isValid() || described_.hasExpired(1000)) {
        setAccessibleDescription(number_ + QChar(' ') + unit_ + QStringLiteral(", ") + style_.word);
        described_.start();
    }
    if (digits_only) {
        update(changed);
    } else {
        backdrop_stale_ = true;
        update();
    }
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
    described_.start();
    backdrop_stale_ = true;
    update();
}

void PressureReadout::showEvent(QShowEvent* event) {
    if (!described_.isValid()) {
        setAccessibleDescription(message_ ? style_.word + QStringLiteral(", ") + detail_
                                          : number_ + QChar(' ') + unit_ + QStringLiteral(", ") +
                                                style_.word);
        described_.start();
    }
    QWidget::showEvent(event);
}

void PressureReadout::resizeEvent(QResizeEvent* event) {
    backdrop_stale_ = true;
    QWidget::resizeEvent(event);
}

void PressureReadout::paintEvent(QPaintEvent* event) {
    QPainter painter(this);
    if (backdrop_stale_ || backdrop_.isNull()) {
        draw_backdrop();
        backdrop_stale_ = false;
    }
    number_painted_ = !message_ && !number_.isEmpty();
    // The digits cover their whole box (see draw_number); the backdrop fills the rest.
    const QRegion rest =
        number_painted_ ? event->region() - digits_box_.toAlignedRect() : event->region();
    for (const QRect& rect : rest)
        blit_in_bands(painter, rect, backdrop_);
    if (number_painted_) draw_number(painter, event->region());
}

// Cells are laid out from the right edge of the digits box, each as wide as its character.
QRegion PressureReadout::changed_cells(const QString& before, const QString& after) {
    const QRect box = digits_box_.toAlignedRect();
    int total_before = 0;
    int total_after = 0;
    for (QChar c : before)
        total_before += cell_width(c);
    for (QChar c : after)
        total_after += cell_width(c);
    if (total_before != total_after || before.size() != after.size()) return box;
    QRegion changed;
    int x = box.right() + 1 - total_after;
    for (qsizetype i = 0; i < after.size(); ++i) {
        const int width = cell_width(after[i]);
        if (before[i] != after[i] || cell_width(before[i]) != width)
            changed += QRect(x, box.top(), width, box.height());
        x += width;
    }
    return changed;
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

int PressureReadout::cell_width(QChar c) {
    return cells_->cell(c, style_.colour).width;
}

// The number as a row of opaque cells on the state colour, right-aligned in the digits box;
// the box above and below the cells and left of the number is filled with the colour. Only
// what lies in the repainted region is drawn.
void PressureReadout::draw_number(QPainter& painter, const QRegion& dirty) {
    QFont number_font = font();
    number_font.setBold(true);
    number_font.setPixelSize(number_px_);
    cells_->set_font(number_font, devicePixelRatioF());
    const QRect box = digits_box_.toAlignedRect();
    const int cell_top = box.top() + (box.height() - cells_->height()) / 2;
    const QRect cells_row(box.left(), cell_top, box.width(), cells_->height());
    const QRect wanted = dirty.boundingRect() & box;
    for (const QRect& strip :
         {QRect(QPoint(box.left(), box.top()), QPoint(box.right(), cell_top - 1)),
          QRect(QPoint(box.left(), cells_row.bottom() + 1), box.bottomRight())}) {
        if (wanted.intersects(strip)) painter.fillRect(wanted & strip, style_.colour);
    }
    int total = 0;
    for (QChar c : number_)
        total += cell_width(c);
    int x = box.right() + 1 - total;
    const QRect left_of_number(box.left(), cell_top, x - box.left(), cells_->height());
    if (x > box.left() && wanted.intersects(left_of_number))
        painter.fillRect(wanted & left_of_number, style_.colour);
    for (QChar c : number_) {
        const DigitCells::Cell& cell = cells_->cell(c, style_.colour);
        const QRect at(x, cell_top, cell.width, cells_->height());
        if (dirty.intersects(at)) blit_in_bands(painter, at, cell.pixmap, at.topLeft());
        x += cell.width;
    }
}

} // namespace algogui
