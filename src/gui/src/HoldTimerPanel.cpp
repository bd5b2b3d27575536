#include "algogui/HoldTimerPanel.h"

#include <QGridLayout>
#include <QLabel>
#include <cmath>

#include "algogui/Theme.h"

namespace algogui {

QString format_minutes_seconds(double seconds) {
    const long whole = static_cast<long>(std::floor(std::max(0.0, seconds)));
    return QStringLiteral("%1:%2").arg(whole / 60).arg(whole % 60, 2, 10, QChar('0'));
}

namespace {
QLabel* make_value(QWidget* parent, int pixel_size) {
    auto* label = new QLabel(QStringLiteral("0:00"), parent);
    QFont font = label->font();
    font.setPixelSize(pixel_size);
    font.setBold(true);
    label->setFont(font);
    label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return label;
}
QLabel* make_caption(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setPixelSize(20);
    label->setFont(font);
    return label;
}
} // namespace

HoldTimerPanel::HoldTimerPanel(QWidget* parent) : QWidget(parent) {
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(8, 4, 8, 4);
    in_band_ = make_value(this, 56);
    remaining_ = make_value(this, 30);
    elapsed_ = make_value(this, 30);
    status_ = make_caption(QString(), this);
    QFont status_font = status_->font();
    status_font.setBold(true);
    status_->setFont(status_font);

    grid->addWidget(make_caption(tr("Time in band"), this), 0, 0);
    grid->addWidget(in_band_, 0, 1);
    grid->addWidget(make_caption(tr("Remaining"), this), 1, 0);
    grid->addWidget(remaining_, 1, 1);
    grid->addWidget(make_caption(tr("Elapsed"), this), 2, 0);
    grid->addWidget(elapsed_, 2, 1);
    grid->addWidget(status_, 3, 0, 1, 2);
    setAccessibleName(tr("Hold timer"));
}

void HoldTimerPanel::show_timer(const algocore::protocols::HoldTimer& timer, bool running,
                                SignalState signal) {
    in_band_->setText(format_minutes_seconds(timer.time_in_band_s()));
    remaining_->setText(format_minutes_seconds(std::ceil(timer.remaining_s())));
    elapsed_->setText(format_minutes_seconds(timer.elapsed_s()));

    QString status;
    QColor colour = theme::kText;
    // "❚❚" rather than the pause sign U+23F8: DejaVu, the one font family a minimal
    // Debian install has, does not draw that one.
    if (signal == SignalState::NotConnected && !timer.complete()) {
        status = tr("❚❚ Not connected");
        colour = theme::kMutedText;
    } else if (signal == SignalState::NoSignal && !timer.complete()) {
        status = tr("❚❚ Paused: no signal");
        colour = theme::kNoSignal;
    } else if (timer.complete()) {
        status = tr("✔ HOLD COMPLETE");
        colour = theme::kInBand;
    } else if (!running) {
        status = tr("■ Hold stopped — Space to start");
        colour = theme::kMutedText;
    } else if (!timer.started()) {
        status = tr("Waiting for the band…");
    } else if (timer.in_grace()) {
        status = tr("Out of band — grace");
        colour = theme::kAbove;
    } else if (timer.in_excursion()) {
        status = tr("❚❚ Paused: out of band");
        colour = theme::kAbove;
    } else {
        status = tr("▶ Counting");
        colour = theme::kInBand;
    }
    if (status_->text() != status) {
        status_->setText(status);
        status_->setStyleSheet(QStringLiteral("color: %1").arg(colour.name()));
    }
}

QString HoldTimerPanel::in_band_text() const {
    return in_band_->text();
}
QString HoldTimerPanel::remaining_text() const {
    return remaining_->text();
}
QString HoldTimerPanel::elapsed_text() const {
    return elapsed_->text();
}
QString HoldTimerPanel::status_text() const {
    return status_->text();
}

} // namespace algogui
