#pragma once
// Non-modal problem banner under the device bar. Problems on the I/O path arrive here as
// values; they never open a dialog that would cover the readout mid-treatment.
#include <QWidget>

#include "algogui/LiveFeed.h"

class QLabel;
class QTimer;
class QToolButton;

namespace algogui {

class Banner : public QWidget {
    Q_OBJECT
public:
    explicit Banner(QWidget* parent = nullptr);

    /// Shows a message; Info fades after a few seconds, warnings and errors stay until
    /// dismissed or replaced by a newer message.
    void show_message(algogui::BannerLevel level, const QString& text);
    void dismiss();

    QString text() const;
    BannerLevel level() const { return level_; }

private:
    QLabel* label_ = nullptr;
    QToolButton* close_ = nullptr;
    QTimer* fade_ = nullptr;
    BannerLevel level_ = BannerLevel::Info;
};

} // namespace algogui
