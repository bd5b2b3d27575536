#pragma once
// Last page of the calibration wizard: degree chooser (recommended degree and why), residual
// plot, statistics, pass/fail against the tolerance, save / export buttons.
#include <QWidget>

#include "algocore/session/CalibrationSession.h"

class QComboBox;
class QLabel;
class QPushButton;

namespace algogui::calibration {

// The calibration workflow lives in algocore; this page is a view of it.
using algocore::session::CalibrationOutcome;

class ResidualPlot;

class CalibrationResultsPanel : public QWidget {
    Q_OBJECT
public:
    explicit CalibrationResultsPanel(QWidget* parent = nullptr);

    /// Shows a record (a fresh outcome or one loaded from a file). `saved` disables Save.
    void show_record(const algocal::CalibrationRecord& record,
                     const algocal::ToleranceVerdict& verdict, double tolerance_percent_fs,
                     bool saved);
    /// Shows why there is no usable fit.
    void show_failure(const QString& reason);
    /// Puts a warning (expired record) or note above the results; empty hides it.
    void set_notice(const QString& text, bool warning);
    /// Recommended degree marked in the chooser and selected.
    void set_degrees(int recommended, int selected);
    int selected_degree() const;

    QString verdict_text() const;
    QString statistics_text() const;
    QString notice_text() const;

Q_SIGNALS:
    void degreeChosen(int degree);
    void saveRequested();
    void exportRequested();
    void startOverRequested();

private:
    QComboBox* degree_ = nullptr;
    QLabel* notice_ = nullptr;
    QLabel* recommendation_ = nullptr;
    QLabel* coefficients_ = nullptr;
    QLabel* statistics_ = nullptr;
    QLabel* verdict_ = nullptr;
    ResidualPlot* plot_ = nullptr;
    QPushButton* save_ = nullptr;
    QPushButton* export_ = nullptr;
};

} // namespace algogui::calibration
