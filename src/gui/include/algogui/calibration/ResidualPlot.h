#pragma once
// Residuals of a calibration fit (reading - fit) against applied load, ascending points as
// filled circles and descending as open squares. One painter function serves the wizard
// widget and the PDF certificate, so both show the same picture.
#include <QString>
#include <QWidget>
#include <span>

#include "algocal/CalibrationRecord.h"

class QPainter;
class QRectF;

namespace algogui::calibration {

/// Draws the residual plot of `points` against `fit` into `area`. `reading_unit` labels the
/// y axis ("counts", "N"). Draws a "no fit" note when the fit has no residuals.
void paint_residual_plot(QPainter& painter, const QRectF& area,
                         std::span<const algocal::CalibrationPoint> points,
                         const algocal::PolynomialFit& fit, const QString& reading_unit);

/// The wizard's residual plot.
class ResidualPlot : public QWidget {
public:
    explicit ResidualPlot(QWidget* parent = nullptr);
    void show_fit(std::vector<algocal::CalibrationPoint> points, algocal::PolynomialFit fit,
                  QString reading_unit);
    QSize sizeHint() const override { return {520, 260}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::vector<algocal::CalibrationPoint> points_;
    algocal::PolynomialFit fit_;
    QString reading_unit_;
};

/// "counts" or "N": what the reading of a record is measured in.
QString reading_unit_text(algocal::ReadingKind kind);

} // namespace algogui::calibration
