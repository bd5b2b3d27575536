#pragma once
// A small plot for the History page: a subject's threshold at one point over the sessions
// (mean with SD bars, the MDC band around the first session's value), or raw traces (pressure
// over time). Painted directly; no per-sample work outside paintEvent.
#include <QString>
#include <QStringList>
#include <QWidget>
#include <optional>
#include <vector>

namespace algogui {

class HistoryPlot : public QWidget {
    Q_OBJECT
public:
    /// One polyline (trace) or one point per session (trend).
    struct Series {
        std::vector<QPointF> points; ///< x: session index or seconds; y: kPa
        std::vector<double> sd_kpa;  ///< error bars (trend only; empty for traces)
        /// Traces: the signal was lost before point i, so no line joins it (empty: none).
        std::vector<bool> gap_before;
    };

    explicit HistoryPlot(QWidget* parent = nullptr);

    /// A trend: mean ± SD per session, labelled by date; band = [low, high] kPa shaded.
    void set_trend(const Series& series, const QStringList& x_labels,
                   std::optional<std::pair<double, double>> band_kpa);
    /// Traces over time (seconds); band = the hold's target band, if any.
    void set_traces(const std::vector<Series>& traces,
                    std::optional<std::pair<double, double>> band_kpa);
    /// Pressures are drawn in this unit: value = kPa × per_kpa, with the symbol on the axis.
    void set_unit(const QString& symbol, double per_kpa);
    void set_caption(const QString& caption);
    void clear();

    QSize sizeHint() const override { return {420, 180}; }
    QSize minimumSizeHint() const override { return {200, 110}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::vector<Series> series_;
    QStringList x_labels_;
    std::optional<std::pair<double, double>> band_kpa_;
    bool trend_ = true;
    QString symbol_ = QStringLiteral("kPa");
    double per_kpa_ = 1.0;
    QString caption_;
};

} // namespace algogui
