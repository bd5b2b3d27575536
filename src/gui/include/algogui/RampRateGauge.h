#pragma once
// Ramp-rate gauge: the smoothed rate of application against the target ± tolerance, as a
// horizontal scale with the acceptable zone shaded, a needle, and the number in words.
#include <QWidget>
#include <optional>

#include "algogui/DisplayUnit.h"

namespace algogui {

class RampRateGauge : public QWidget {
    Q_OBJECT
public:
    explicit RampRateGauge(QWidget* parent = nullptr);

    void set_unit(const DisplayUnit& unit);
    void set_target(double rate_kpa_s, double tolerance_kpa_s);
    /// nullopt while there is not enough signal for a rate. The verdict (slow / on target /
    /// fast) is given only while a ramp is under way.
    void show_rate(std::optional<double> rate_kpa_s, bool ramping);

    QString rate_text() const;
    /// "slow", "on target", "fast" or "" with no rate.
    QString verdict_text() const;
    /// The line above the scale: "Ramp rate" with the rate and the target.
    QString caption_text() const;
    /// The caption's font at the present width (smaller in a narrow column).
    QFont caption_font() const;
    /// The caption is shown whole (not elided) at the present width.
    bool caption_fits() const;

    QSize sizeHint() const override { return {360, 96}; }
    QSize minimumSizeHint() const override { return {200, 80}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    DisplayUnit unit_;
    double target_kpa_s_ = 60.0;
    double tolerance_kpa_s_ = 15.0;
    std::optional<double> rate_kpa_s_;
    bool ramping_ = false;
    QString shown_; // what is on screen, so repaints happen only on change
};

} // namespace algogui
