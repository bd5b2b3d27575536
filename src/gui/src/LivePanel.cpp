#include "algogui/LivePanel.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QScrollArea>
#include <QVBoxLayout>
#include <algorithm>

#include "algogui/BandStyle.h"
#include "algogui/HoldTimerPanel.h"
#include "algogui/LiveFeed.h"
#include "algogui/PlotFactory.h"
#include "algogui/PressureReadout.h"
#include "algogui/RampRateGauge.h"
#include "algogui/ScrollColumn.h"
#include "algogui/TargetEditor.h"

namespace algogui {
namespace {
constexpr double kGaugeIntervalS = 0.1;
} // namespace

LivePanel::LivePanel(LiveFeed& feed, QWidget* parent)
    : QWidget(parent), feed_(feed), unit_(display_unit("kpa")) {
    plot_ = make_pressure_plot(this);
    readout_ = new PressureReadout(this);
    hold_timer_ = new HoldTimerPanel(this);
    ramp_gauge_ = new RampRateGauge(this);
    target_editor_ = new TargetEditor(this);

    // The targets show whole at every size (a scrolled editor showed half a row); the readout
    // above them takes what is left, and its digits follow its size.
    auto* targets_box = new QGroupBox(tr("Targets"), this);
    auto* targets_layout = new QVBoxLayout(targets_box);
    targets_layout->setContentsMargins(2, 2, 2, 2);
    targets_layout->addWidget(target_editor_);
    targets_box->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    readout_->setMinimumHeight(110);

    // Left: what the therapist glances at (number, state, timer). Right: the trace, the ramp
    // gauge under it, and the targets.
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(6, 6, 6, 6);
    grid->addWidget(readout_, 0, 0);
    grid->addWidget(hold_timer_, 1, 0);
    grid->addWidget(targets_box, 2, 0);
    grid->addWidget(plot_->widget(), 0, 1, 2, 1);
    grid->addWidget(ramp_gauge_, 2, 1);
    grid->setColumnStretch(0, 2);
    grid->setColumnStretch(1, 3);
    grid->setRowStretch(0, 1);

    connect(&feed_, &LiveFeed::frameReady, this, &LivePanel::show_frame);
    connect(target_editor_, &TargetEditor::targetsChanged, this,
            [this](const LiveTargets& targets) {
                feed_.model().set_targets(targets);
                apply_targets_to_view(targets);
                Q_EMIT targetsEdited(targets);
            });
    set_targets(feed_.model().targets());
}

LivePanel::~LivePanel() = default;

void LivePanel::set_unit(const DisplayUnit& unit) {
    unit_ = unit;
    plot_->set_unit(unit);
    ramp_gauge_->set_unit(unit);
    target_editor_->set_unit(unit);
    plotted_samples_ = kNothingPlotted;
    show_frame();
}

void LivePanel::set_window_s(double window_s) {
    plot_->set_window_s(window_s);
    plotted_samples_ = kNothingPlotted;
    show_frame();
}

void LivePanel::set_targets(const LiveTargets& targets) {
    feed_.model().set_targets(targets);
    target_editor_->set_targets(targets);
    apply_targets_to_view(targets);
}

void LivePanel::apply_targets_to_view(const LiveTargets& targets) {
    PlotGuides guides;
    guides.band_valid = true;
    guides.band_low_kpa = targets.band_low_kpa;
    guides.band_high_kpa = targets.band_high_kpa;
    guides.limit_kpa = targets.limit_kpa;
    plot_->set_guides(guides);
    ramp_gauge_->set_target(targets.ramp_rate_kpa_s, targets.ramp_tolerance_kpa_s);
}

void LivePanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    show_frame();
}

void LivePanel::show_frame() {
    LiveSession& model = feed_.model();
    const SignalState signal = model.signal_state();
    const bool live = signal == SignalState::Live;
    // Only a live signal shows a number and a verdict; anything else says why there is none.
    if (live) {
        readout_->show_reading(unit_.format(model.latest().pressure_kpa), unit_.symbol,
                               band_style(model.band_state()));
    } else {
        readout_->show_message(signal_style(signal), link_words(model.link_state()));
    }
    hold_timer_->show_timer(model.hold_timer(), model.hold_running(), signal);
    // The gauge shows a rate fitted over the last 0.75 s: ten updates a second show all there
    // is, and no one reads a number that changes faster. Losing the signal shows at once.
    const double now_s = model.now_s();
    if (!live || !gauge_live_ || now_s - gauge_at_s_ >= kGaugeIntervalS || now_s < gauge_at_s_) {
        ramp_gauge_->show_rate(live ? model.ramp_rate_kpa_s() : std::nullopt,
                               live && model.corridor().has_value());
        gauge_at_s_ = now_s;
        gauge_live_ = live;
    }

    // While another page is in front the plot is not fed: decimating a trace nobody sees
    // costs CPU every frame. showEvent() catches it up.
    if (!plot_->widget()->isVisible()) {
        plotted_samples_ = kNothingPlotted;
        return;
    }
    // Without a signal on an open link the window keeps moving with the clock, so the
    // trace visibly runs out instead of freezing as if the pressure were steady.
    const bool clock_runs = signal == SignalState::NoSignal;
    const double now_t_s = clock_runs ? std::max(model.history().latest_t_s(), model.now_s())
                                      : model.history().latest_t_s();
    // An idle link (no new samples, clock still) leaves the plot alone: no repaint, no CPU.
    if (model.samples_seen() == plotted_samples_ && model.markers().size() == plotted_markers_ &&
        now_t_s == plotted_now_t_s_)
        return;
    plotted_samples_ = model.samples_seen();
    plotted_markers_ = model.markers().size();
    plotted_now_t_s_ = now_t_s;
    PlotFrame frame;
    frame.trace = model.history().points();
    frame.now_t_s = now_t_s;
    frame.corridor = live ? model.corridor() : std::nullopt;
    frame.markers = model.markers();
    frame.samples_shown = model.samples_seen();
    plot_->show_frame(frame);
}

} // namespace algogui
