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
// A label whose text changes every second would ask the whole window to lay itself out
// again each time (a label's size hint follows its text). Sized once for its widest text, it
// does not: a fixed-size widget never asks.
void fix_size_for(QLabel* label, const QStringList& widest_texts) {
    const QFontMetrics metrics(label->font());
    int width = 0;
    for (const QString& text : widest_texts)
        width = std::max(width, metrics.horizontalAdvance(text));
    label->setFixedSize(width + 2 * label->margin() + 4, label->sizeHint().height());
}
} // namespace

HoldTimerPanel::HoldTimerPanel(QWidget* parent) : QWidget(parent) {
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(8, 4, 8, 4);
    in_band_ = make_value(this, 56);
    remaining_ = make_value(this, 30);
    elapsed_ = make_value(this, 30);
    for (QLabel* value : {in_band_, remaining_, elapsed_})
        fix_size_for(value, {QStringLiteral("88:88")});
    status_ = make_caption(QString(), this);
    QFont status_font = status_->font();
    status_font.setBold(true);
    status_->setFont(status_font);
    QStringList statuses;
    for (int kind = 0; kind <= static_cast<int>(Status::Counting); ++kind)
        statuses << words_of(static_cast<Status>(kind));
    fix_size_for(status_, statuses);

    // The time in band large on its own line; the two smaller clocks side by side under it,
    // so the panel leaves the targets under it their whole height on a 640 px screen.
    grid->setVerticalSpacing(0);
    grid->addWidget(make_caption(tr("Time in band"), this), 0, 0, 1, 2);
    grid->addWidget(in_band_, 0, 2, 1, 2, Qt::AlignRight);
    grid->addWidget(make_caption(tr("Remaining"), this), 1, 0);
    grid->addWidget(remaining_, 1, 1, Qt::AlignRight);
    grid->addWidget(make_caption(tr("Elapsed"), this), 1, 2, Qt::AlignRight);
    grid->addWidget(elapsed_, 1, 3, Qt::AlignRight);
    grid->addWidget(status_, 2, 0, 1, 4, Qt::AlignLeft);
    grid->setColumnStretch(1, 1);
    setAccessibleName(tr("Hold timer"));
}

HoldTimerPanel::Status HoldTimerPanel::status_of(const algocore::protocols::HoldTimer& timer,
                                                 bool running, SignalState signal) {
    if (signal == SignalState::NotConnected && !timer.complete()) return Status::NotConnected;
    if (signal == SignalState::NoSignal && !timer.complete()) return Status::NoSignal;
    if (timer.complete()) return Status::Complete;
    if (!running) return Status::Stopped;
    if (!timer.started()) return Status::Waiting;
    if (timer.in_grace()) return Status::Grace;
    if (timer.in_excursion()) return Status::Paused;
    return Status::Counting;
}

// "❚❚" rather than the pause sign U+23F8: DejaVu, the one font family a minimal Debian
// install has, does not draw that one.
QString HoldTimerPanel::words_of(Status status) {
    switch (status) {
    case Status::NotConnected: return tr("❚❚ Not connected");
    case Status::NoSignal: return tr("❚❚ Paused: no signal");
    case Status::Complete: return tr("✔ HOLD COMPLETE");
    case Status::Stopped: return tr("■ Hold stopped — Space to start");
    case Status::Waiting: return tr("Waiting for the band…");
    case Status::Grace: return tr("Out of band — grace");
    case Status::Paused: return tr("❚❚ Paused: out of band");
    case Status::Counting: return tr("▶ Counting");
    }
    return {};
}

QColor HoldTimerPanel::colour_of(Status status) {
    switch (status) {
    case Status::NotConnected:
    case Status::Stopped: return theme::kMutedText;
    case Status::NoSignal: return theme::kNoSignal;
    case Status::Complete:
    case Status::Counting: return theme::kInBand;
    case Status::Grace:
    case Status::Paused: return theme::kAbove;
    case Status::Waiting: return theme::kText;
    }
    return theme::kText;
}

void HoldTimerPanel::show_timer(const algocore::protocols::HoldTimer& timer, bool running,
                                SignalState signal) {
    // Whole seconds and the status are what the panel shows; most frames change neither, and
    // then nothing is formatted or set.
    const Shown now{static_cast<long>(std::floor(std::max(0.0, timer.time_in_band_s()))),
                    static_cast<long>(std::ceil(timer.remaining_s())),
                    static_cast<long>(std::floor(std::max(0.0, timer.elapsed_s()))),
                    status_of(timer, running, signal)};
    if (shown_ && *shown_ == now) return;
    in_band_->setText(format_minutes_seconds(static_cast<double>(now.in_band_s)));
    remaining_->setText(format_minutes_seconds(static_cast<double>(now.remaining_s)));
    elapsed_->setText(format_minutes_seconds(static_cast<double>(now.elapsed_s)));
    if (!shown_ || shown_->status != now.status) {
        status_->setText(words_of(now.status));
        // A palette, not a style sheet: re-polishing a style sheet costs far more.
        QPalette palette = status_->palette();
        palette.setColor(QPalette::WindowText, colour_of(now.status));
        status_->setPalette(palette);
    }
    shown_ = now;
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
QColor HoldTimerPanel::status_colour() const {
    return status_->palette().color(QPalette::WindowText);
}

} // namespace algogui
