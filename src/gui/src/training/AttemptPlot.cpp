#include "algogui/training/AttemptPlot.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

#include "algogui/Theme.h"
#include "algogui/training/NiceStep.h"

namespace algogui {

namespace {

constexpr int kLeftMargin = 70;
constexpr int kRightMargin = 16;
constexpr int kTopMargin = 34;
constexpr int kBottomMargin = 40;
const QColor kGhost{0x90, 0x90, 0x90, 0xa0};

} // namespace

AttemptPlot::AttemptPlot(QWidget* parent) : QWidget(parent), unit_(display_unit({})) {
    setObjectName(QStringLiteral("AttemptPlot"));
    setAutoFillBackground(true);
    QPalette white = palette();
    white.setColor(QPalette::Window, theme::kBackground);
    setPalette(white);
    attempt_.reserve(4096);
}

void AttemptPlot::set_unit(const DisplayUnit& unit) {
    unit_ = unit;
    update();
}

void AttemptPlot::set_template(const std::optional<algocore::protocols::MotionTemplate>& expert) {
    expert_ = expert;
    update();
}

void AttemptPlot::set_band(const std::optional<algocore::protocols::PressureBand>& band) {
    band_ = band;
    update();
}

void AttemptPlot::set_visibility(bool show_template, bool show_band, bool show_attempt,
                                 const QString& hidden_note) {
    show_template_ = show_template;
    show_band_ = show_band;
    show_attempt_ = show_attempt;
    hidden_note_ = hidden_note;
    update();
}

void AttemptPlot::set_attempt(std::vector<algocore::protocols::TemplatePoint> points) {
    attempt_.clear();
    attempt_breaks_.clear();
    gaps_.reset();
    for (const auto& point : points)
        append_attempt(point);
    update();
}

void AttemptPlot::append_attempt(const algocore::protocols::TemplatePoint& point, bool gap_before) {
    if (gaps_.gap_before(point.t_rel_s, gap_before)) attempt_breaks_.push_back(attempt_.size());
    attempt_.push_back(point);
}

void AttemptPlot::clear_attempt() {
    attempt_.clear();
    attempt_breaks_.clear();
    gaps_.reset();
    update();
}

std::size_t AttemptPlot::attempt_stretches() const {
    return attempt_.empty() ? 0 : attempt_breaks_.size() + 1;
}

double AttemptPlot::span_s() const {
    double span = expert_ ? expert_->duration_s() : 0.0;
    if (!attempt_.empty()) span = std::max(span, attempt_.back().t_rel_s);
    return std::max(span, 5.0);
}

double AttemptPlot::top_kpa() const {
    double top = 100.0;
    if (expert_) {
        for (const auto& p : expert_->points())
            top = std::max(top, p.pressure_kpa);
    }
    if (band_) top = std::max(top, band_->has_limit() ? band_->limit_kpa : band_->high_kpa);
    for (const auto& p : attempt_)
        top = std::max(top, p.pressure_kpa);
    const double step = nice_step(top * 1.1, 5);
    return std::ceil(top * 1.1 / step) * step;
}

void AttemptPlot::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF area(kLeftMargin, kTopMargin, width() - kLeftMargin - kRightMargin,
                      height() - kTopMargin - kBottomMargin);
    const double span = span_s();
    const double top = top_kpa();
    const auto x_of = [&](double t_s) { return area.left() + area.width() * t_s / span; };
    const auto y_of = [&](double kpa) { return area.bottom() - area.height() * kpa / top; };

    QFont font = painter.font();
    font.setPixelSize(15);
    painter.setFont(font);

    // Grid and axes, labelled in the display unit.
    const double y_step = nice_step(top, 5);
    painter.setPen(QPen(theme::kGrid, 1));
    for (double kpa = 0.0; kpa <= top + 1e-9; kpa += y_step) {
        painter.setPen(QPen(theme::kGrid, 1));
        painter.drawLine(QPointF(area.left(), y_of(kpa)), QPointF(area.right(), y_of(kpa)));
        painter.setPen(theme::kMutedText);
        painter.drawText(QRectF(0, y_of(kpa) - 10, kLeftMargin - 8, 20),
                         Qt::AlignRight | Qt::AlignVCenter, unit_.format(kpa));
    }
    const double x_step = nice_step(span, 8);
    for (double t = 0.0; t <= span + 1e-9; t += x_step) {
        painter.setPen(QPen(theme::kGrid, 1));
        painter.drawLine(QPointF(x_of(t), area.top()), QPointF(x_of(t), area.bottom()));
        painter.setPen(theme::kMutedText);
        painter.drawText(QRectF(x_of(t) - 30, area.bottom() + 4, 60, 20), Qt::AlignCenter,
                         QString::number(t, 'f', 0));
    }
    painter.drawText(QRectF(area.left(), area.bottom() + 20, area.width(), 20), Qt::AlignCenter,
                     QStringLiteral("time since first contact (s)"));
    painter.save();
    painter.translate(14, area.center().y());
    painter.rotate(-90);
    painter.drawText(QRectF(-100, -10, 200, 20), Qt::AlignCenter,
                     QStringLiteral("pressure (%1)").arg(unit_.symbol));
    painter.restore();

    if (show_band_ && band_) {
        const QRectF band(QPointF(area.left(), y_of(band_->high_kpa)),
                          QPointF(area.right(), y_of(band_->low_kpa)));
        painter.fillRect(band, theme::kBandFill);
        if (band_->has_limit() && band_->limit_kpa <= top) {
            painter.setPen(QPen(theme::kOverLimit, 2, Qt::DashLine));
            painter.drawLine(QPointF(area.left(), y_of(band_->limit_kpa)),
                             QPointF(area.right(), y_of(band_->limit_kpa)));
        }
    }

    // Each stretch between two gaps is its own subpath: no line is drawn across a gap.
    const auto draw_line = [&](const std::vector<algocore::protocols::TemplatePoint>& points,
                               const std::vector<std::size_t>& breaks, const QPen& pen) {
        if (points.size() < 2) return;
        QPainterPath path;
        auto next_break = breaks.begin();
        for (std::size_t i = 0; i < points.size(); ++i) {
            const QPointF at(x_of(points[i].t_rel_s), y_of(points[i].pressure_kpa));
            const bool starts_stretch = i == 0 || (next_break != breaks.end() && *next_break == i);
            if (next_break != breaks.end() && *next_break == i) ++next_break;
            if (starts_stretch)
                path.moveTo(at);
            else
                path.lineTo(at);
        }
        painter.strokePath(path, pen);
    };
    if (show_template_ && expert_)
        draw_line(expert_->points(), {}, QPen(kGhost, 9, Qt::SolidLine, Qt::RoundCap));
    if (show_attempt_) draw_line(attempt_, attempt_breaks_, QPen(theme::kTrace, 2.5));

    // Legend (words as well as line styles).
    painter.setPen(theme::kText);
    QString legend;
    if (show_template_ && expert_)
        legend +=
            QStringLiteral("grey: expert \"%1\"   ").arg(QString::fromStdString(expert_->name()));
    if (show_attempt_) legend += QStringLiteral("black: attempt   ");
    if (show_band_ && band_) legend += QStringLiteral("green: band");
    painter.drawText(QRectF(area.left(), 4, area.width(), 24), Qt::AlignLeft | Qt::AlignVCenter,
                     legend);

    if (!hidden_note_.isEmpty()) {
        QFont big = font;
        big.setPixelSize(34);
        big.setBold(true);
        painter.setFont(big);
        painter.fillRect(area.adjusted(40, area.height() * 0.3, -40, -area.height() * 0.3),
                         theme::kPanel);
        painter.setPen(theme::kText);
        painter.drawText(area, Qt::AlignCenter, hidden_note_);
    }
}

} // namespace algogui
