#include "algogui/class/StationFollowView.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>

#include "algocore/protocols/PressureBand.h"
#include "algogui/BandStyle.h"
#include "algogui/Theme.h"
#include "algogui/class/ClassTableModel.h"

namespace algogui::classview {

using algocore::sharedstudy::StationProgress;
using algocore::sharedstudy::StationState;

namespace {
constexpr int kPressurePixels = 96;
constexpr int kStatePixels = 34;
constexpr int kTitlePixels = 26;
// Without a band the trace's scale is this, kPa; with one, the band's top times kScaleOverBand.
constexpr double kScaleWithoutBandKpa = 600.0;
constexpr double kScaleOverBand = 1.5;
constexpr double kShortestTraceSeconds = 10.0;
constexpr int kAxisPixels = 22;

QFont pixels(QFont font, int size, bool bold) {
    font.setPixelSize(size);
    font.setBold(bold);
    return font;
}
} // namespace

StationFollowView::StationFollowView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("StationFollowView"));
    title_ = new QLabel(this);
    title_->setFont(pixels(font(), kTitlePixels, true));
    title_->setWordWrap(true);
    close_ = new QPushButton(tr("Back to the class"), this);
    pressure_ = new QLabel(this);
    pressure_->setObjectName(QStringLiteral("FollowedPressure"));
    pressure_->setFont(pixels(font(), kPressurePixels, true));
    band_state_ = new QLabel(this);
    band_state_->setObjectName(QStringLiteral("FollowedBandState"));
    band_state_->setFont(pixels(font(), kStatePixels, true));
    band_state_->setWordWrap(true);

    auto* top = new QHBoxLayout;
    top->addWidget(title_, 1);
    top->addWidget(close_, 0, Qt::AlignTop);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(pressure_);
    layout->addWidget(band_state_);
    // The trace is painted in the space left below.
    layout->addStretch(1);
    setMinimumWidth(360);
    connect(close_, &QPushButton::clicked, this, &StationFollowView::closeRequested);
}

void StationFollowView::follow(const std::string& station) {
    station_ = station;
    shown_.reset();
    trace_.clear();
    title_->setText(QString::fromStdString(station));
    pressure_->clear();
    band_state_->clear();
    update();
}

void StationFollowView::show_class(const std::vector<StationProgress>& stations) {
    const auto it = std::find_if(stations.begin(), stations.end(),
                                 [&](const StationProgress& p) { return p.station == station_; });
    if (it == stations.end()) return;
    const StationProgress& p = *it;
    shown_ = p;
    title_->setText(QStringLiteral("%1 · %2 · %3")
                        .arg(QString::fromStdString(p.station), QString::fromStdString(p.student),
                             QString::fromStdString(p.exercise)));
    const std::optional<double> live = algocore::sharedstudy::live_pressure_kpa(p);
    BandStyle style;
    if (!live) {
        // Offline or without a signal: no number at all, never the last one as if live.
        pressure_->setText(QStringLiteral("–"));
        style.colour = p.state == StationState::NoSignal ? theme::kOverLimit : theme::kNoSignal;
        style.word = state_words(p.state);
    } else {
        pressure_->setText(QString::number(*live, 'f', 0) + QStringLiteral(" kPa"));
        if (p.band_low_kpa && p.band_high_kpa) {
            algocore::protocols::PressureBand band;
            band.low_kpa = *p.band_low_kpa;
            band.high_kpa = *p.band_high_kpa;
            style = band_style(band.classify(*live));
        } else {
            style = no_band_style();
        }
        if (trace_.empty() || p.t_utc_s > trace_.back().t_utc_s)
            trace_.push_back({p.t_utc_s, *live});
    }
    band_state_->setText(QStringLiteral("%1 — %2").arg(style.label(), state_words(p.state)));
    QPalette palette = band_state_->palette();
    palette.setColor(QPalette::WindowText, style.colour);
    band_state_->setPalette(palette);
    while (!trace_.empty() && trace_.front().t_utc_s < p.t_utc_s - kTraceSeconds)
        trace_.pop_front();
    update();
}

QRect StationFollowView::trace_rect() const {
    const int top = band_state_->geometry().bottom() + 16;
    return QRect(16, top, width() - 32, height() - top - 16);
}

void StationFollowView::paintEvent(QPaintEvent* event) {
    QWidget::paintEvent(event);
    const QRect area = trace_rect();
    if (area.height() < 40 || !shown_) return;
    QPainter painter(this);
    painter.fillRect(area, theme::kBackground);
    const double top_kpa =
        shown_->band_high_kpa ? *shown_->band_high_kpa * kScaleOverBand : kScaleWithoutBandKpa;
    const auto y_of = [&](double kpa) {
        return area.bottom() - std::clamp(kpa / top_kpa, 0.0, 1.0) * area.height();
    };
    if (shown_->band_low_kpa && shown_->band_high_kpa) {
        const double y_high = y_of(*shown_->band_high_kpa);
        painter.fillRect(
            QRectF(area.left(), y_high, area.width(), y_of(*shown_->band_low_kpa) - y_high),
            theme::kBandFill);
    }
    painter.setPen(theme::kGrid);
    painter.drawRect(area.adjusted(0, 0, -1, -1));
    // The band's edges named in kPa at the left.
    painter.setPen(theme::kMutedText);
    painter.setFont(pixels(font(), kAxisPixels, false));
    for (const auto& edge : {shown_->band_low_kpa, shown_->band_high_kpa}) {
        if (!edge) continue;
        const QString label = QString::number(*edge, 'f', 0) + QStringLiteral(" kPa");
        painter.drawText(QPointF(area.left() + 6, y_of(*edge) - 4), label);
    }
    if (trace_.size() < 2) return;
    // The time axis grows with the trace up to kTraceSeconds, from kShortestTraceSeconds.
    const double t_end = trace_.back().t_utc_s;
    const double span_s =
        std::clamp(t_end - trace_.front().t_utc_s, kShortestTraceSeconds, kTraceSeconds);
    const auto x_of = [&](double t) { return area.right() - (t_end - t) / span_s * area.width(); };
    QPolygonF line;
    for (const Point& p : trace_)
        line << QPointF(x_of(p.t_utc_s), y_of(p.kpa));
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(theme::kTrace, 3));
    painter.drawPolyline(line);
}

} // namespace algogui::classview
