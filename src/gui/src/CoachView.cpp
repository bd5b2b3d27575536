#include "algogui/CoachView.h"

#include <QFontMetrics>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QVBoxLayout>
#include <cmath>

#include "algogui/BandBar.h"
#include "algogui/FittedLabel.h"
#include "algogui/HoldTimerPanel.h"
#include "algogui/LiveState.h"
#include "algogui/PressureReadout.h"
#include "algogui/Theme.h"

namespace algogui {
namespace {

// The link in a few words with a shape, for the line at the top of the view.
QString link_line(LinkState link) {
    switch (link) {
    case LinkState::Connected: return CoachView::tr("● connected");
    case LinkState::Connecting: return CoachView::tr("… connecting");
    case LinkState::Reconnecting: return CoachView::tr("✕ device lost: reconnecting…");
    case LinkState::Disconnected: return CoachView::tr("✕ device disconnected");
    case LinkState::NotConnected: return CoachView::tr("○ not connected");
    case LinkState::Failed: return CoachView::tr("✕ connection failed");
    }
    return {};
}

QString strip_style(const QColor& background) {
    return QStringLiteral("QLabel { color: white; background: %1; }").arg(background.name());
}

} // namespace

CoachView::CoachView(QWidget* parent)
    : QWidget(parent, Qt::Window), unit_(display_unit(QStringLiteral("kpa"))) {
    setWindowTitle(tr("Algoscope — coach view"));
    QPalette palette = this->palette();
    palette.setColor(QPalette::Window, theme::kBackground);
    palette.setColor(QPalette::WindowText, theme::kText);
    setPalette(palette);
    setAutoFillBackground(true);

    auto* layout = new QHBoxLayout(this);
    bar_ = new BandBar(this);
    auto* right = new QVBoxLayout();
    link_ = new QLabel(link_line(LinkState::NotConnected), this);
    link_->setObjectName(QStringLiteral("CoachLink"));
    link_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    readout_ = new PressureReadout(this);
    // The prompt strip keeps its room when empty, so the readout does not jump when a
    // prompt comes and goes.
    prompt_label_ = new FittedLabel(40, 18, this);
    prompt_label_->setObjectName(QStringLiteral("CoachPrompt"));
    prompt_label_->setAlignment(Qt::AlignCenter);
    prompt_label_->setContentsMargins(16, 0, 16, 0); // the words never touch the strip edge
    timer_ = new QLabel(this);
    timer_->setObjectName(QStringLiteral("CoachTimer"));
    timer_->setAlignment(Qt::AlignCenter);
    right->addWidget(link_, 0);
    right->addWidget(readout_, 6);
    right->addWidget(prompt_label_, 2);
    right->addWidget(timer_, 2);
    layout->addWidget(bar_, 1);
    layout->addLayout(right, 4);
}

void CoachView::show_frame(const LiveSession& model, const DisplayUnit& unit) {
    const SignalState signal = model.signal_state();
    if (unit.key != unit_.key) {
        unit_ = unit;
        refresh_prompt();
    }
    bar_->set_band(model.targets().band());
    if (signal == SignalState::Live) {
        const BandStyle style = band_style(model.band_state());
        readout_->show_reading(unit.format(model.latest().pressure_kpa), unit.symbol, style);
        bar_->show_pressure(model.latest().pressure_kpa, style.colour);
    } else {
        const BandStyle style = signal_style(signal);
        readout_->show_message(style, link_words(model.link_state()));
        bar_->show_no_pressure(style);
    }
    link_->setText(link_line(model.link_state()));
    if (prompt_ && prompt_->needs_contact && !model.probe_on_skin()) clear_prompt();

    const auto& timer = model.hold_timer();
    const QString in_band = format_minutes_seconds(timer.time_in_band_s());
    const QString left = format_minutes_seconds(std::ceil(timer.remaining_s()));
    QString text;
    if (timer.complete())
        text = tr("✔ HOLD COMPLETE  %1").arg(in_band);
    else if (signal != SignalState::Live)
        text = tr("❚❚ paused   in band %1   ·   left %2").arg(in_band, left);
    else
        text = tr("in band %1   ·   left %2").arg(in_band, left);
    timer_->setText(text);
}

void CoachView::show_prompt(const CoachPrompt& prompt) {
    // A countdown prompt arrives every frame: restyling the strip only when it changes.
    if (prompt_ && *prompt_ == prompt) return;
    prompt_ = prompt;
    refresh_prompt();
}

void CoachView::clear_prompt() {
    if (!prompt_) return;
    prompt_.reset();
    refresh_prompt();
}

void CoachView::refresh_prompt() {
    if (!prompt_) {
        prompt_label_->set_text(QString());
        prompt_label_->setStyleSheet(QString());
        return;
    }
    prompt_label_->set_text(prompt_->words(unit_));
    prompt_label_->setStyleSheet(strip_style(prompt_->colour));
}

QString CoachView::prompt_text() const {
    return prompt_ ? prompt_label_->text() : QString();
}

QString CoachView::timer_text() const {
    return timer_->text();
}

QString CoachView::link_text() const {
    return link_->text();
}

void CoachView::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape) {
        Q_EMIT closeRequested();
        return;
    }
    QWidget::keyPressEvent(event);
}

void CoachView::resizeEvent(QResizeEvent* event) {
    // As large as the height allows, but never wider than the column: the longest timer
    // line (paused, two-digit minutes) must fit whole.
    const QString widest = tr("❚❚ paused   in band 88:88   ·   left 88:88");
    const int column_px = std::max(100, width() * 4 / 5 - 24);
    QFont font = timer_->font();
    font.setBold(true);
    int px = std::max(18, height() / 14);
    for (; px > 14; --px) {
        font.setPixelSize(px);
        if (QFontMetrics(font).horizontalAdvance(widest) <= column_px) break;
    }
    timer_->setFont(font);
    // The prompt is the largest text after the number: a few words, shrunk only as needed.
    QFont prompt_font = font;
    prompt_font.setPixelSize(std::max(18, height() / 10));
    prompt_label_->setFont(prompt_font);
    prompt_label_->set_pixel_range(std::max(18, height() / 10), std::max(16, px));
    QFont small = link_->font();
    small.setPixelSize(std::max(16, height() / 30));
    link_->setFont(small);
    QWidget::resizeEvent(event);
}

} // namespace algogui
