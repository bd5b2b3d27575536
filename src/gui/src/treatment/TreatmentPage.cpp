#include "algogui/treatment/TreatmentPage.h"

#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "algocore/storage/Storage.h"
#include "algogui/AudioCues.h"
#include "algogui/BandStyle.h"
#include "algogui/HoldTimerPanel.h"
#include "algogui/PlotFactory.h"
#include "algogui/PressureReadout.h"
#include "algogui/Theme.h"
#include "algogui/treatment/HoldRecord.h"
#include "algogui/treatment/HoldStatusPanel.h"
#include "algogui/treatment/HoldSummaryPanel.h"
#include "algogui/treatment/PointPicker.h"
#include "algogui/treatment/PrescriptionEditor.h"

namespace algogui {

using algocore::protocols::HoldEngine;
using algocore::protocols::HoldEventKind;
using algocore::protocols::HoldState;

namespace {

// A minute of plot history at up to 2 kHz.
constexpr double kHistoryS = 65.0;
constexpr std::size_t kHistoryPoints = 130000;

QPushButton* big_button(const QString& text, const QString& name, QWidget* parent) {
    auto* button = new QPushButton(text, parent);
    button->setObjectName(name);
    button->setMinimumHeight(48);
    QFont font = button->font();
    font.setPixelSize(20);
    font.setBold(true);
    button->setFont(font);
    return button;
}

} // namespace

TreatmentPage::TreatmentPage(AudioCues* audio, QWidget* parent)
    : QWidget(parent), audio_(audio), unit_(display_unit({})), history_(kHistoryS, kHistoryPoints) {
    setObjectName(QStringLiteral("TreatmentPage"));
    point_ = new PointPicker(this);
    editor_ = new PrescriptionEditor(this);

    // The refusal sits next to the prescription it is about and blocks nothing else.
    refusal_ = new QFrame(this);
    refusal_->setObjectName(QStringLiteral("RelativeBandRefusal"));
    refusal_->setStyleSheet(QStringLiteral("#RelativeBandRefusal { background: #fff4d6; border: "
                                           "2px solid %1; border-radius: 6px; }")
                                .arg(theme::kAbove.name()));
    refusal_text_ = new QLabel(refusal_);
    refusal_text_->setWordWrap(true);
    measure_ = new QPushButton(QStringLiteral("Measure PPT first"), refusal_);
    measure_->setObjectName(QStringLiteral("MeasureThresholdFirst"));
    auto* refusal_layout = new QVBoxLayout(refusal_);
    refusal_layout->addWidget(refusal_text_);
    refusal_layout->addWidget(measure_, 0, Qt::AlignLeft);
    refusal_->hide();

    start_ = big_button(QStringLiteral("Start hold"), QStringLiteral("StartHold"), this);
    stop_ = big_button(QStringLiteral("Stop"), QStringLiteral("StopHold"), this);
    stop_->setEnabled(false);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(start_, 2);
    buttons->addWidget(stop_, 1);

    auto* point_box = new QGroupBox(QStringLiteral("Point"), this);
    (new QVBoxLayout(point_box))->addWidget(point_);
    auto* prescription_box = new QGroupBox(QStringLiteral("Prescription"), this);
    (new QVBoxLayout(prescription_box))->addWidget(editor_);
    auto* left = new QVBoxLayout;
    left->addWidget(point_box);
    left->addWidget(prescription_box);
    left->addWidget(refusal_);
    left->addStretch(1);
    left->addLayout(buttons);

    readout_ = new PressureReadout(this);
    readout_->setMinimumSize(290, 160);
    readout_->setMaximumWidth(340);
    status_ = new HoldStatusPanel(this);
    auto* top = new QHBoxLayout;
    top->addWidget(readout_, 0);
    top->addWidget(status_, 1);

    plot_ = make_pressure_plot(this);
    log_ = new QLabel(this);
    log_->setObjectName(QStringLiteral("StepUpLog"));
    log_->setWordWrap(true);
    summary_ = new HoldSummaryPanel(this);
    summary_->hide(); // shown when a hold ends; the plot has the room meanwhile

    auto* right = new QVBoxLayout;
    right->addLayout(top);
    right->addWidget(plot_->widget(), 1);
    right->addWidget(log_);
    right->addWidget(summary_);

    auto* root = new QHBoxLayout(this);
    auto* left_widget = new QWidget(this);
    left_widget->setLayout(left);
    left_widget->setFixedWidth(350);
    left->setContentsMargins(0, 0, 0, 0);
    root->addWidget(left_widget);
    root->addLayout(right, 1);

    connect(point_, &PointPicker::pointChanged, this, [this] { check_prescription(); });
    connect(editor_, &PrescriptionEditor::prescriptionChanged, this,
            [this] { check_prescription(); });
    connect(measure_, &QPushButton::clicked, this, [this] {
        const bool ppt = resolved_ && resolved_->check.field == "ppt_kpa";
        Q_EMIT measureThresholdRequested(ppt ? QStringLiteral("PPT")
                                             : QStringLiteral("pain tolerance"));
    });
    connect(start_, &QPushButton::clicked, this, [this] { start_hold(); });
    connect(stop_, &QPushButton::clicked, this, [this] { stop_hold(); });
    connect(summary_, &HoldSummaryPanel::saveRequested, this, [this] { save_hold(); });
    connect(summary_, &HoldSummaryPanel::discardRequested, this, [this] {
        hold_saved_ = true;
        summary_->show_saved(QStringLiteral("Discarded: not stored"));
    });

    plot_->set_unit(unit_);
    plot_->set_window_s(60.0);
    check_prescription();
}

TreatmentPage::~TreatmentPage() = default;

void TreatmentPage::set_storage_source(std::function<algocore::storage::Storage*()> source) {
    storage_source_ = std::move(source);
}

bool TreatmentPage::ensure_storage() {
    if (!book_.storage() && storage_source_) {
        if (auto* storage = storage_source_()) set_storage(storage);
    }
    return book_.storage() != nullptr;
}

void TreatmentPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    // A PPT may have been measured on the Thresholds page meanwhile.
    if (ensure_storage()) point_->refresh_thresholds();
    if (latest_) refresh(latest_->t_s);
}

void TreatmentPage::start_demo() {
    ensure_storage();
    point_->set_subject_code(QStringLiteral("DEMO"));
    point_->choose_site(QStringLiteral("upper_trapezius"));
    point_->choose_side(algocore::storage::BodySide::Left);
    algocore::protocols::Prescription demo =
        algocore::protocols::Prescription::absolute(300.0, 400.0, 60.0);
    demo.limit =
        algocore::protocols::PressureRef{algocore::protocols::PressureAnchor::Absolute, 500.0};
    editor_->set_prescription(demo);
    start_hold();
}

void TreatmentPage::set_storage(algocore::storage::Storage* storage) {
    book_.set_storage(storage);
    point_->set_storage(storage);
}

void TreatmentPage::set_unit(const DisplayUnit& unit) {
    unit_ = unit;
    plot_->set_unit(unit);
    point_->set_unit(unit);
    refresh(latest_ ? latest_->t_s : 0.0);
}

void TreatmentPage::set_window_s(double window_s) {
    plot_->set_window_s(window_s);
}

QString TreatmentPage::refusal_text() const {
    return refusal_->isHidden() ? QString() : refusal_text_->text();
}

bool TreatmentPage::refusal_visible() const {
    return !refusal_->isHidden();
}

void TreatmentPage::check_prescription() {
    const algocore::protocols::Prescription prescription = editor_->prescription();
    resolved_ = prescription.resolve(point_->thresholds());
    const auto& check = resolved_->check;
    const bool missing_ppt = check.field == "ppt_kpa";
    const bool missing_tolerance = check.field == "tolerance_kpa";
    if (missing_ppt || missing_tolerance) {
        const QString which =
            missing_ppt ? QStringLiteral("PPT") : QStringLiteral("pain tolerance");
        const QString whose =
            point_->subject_code().isEmpty()
                ? QStringLiteral("this point (no subject entered)")
                : QStringLiteral("%1 of %2").arg(point_->point_name(), point_->subject_code());
        refusal_text_->setText(
            QStringLiteral("<b>No %1 stored for %2.</b><br>This band is relative to the %1, so "
                           "it cannot be set. Measure it first, or give the band in kPa.")
                .arg(which, whose));
        measure_->setText(missing_ppt ? QStringLiteral("Measure PPT first")
                                      : QStringLiteral("Measure tolerance first"));
        refusal_->show();
        editor_->show_problem({});
    } else {
        refusal_->hide();
        editor_->show_problem(check.ok() ? QString() : QString::fromStdString(check.reason));
    }
    const bool running = phase_ == Phase::Holding;
    start_->setEnabled(check.ok() && !running);

    PlotGuides guides;
    if (check.ok()) {
        guides.band_valid = true;
        guides.band_low_kpa = resolved_->band.low_kpa;
        guides.band_high_kpa = resolved_->band.high_kpa;
        guides.limit_kpa = resolved_->band.has_limit() ? resolved_->band.limit_kpa : 0.0;
    }
    // While a hold runs its band stays on the plot, whatever is being edited.
    if (running && hold_) {
        const auto& band = hold_->config().band;
        guides = {true, band.low_kpa, band.high_kpa, band.has_limit() ? band.limit_kpa : 0.0};
    }
    plot_->set_guides(guides);
}

bool TreatmentPage::start_hold() {
    if (phase_ == Phase::Holding) return false;
    // A finished hold that was neither saved nor discarded is kept, not silently lost.
    if (hold_ && hold_->finished() && !hold_saved_) save_hold();
    const bool next_in_set = phase_ == Phase::Rest || phase_ == Phase::Stretch;
    if (!next_in_set) {
        running_ = editor_->prescription();
        holds_done_ = 0;
    }
    const auto resolved = running_.resolve(point_->thresholds());
    if (!resolved.check.ok()) {
        check_prescription();
        return false;
    }
    hold_ =
        std::make_unique<HoldEngine>(algocore::protocols::hold_config_for(running_, resolved.band));
    phase_ = Phase::Holding;
    hold_saved_ = false;
    Q_EMIT holdStarted(hold_->config());
    markers_.clear();
    step_up_log_.clear();
    log_->clear();
    summary_->clear();
    summary_->hide();
    status_->hide_prompt();
    start_->setEnabled(false);
    stop_->setEnabled(true);
    check_prescription();
    refresh(latest_ ? latest_->t_s : 0.0);
    return true;
}

void TreatmentPage::stop_hold() {
    if (phase_ == Phase::Holding && hold_) {
        hold_->stop(latest_ ? latest_->t_s : 0.0);
        handle_events(latest_ ? latest_->t_s : 0.0);
        finish_hold();
    } else if (phase_ == Phase::Stretch || phase_ == Phase::Rest) {
        phase_ = Phase::Ended;
        status_->hide_prompt();
    }
    refresh(latest_ ? latest_->t_s : 0.0);
}

void TreatmentPage::feed(const std::vector<algocore::Sample>& samples) {
    if (samples.empty()) return;
    for (const algocore::Sample& sample : samples) {
        history_.append(sample.t_s, sample.pressure_kpa);
        latest_ = sample;
        ++samples_seen_;
        if (phase_ == Phase::Holding && hold_) {
            hold_->feed(sample);
            handle_events(sample.t_s);
            if (hold_->finished()) finish_hold();
        }
    }
    advance_phase(latest_->t_s);
    refresh(latest_->t_s);
}

void TreatmentPage::handle_events(double now_t_s) {
    (void)now_t_s;
    for (const auto& event : hold_->take_events()) {
        switch (event.kind) {
        case HoldEventKind::ReleaseDetected:
            status_->show_prompt(QStringLiteral("TAKE UP THE SLACK"), theme::kAbove);
            if (audio_) audio_->play_cue(LiveCue::TakeUpSlack);
            break;
        case HoldEventKind::StepUp: {
            status_->hide_prompt();
            const auto& step = hold_->step_ups().back();
            step_up_log_.append(
                QStringLiteral("Step-up %1 at %2 s: %3 → %4")
                    .arg(hold_->step_ups().size())
                    .arg(step.t_s, 0, 'f', 1)
                    .arg(unit_.format(step.before_kpa), unit_.format_with_symbol(step.after_kpa)));
            markers_.push_back({PlotMarker::Kind::Mark, step.t_s, step.after_kpa});
            log_->setText(step_up_log_.join(QStringLiteral("   ·   ")));
            break;
        }
        case HoldEventKind::OverLimit:
            status_->show_prompt(QStringLiteral("OVER LIMIT: EASE OFF"), theme::kOverLimit);
            if (audio_) audio_->play_cue(LiveCue::OverLimit);
            break;
        case HoldEventKind::Complete:
            if (audio_) audio_->play_cue(LiveCue::HoldComplete);
            break;
        default: break;
        }
    }
}

void TreatmentPage::finish_hold() {
    ++holds_done_;
    const double now_t_s = latest_ ? latest_->t_s : 0.0;
    phase_started_t_s_ = now_t_s;
    auto metrics = hold_->metrics();
    summary_->show_hold(metrics, hold_outcome_key(hold_->state()), unit_);
    const bool complete = hold_->state() == HoldState::Complete;
    if (hold_->state() != HoldState::OverLimit) status_->hide_prompt();
    if (complete && running_.stretch_s > 0.0)
        phase_ = Phase::Stretch;
    else if (complete && holds_done_ < running_.repetitions)
        phase_ = Phase::Rest;
    else
        phase_ = Phase::Ended;
    stop_->setEnabled(phase_ != Phase::Ended);
    check_prescription();
}

void TreatmentPage::advance_phase(double now_t_s) {
    const double elapsed_s = now_t_s - phase_started_t_s_;
    if (phase_ == Phase::Stretch) {
        const double left_s = running_.stretch_s - elapsed_s;
        if (left_s > 0.0) {
            status_->show_prompt(
                QStringLiteral("STRETCH NOW  %1").arg(format_minutes_seconds(left_s + 0.999)),
                theme::kBelow);
            return;
        }
        status_->hide_prompt();
        phase_started_t_s_ = now_t_s;
        phase_ = holds_done_ < running_.repetitions ? Phase::Rest : Phase::Ended;
        stop_->setEnabled(phase_ != Phase::Ended);
        return;
    }
    if (phase_ == Phase::Rest) {
        const double left_s = running_.rest_s - elapsed_s;
        if (left_s > 0.0) {
            status_->show_prompt(QStringLiteral("REST  %1 · then hold %2 of %3")
                                     .arg(format_minutes_seconds(left_s + 0.999))
                                     .arg(holds_done_ + 1)
                                     .arg(running_.repetitions),
                                 theme::kNoSignal);
            return;
        }
        status_->hide_prompt();
        start_hold();
    }
}

void TreatmentPage::refresh(double now_t_s) {
    if (latest_) {
        const double p = latest_->pressure_kpa;
        const algocore::protocols::PressureBand* band =
            hold_ && phase_ == Phase::Holding    ? &hold_->config().band
            : resolved_ && resolved_->check.ok() ? &resolved_->band
                                                 : nullptr;
        readout_->show_reading(unit_.format(p), unit_.symbol,
                               band ? band_style(band->classify(p)) : no_signal_style());
    }
    if (hold_) status_->show_hold(*hold_);

    // A hold runs on while another page is in front, but nobody sees this plot then:
    // decimating its trace every frame would be wasted. showEvent() catches it up.
    if (!plot_->widget()->isVisible()) return;
    PlotFrame frame;
    frame.trace = history_.points();
    frame.now_t_s = now_t_s;
    frame.markers = markers_;
    frame.samples_shown = samples_seen_;
    plot_->show_frame(frame);
}

bool TreatmentPage::save_hold() {
    if (!hold_ || !hold_->finished()) {
        summary_->show_problem(QStringLiteral("No finished hold to save."));
        return false;
    }
    if (hold_saved_) return false;
    ensure_storage();
    const algocore::storage::Site site = point_->site();
    SessionTarget target =
        book_.session_for(point_->subject_code(), {}, QStringLiteral("therapist"));
    if (target.ok() && site.id == algocore::storage::kNoRecord)
        target.error = QStringLiteral("the site is not in the database");
    if (!target.ok()) {
        summary_->show_problem(QStringLiteral("Not saved: %1.").arg(target.error));
        return false;
    }
    algocore::storage::Hold record = hold_record(*hold_, running_);
    record.session_id = target.session_id;
    record.site_id = site.id;
    record.side = point_->side();
    record.pain_rating_0_10 = summary_->pain_rating();
    const auto enqueued =
        book_.storage()->record_hold(record, algocore::storage::to_trace(hold_->trace()));
    if (enqueued.id == algocore::storage::kNoRecord) {
        summary_->show_problem(
            QStringLiteral("Not saved: the database refused the hold (see the banner)."));
        return false;
    }
    last_saved_ = enqueued.id;
    hold_saved_ = true;
    summary_->show_saved(QStringLiteral("Saved: hold %1 at %2, session %3")
                             .arg(enqueued.id)
                             .arg(point_->point_name())
                             .arg(target.session_id));
    return true;
}

} // namespace algogui
