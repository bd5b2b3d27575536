#pragma once
// The Bland-Altman plot: each subject's difference (first - second) against the mean of both,
// with the bias, the limits of agreement and their 95 % intervals as shaded bands. The same
// painting serves the screen, PNG and SVG export.
#include <QString>
#include <QWidget>
#include <optional>

#include "algocore/analysis/BlandAltman.h"

class QPainter;

namespace algogui {

class BlandAltmanPlot : public QWidget {
    Q_OBJECT
public:
    explicit BlandAltmanPlot(QWidget* parent = nullptr);

    /// Shows an analysis; unit labels the axes ("kPa").
    void set_agreement(const algocore::analysis::BlandAltman& agreement, const QString& unit);
    /// Shows a sentence instead of a plot (no pair chosen, too few raters).
    void clear(const QString& message);
    bool has_agreement() const { return agreement_.has_value(); }

    /// Paints the plot into rect (screen, image or SVG generator).
    void paint(QPainter& painter, const QRectF& rect) const;
    /// Saves as PNG or SVG by the file's extension; false with the reason.
    bool save(const QString& path, const QSize& size, QString* error = nullptr) const;

    QSize sizeHint() const override { return {480, 360}; }
    QSize minimumSizeHint() const override { return {280, 220}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::optional<algocore::analysis::BlandAltman> agreement_;
    QString unit_;
    QString message_;
};

} // namespace algogui
