#include "algogui/CoachView.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QVBoxLayout>
#include <cmath>

#include "algogui/BandBar.h"
#include "algogui/HoldTimerPanel.h"
#include "algogui/LiveModel.h"
#include "algogui/PressureReadout.h"
#include "algogui/Theme.h"

namespace algogui {

CoachView::CoachView(QWidget* parent) : QWidget(parent, Qt::Window) {
    setWindowTitle(tr("Algoscope — coach view"));
    QPalette palette = this->palette();
    palette.setColor(QPalette::Window, theme::kBackground);
    setPalette(palette);
    setAutoFillBackground(true);

    auto* layout = new QHBoxLayout(this);
    bar_ = new BandBar(this);
    auto* right = new QVBoxLayout();
    readout_ = new PressureReadout(this);
    timer_ = new QLabel(this);
    timer_->setAlignment(Qt::AlignCenter);
    right->addWidget(readout_, 3);
    right->addWidget(timer_, 1);
    layout->addWidget(bar_, 1);
    layout->addLayout(right, 4);
}

void CoachView::show_frame(const LiveModel& model, const DisplayUnit& unit) {
    const BandStyle style = model.has_sample() ? band_style(model.band_state()) : no_signal_style();
    readout_->show_reading(model.has_sample() ? unit.format(model.latest().pressure_kpa)
                                              : QStringLiteral("—"),
                           unit.symbol, style);
    bar_->set_band(model.targets().band());
    bar_->show_pressure(model.has_sample() ? model.latest().pressure_kpa : 0.0, style.colour);
    const auto& timer = model.hold_timer();
    const QString text =
        timer.complete()
            ? tr("✔ HOLD COMPLETE  %1").arg(format_minutes_seconds(timer.time_in_band_s()))
            : tr("in band %1   ·   left %2")
                  .arg(format_minutes_seconds(timer.time_in_band_s()),
                       format_minutes_seconds(std::ceil(timer.remaining_s())));
    timer_->setText(text);
}

QString CoachView::timer_text() const { return timer_->text(); }

void CoachView::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape) {
        Q_EMIT closeRequested();
        return;
    }
    QWidget::keyPressEvent(event);
}

void CoachView::resizeEvent(QResizeEvent* event) {
    QFont font = timer_->font();
    font.setPixelSize(std::max(18, height() / 12));
    font.setBold(true);
    timer_->setFont(font);
    QWidget::resizeEvent(event);
}

}  // namespace algogui
