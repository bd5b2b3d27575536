#include "algogui/reliability/BlandAltmanPlot.h"

#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>
#include <algorithm>
#include <cmath>

#include "algogui/training/NiceStep.h"

namespace algogui {

namespace {

const QColor kInk(0x22, 0x22, 0x22);
const QColor kGrid(0xdd, 0xdd, 0xdd);
const QColor kPoint(0x1f, 0x5f, 0xa8);
const QColor kBias(0x1f, 0x5f, 0xa8);
const QColor kLimit(0xb3, 0x3c, 0x2a);

// Range of values padded by 8 % so points do not sit on the frame.
std::pair<double, double> padded(double low, double high) {
    if (high <= low) {
        low -= 1.0;
        high += 1.0;
    }
    const double pad = 0.08 * (high - low);
    return {low - pad, high + pad};
}

QString number(double x) {
    return QString::number(x, 'f', std::fabs(x) < 10 ? 2 : 1);
}

} // namespace

BlandAltmanPlot::BlandAltmanPlot(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("BlandAltmanPlot"));
    message_ = tr("Bland-Altman needs exactly two raters or sessions, or a chosen pair.");
}

void BlandAltmanPlot::set_agreement(const algocore::analysis::BlandAltman& agreement,
                                    const QString& unit) {
    agreement_ = agreement;
    unit_ = unit;
    update();
}

void BlandAltmanPlot::clear(const QString& message) {
    agreement_.reset();
    message_ = message;
    update();
}

void BlandAltmanPlot::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), Qt::white);
    paint(painter, QRectF(rect()));
}

void BlandAltmanPlot::paint(QPainter& p, const QRectF& area) const {
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    QFont font = p.font();
    font.setPixelSize(std::clamp(static_cast<int>(area.height() / 26), 11, 15));
    p.setFont(font);
    const QFontMetricsF fm(font);
    if (!agreement_) {
        p.setPen(kInk);
        p.drawText(area.adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap, message_);
        p.restore();
        return;
    }
    const auto& ba = *agreement_;
    const QString first = QString::fromStdString(ba.first_rater);
    const QString second = QString::fromStdString(ba.second_rater);
    // Frame: room for tick labels on the left, the axis title below and the title above.
    const double left = fm.horizontalAdvance(QStringLiteral("-0000.0")) + fm.height() + 10;
    const QRectF frame = area.adjusted(left, fm.height() * 1.8,
                                       -fm.horizontalAdvance(QStringLiteral("+1.96 SD 000.0")) - 8,
                                       -fm.height() * 2.6);

    double x_low = 1e300, x_high = -1e300;
    double y_low = std::min({ba.loa_low_ci.low, 0.0}),
           y_high = std::max({ba.loa_high_ci.high, 0.0});
    for (const auto& pt : ba.points) {
        x_low = std::min(x_low, pt.mean);
        x_high = std::max(x_high, pt.mean);
        y_low = std::min(y_low, pt.difference);
        y_high = std::max(y_high, pt.difference);
    }
    std::tie(x_low, x_high) = padded(x_low, x_high);
    std::tie(y_low, y_high) = padded(y_low, y_high);
    const auto px = [&](double x) {
        return frame.left() + (x - x_low) / (x_high - x_low) * frame.width();
    };
    const auto py = [&](double y) {
        return frame.bottom() - (y - y_low) / (y_high - y_low) * frame.height();
    };

    // Grid and tick labels.
    p.setPen(QPen(kGrid, 1));
    const double x_step = nice_step(x_high - x_low, 6);
    const double y_step = nice_step(y_high - y_low, 6);
    for (double x = std::ceil(x_low / x_step) * x_step; x <= x_high; x += x_step) {
        p.setPen(QPen(kGrid, 1));
        p.drawLine(QPointF(px(x), frame.top()), QPointF(px(x), frame.bottom()));
        p.setPen(kInk);
        p.drawText(QRectF(px(x) - 40, frame.bottom() + 2, 80, fm.height()),
                   Qt::AlignHCenter | Qt::AlignTop, QString::number(x, 'g', 6));
    }
    for (double y = std::ceil(y_low / y_step) * y_step; y <= y_high; y += y_step) {
        p.setPen(QPen(kGrid, 1));
        p.drawLine(QPointF(frame.left(), py(y)), QPointF(frame.right(), py(y)));
        p.setPen(kInk);
        p.drawText(QRectF(area.left(), py(y) - fm.height() / 2, left - 6, fm.height()),
                   Qt::AlignRight | Qt::AlignVCenter, QString::number(y, 'g', 6));
    }

    // Interval bands first, lines over them.
    const auto band = [&](const algocore::analysis::Interval& i, QColor colour) {
        colour.setAlpha(40);
        p.fillRect(QRectF(QPointF(frame.left(), py(i.high)), QPointF(frame.right(), py(i.low))),
                   colour);
    };
    band(ba.bias_ci, kBias);
    band(ba.loa_low_ci, kLimit);
    band(ba.loa_high_ci, kLimit);
    p.setPen(QPen(kInk, 1));
    p.drawLine(QPointF(frame.left(), py(0)), QPointF(frame.right(), py(0)));
    const auto line = [&](double y, QColor colour, Qt::PenStyle style, const QString& label) {
        p.setPen(QPen(colour, 2, style));
        p.drawLine(QPointF(frame.left(), py(y)), QPointF(frame.right(), py(y)));
        p.drawText(QPointF(frame.right() + 6, py(y) + fm.ascent() / 2 - 1), label);
    };
    const QString z = QString::number(ba.z, 'g', 3);
    line(ba.bias, kBias, Qt::SolidLine, tr("bias %1").arg(number(ba.bias)));
    line(ba.loa_high, kLimit, Qt::DashLine, tr("+%1 SD %2").arg(z, number(ba.loa_high)));
    line(ba.loa_low, kLimit, Qt::DashLine, tr("-%1 SD %2").arg(z, number(ba.loa_low)));

    p.setPen(Qt::NoPen);
    p.setBrush(kPoint);
    for (const auto& pt : ba.points)
        p.drawEllipse(QPointF(px(pt.mean), py(pt.difference)), 3.5, 3.5);

    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(kInk, 1));
    p.drawRect(frame);
    p.drawText(QRectF(frame.left(), area.top(), frame.width(), fm.height() * 1.6), Qt::AlignCenter,
               tr("Bland-Altman: %1 - %2, n = %3").arg(first, second).arg(ba.n));
    p.drawText(
        QRectF(frame.left(), frame.bottom() + fm.height() + 2, frame.width(), fm.height() * 1.4),
        Qt::AlignCenter, tr("mean of %1 and %2 (%3)").arg(first, second, unit_));
    p.translate(area.left() + fm.height() * 0.2, frame.center().y());
    p.rotate(-90);
    p.drawText(QRectF(-frame.height() / 2, 0, frame.height(), fm.height() * 1.2), Qt::AlignCenter,
               tr("%1 - %2 (%3)").arg(first, second, unit_));
    p.restore();
}

bool BlandAltmanPlot::save(const QString& path, const QSize& size, QString* error) const {
    if (QFileInfo(path).suffix().compare(QStringLiteral("svg"), Qt::CaseInsensitive) == 0) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(tr("Bland-Altman plot"));
        QPainter painter;
        if (!painter.begin(&svg)) {
            if (error) *error = tr("cannot write %1").arg(path);
            return false;
        }
        painter.fillRect(QRect(QPoint(0, 0), size), Qt::white);
        paint(painter, QRectF(QPoint(0, 0), size));
        painter.end();
        return QFileInfo::exists(path);
    }
    QImage image(size, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    paint(painter, QRectF(QPoint(0, 0), size));
    painter.end();
    if (!image.save(path, "PNG")) {
        if (error) *error = tr("cannot write %1").arg(path);
        return false;
    }
    return true;
}

} // namespace algogui
