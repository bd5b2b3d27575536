#include "algogui/Banner.h"

#include <QHBoxLayout>
#include <QTimer>
#include <QToolButton>

#include "algogui/ElidedLabel.h"
#include "algogui/Theme.h"

namespace algogui {

namespace {
constexpr int kInfoShownMs = 4000;
}

Banner::Banner(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("Banner"));
    setAutoFillBackground(true);
    // Shown or hidden, it takes the same room, so its row never changes height and nothing
    // around it moves.
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    policy.setRetainSizeWhenHidden(true);
    setSizePolicy(policy);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 2, 4, 2);
    // One line: a sentence longer than the room ends in "…" and is whole in the tooltip.
    label_ = new ElidedLabel(this);
    QFont font = label_->font();
    font.setPixelSize(16);
    font.setBold(true);
    label_->setFont(font);
    close_ = new QToolButton(this);
    close_->setText(QStringLiteral("✕"));
    close_->setToolTip(tr("Dismiss"));
    close_->setAutoRaise(true);
    layout->addWidget(label_, 1);
    layout->addWidget(close_);
    fade_ = new QTimer(this);
    fade_->setSingleShot(true);
    connect(close_, &QToolButton::clicked, this, &Banner::dismiss);
    connect(fade_, &QTimer::timeout, this, &Banner::dismiss);
    hide();
}

void Banner::show_message(BannerLevel level, const QString& text) {
    // A passing info line must not hide an unresolved problem; the problem's end does.
    if (isVisible() && level == BannerLevel::Info && level_ != BannerLevel::Info) return;
    const bool recovered = level == BannerLevel::Recovered;
    if (recovered) level = BannerLevel::Info;
    level_ = level;
    QColor background = theme::kBannerInfo;
    QColor foreground = theme::kText;
    QString prefix = recovered ? QStringLiteral("✔ ") : QStringLiteral("ℹ ");
    if (level == BannerLevel::Warning) {
        background = theme::kBannerWarning;
        prefix = QStringLiteral("⚠ ");
    } else if (level == BannerLevel::Error) {
        background = theme::kBannerError;
        foreground = Qt::white;
        prefix = QStringLiteral("✖ ");
    }
    label_->set_full_text(prefix + text);
    setStyleSheet(
        QStringLiteral("background: %1; color: %2").arg(background.name(), foreground.name()));
    show();
    if (level == BannerLevel::Info)
        fade_->start(kInfoShownMs);
    else
        fade_->stop();
}

void Banner::dismiss() {
    fade_->stop();
    label_->set_full_text({});
    level_ = BannerLevel::Info;
    hide();
}

QString Banner::text() const {
    return label_->text();
}

} // namespace algogui
