#pragma once
// Non-modal problem banner. Problems on the I/O path arrive here as values; they never open a
// dialog that would cover the readout mid-treatment. It is one line in the window's bottom
// row (MainWindow), whose room it keeps while hidden: appearing or fading, it moves nothing
// on the page, so a control is never pushed away from under the pointer.
#include <QWidget>

#include "algogui/LiveFeed.h"

class QTimer;
class QToolButton;

namespace algogui {

class ElidedLabel;

class Banner : public QWidget {
    Q_OBJECT
public:
    explicit Banner(QWidget* parent = nullptr);

    /// Shows a message; Info fades after a few seconds, warnings and errors stay until
    /// dismissed or replaced by a newer message.
    void show_message(algogui::BannerLevel level, const QString& text);
    void dismiss();

    /// The whole message (the line shows what fits of it).
    QString text() const;
    BannerLevel level() const { return level_; }

private:
    ElidedLabel* label_ = nullptr;
    QToolButton* close_ = nullptr;
    QTimer* fade_ = nullptr;
    BannerLevel level_ = BannerLevel::Info;
};

} // namespace algogui
