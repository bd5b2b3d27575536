#pragma once
// Asks why a stored trial is excluded from its point's threshold (or counted again): the
// usual reasons to pick, or the examiner's own words. Nothing is changed here; the page hands
// the reason to algocore's Corrections, the one path the command line uses too.
#include <QDialog>

class QComboBox;
class QLabel;
class QPushButton;

namespace algogui {

class TrialExclusionDialog : public QDialog {
    Q_OBJECT
public:
    /// `what` names the trial ("trial 2, 330 kPa, upper trapezius L"); exclude = false asks
    /// why an excluded trial is counted again.
    TrialExclusionDialog(const QString& what, bool exclude, QWidget* parent = nullptr);

    /// The reason as typed or picked, trimmed.
    QString reason() const;
    QComboBox& reason_box() { return *reason_; }
    QPushButton& confirm_button() { return *confirm_; }

private:
    QComboBox* reason_ = nullptr;
    QPushButton* confirm_ = nullptr;
};

} // namespace algogui
