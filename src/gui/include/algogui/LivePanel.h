#pragma once
// The "Live" page: plot, big readout, hold timer, ramp-rate gauge and target editor, all
// refreshed once per display frame from the LiveSession.
#include <QWidget>
#include <cstdint>
#include <memory>

#include "algogui/DisplayUnit.h"
#include "algogui/LiveState.h"

namespace algogui {

class HoldTimerPanel;
class LiveFeed;
class PressurePlot;
class PressureReadout;
class RampRateGauge;
class TargetEditor;

class LivePanel : public QWidget {
    Q_OBJECT
public:
    LivePanel(LiveFeed& feed, QWidget* parent = nullptr);
    ~LivePanel() override;

    void set_unit(const DisplayUnit& unit);
    const DisplayUnit& unit() const { return unit_; }
    void set_window_s(double window_s);
    /// Applies targets to the model, the plot guides, the gauge and the editor.
    void set_targets(const LiveTargets& targets);

    PressureReadout& readout() { return *readout_; }
    HoldTimerPanel& hold_timer() { return *hold_timer_; }
    RampRateGauge& ramp_gauge() { return *ramp_gauge_; }
    TargetEditor& target_editor() { return *target_editor_; }
    PressurePlot& plot() { return *plot_; }

public Q_SLOTS:
    /// Refreshes every widget from the model (connected to LiveFeed::frameReady).
    void show_frame();

Q_SIGNALS:
    /// The user changed the targets in the editor (valid ones only).
    void targetsEdited(const algogui::LiveTargets& targets);

protected:
    /// Brings the plot up to date at once when the page comes back into view.
    void showEvent(QShowEvent* event) override;

private:
    void apply_targets_to_view(const LiveTargets& targets);

    static constexpr std::uint64_t kNothingPlotted = ~std::uint64_t{0};
    LiveFeed& feed_;
    std::uint64_t plotted_samples_ = kNothingPlotted;
    std::size_t plotted_markers_ = 0;
    double plotted_now_t_s_ = 0.0;
    double gauge_at_s_ = 0.0; // session time the ramp gauge was last given a rate
    bool gauge_live_ = false;
    DisplayUnit unit_;
    std::unique_ptr<PressurePlot> plot_;
    PressureReadout* readout_ = nullptr;
    HoldTimerPanel* hold_timer_ = nullptr;
    RampRateGauge* ramp_gauge_ = nullptr;
    TargetEditor* target_editor_ = nullptr;
};

} // namespace algogui
