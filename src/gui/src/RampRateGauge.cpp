#include "algogui/RampRateGauge.h"

#include <QPainter>
#include <algorithm>
#include <cmath>

#include "algogui/Theme.h"

namespace algogui {

RampRateGauge::RampRateGauge(QWidget* parent) : QWidget(parent), unit_(display_unit("kpa")) {
    setAccessibleName(tr("Ramp rate"));
    // The panel colour covers every pixel: nothing behind it needs painting first.
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void RampRateGauge::set_unit(const DisplayUnit& unit) {
    unit_ = unit;
    shown_.clear();
    update();
}

void RampRateGauge::set_target(double rate_kpa_s, double tolerance_kpa_s) {
    target_kpa_s_ = rate_kpa_s;
    tolerance_kpa_s_ = tolerance_kpa_s;
    shown_.clear();
    update();
}

void RampRateGauge::show_rate(std::optional<double> rate_kpa_s, bool ramping) {
    // The rate is written with the unit's decimals (1 kPa/s); needle and verdict follow the
    // number shown, so nothing is repainted until the text would change.
    const std::optional<double> shown_kpa_s =
        rate_kpa_s ? std::optional(unit_.to_kpa(unit_.format(*rate_kpa_s).toDouble()))
                   : std::nullopt;
    if (shown_kpa_s == rate_kpa_s_ && ramping == ramping_ && !shown_.isEmpty()) return;
    rate_kpa_s_ = shown_kpa_s;
    ramping_ = ramping;
    shown_ = rate_text();
    update();
}

QString RampRateGauge::rate_text() const {
    const QString per_s = unit_.symbol + QStringLiteral("/s");
    const QString target = QStringLiteral("target %1 ± %2")
                               .arg(unit_.format(target_kpa_s_), unit_.format(tolerance_kpa_s_));
    if (!rate_kpa_s_) return QStringLiteral("— %1   (%2)").arg(per_s, target);
    return QStringLiteral("%1 %2   (%3)").arg(unit_.format(*rate_kpa_s_), per_s, target);
}

QString RampRateGauge::caption_text() const {
    return tr("Ramp rate  ") + rate_text();
}

// 18 px where there is room; smaller (down to 13 px) in a narrow column, so the target is
// not cut off. Only below that is the end elided.
QFont RampRateGauge::caption_font() const {
    QFont caption = font();
    caption.setBold(true);
    const QString text = caption_text();
    int px = 18;
    for (; px > 13; --px) {
        caption.setPixelSize(px);
        if (QFontMetrics(caption).horizontalAdvance(text) <= width() - 16) break;
    }
    caption.setPixelSize(px);
    return caption;
}

bool RampRateGauge::caption_fits() const {
    return QFontMetrics(caption_font()).horizontalAdvance(caption_text()) <= width() - 16;
}

QString RampRateGauge::verdict_text() const {
    if (!rate_kpa_s_) return {};
    if (!ramping_) return tr("no ramp under way");
    if (*rate_kpa_s_ < target_kpa_s_ - tolerance_kpa_s_) return tr("▼ slow");
    if (*rate_kpa_s_ > target_kpa_s_ + tolerance_kpa_s_) return tr("▲ fast");
    return tr("● on target");
}

void RampRateGauge::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), theme::kPanel);

    painter.setFont(caption_font());
    painter.setPen(theme::kText);
    const QRectF text_box(8, 2, width() - 16, 26);
    painter.drawText(text_box, Qt::AlignLeft | Qt::AlignVCenter,
                     painter.fontMetrics().elidedText(caption_text(), Qt::ElideRight,
                                                      static_cast<int>(text_box.width())));

    // Scale from 0 to twice the target, the acceptable zone shaded green.
    const QRectF scale(12, 34, width() - 24, std::max(16.0, height() - 62.0));
    const double top_kpa_s = std::max(1.0, 2.0 * target_kpa_s_);
    auto x_of = [&](double kpa_s) {
        return scale.left() + scale.width() * std::clamp(kpa_s / top_kpa_s, 0.0, 1.0);
    };
    painter.fillRect(scale, Qt::white);
    const QRectF zone(QPointF(x_of(target_kpa_s_ - tolerance_kpa_s_), scale.top()),
                      QPointF(x_of(target_kpa_s_ + tolerance_kpa_s_), scale.bottom()));
    painter.fillRect(zone, theme::kBandFill);
    painter.setPen(QPen(theme::kInBand, 2));
    painter.drawLine(QPointF(x_of(target_kpa_s_), scale.top()),
                     QPointF(x_of(target_kpa_s_), scale.bottom()));
    painter.setPen(QPen(theme::kText, 1));
    painter.drawRect(scale);

    if (rate_kpa_s_) {
        const bool on_target = std::abs(*rate_kpa_s_ - target_kpa_s_) <= tolerance_kpa_s_;
        const double x = x_of(*rate_kpa_s_);
        painter.setPen(QPen(!ramping_   ? theme::kNoSignal
                            : on_target ? theme::kInBand
                                        : theme::kAbove,
                            6));
        painter.drawLine(QPointF(x, scale.top() - 4), QPointF(x, scale.bottom() + 4));
    }
    painter.setPen(theme::kText);
    painter.drawText(QRectF(8, scale.bottom() + 2, width() - 16, 26), Qt::AlignCenter,
                     verdict_text());
}

} // namespace algogui
