#pragma once
// The device reading over the capture window, so the operator can see the load settle.
#include <QWidget>
#include <vector>

namespace algogui::calibration {

class ReadingTrace : public QWidget {
public:
    explicit ReadingTrace(QWidget* parent = nullptr);
    /// Readings oldest first; `stable` colours the line (and the label says it in words).
    void show_readings(std::vector<double> readings, bool stable);
    QSize sizeHint() const override { return {480, 160}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::vector<double> readings_;
    bool stable_ = false;
};

} // namespace algogui::calibration
