#pragma once
// The About box: which Algoscope this is (the version every program and the package show),
// the Qt it runs on, and where this user's data lives, so support and IT can answer "which
// version, where are the files" without a terminal.
#include <QDialog>

class QLabel;

namespace algogui {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);

    /// The text shown (name, version, Qt, data folder), for tests and support.
    QString text() const;

private:
    QLabel* text_ = nullptr;
};

} // namespace algogui
