// TreatmentPage: what the session says, drawn each frame; and the operator's actions.
// (Construction and the point/subject choice are in TreatmentPage.cpp.)
#include <QLabel>
#include <QPushButton>

#include "algogui/AudioCues.h"
#include "algogui/BandStyle.h"
#include "algogui/HoldTimerPanel.h"
#include "algogui/PlainWords.h"
#include "algogui/PressureReadout.h"
#include "algogui/treatment/HoldStatusPanel.h"
#include "algogui/treatment/HoldSummaryPanel.h"
#include "algogui/treatment/PointPicker.h"
#include "algogui/treatment/PrescriptionEditor.h"
#include "algogui/treatment/TreatmentPage.h"

namespace algogui {

using algocore::protocols::SequencePhase;
using algocore::session::TreatmentPromptKind;

void TreatmentPage::check_prescription() {
    auto& treatment = workbench_.treatment();
    treatment.set_prescription(editor_->prescription());
    const auto resolved = treatment.resolved();
    const auto& check = resolved.check;
    const auto& thresholds = treatment.thresholds();
    const auto words = [this](const std::optional<double>& kpa) {
        return kpa ? unit_.format_with_symbol(*kpa) : tr(kNotMeasured);
    };
    point_->show_thresholds(
        !workbench_.visit().visit() ? QStringLiteral("enter the subject to see its thresholds")
        : !treatment.thresholds_known()
            ? QStringLiteral("reading…")
            : QStringLiteral("PPT %1 · tolerance %2")
                  .arg(words(thresholds.ppt_kpa), words(thresholds.tolerance_kpa)));
    const bool missing_ppt = resolved.missing == algocore::protocols::StoredThreshold::Ppt;
    if (resolved.missing && treatment.thresholds_known()) {
        const QString which = QString::fromLatin1(algocore::protocols::to_words(*resolved.missing));
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
        editor_->show_problem(
            check.ok() || resolved.missing ? QString() : QString::fromStdString(check.reason));
    }
    const bool holding = treatment.run_state().holding();
    start_->setEnabled(check.ok() && !holding);

    PlotGuides guides;
    // While a set runs its band stays on the plot, whatever is being edited.
    const auto band = treatment.active_band() ? treatment.active_band()
                      : check.ok()            ? std::optional(resolved.band)
                                              : std::nullopt;
    if (band)
        guides = {true, band->low_kpa, band->high_kpa, band->has_limit() ? band->limit_kpa : 0.0};
    plot_->set_guides(guides);
}

bool TreatmentPage::start_hold() {
    use_subject();
    // A finished hold that was neither saved nor discarded is stored (without a rating).
    const bool had_pending = session().pending().has_value();
    const std::string problem = workbench_.treatment().start(latest_ ? latest_->t_s : 0.0);
    if (had_pending && !session().pending())
        summary_->show_saved(QStringLiteral("Previous hold saved"));
    if (!problem.empty()) {
        editor_->show_problem(QString::fromStdString(problem));
        check_prescription();
        return false;
    }
    markers_.clear();
    step_up_log_.clear();
    log_->clear();
    log_->hide(); // its line goes to the trace while there is nothing to log
    summary_->clear();
    summary_->hide();
    fit_after_hold();
    pending_shown_ = false;
    set_prompt(std::nullopt);
    stop_->setEnabled(true);
    was_running_ = true;
    Q_EMIT activeBandChanged();
    check_prescription();
    refresh(latest_ ? latest_->t_s : 0.0);
    return true;
}

void TreatmentPage::stop_hold() {
    workbench_.treatment().stop(latest_ ? latest_->t_s : 0.0);
    show_prompts(workbench_.treatment().take_prompts());
    show_phase();
    refresh(latest_ ? latest_->t_s : 0.0);
}

bool TreatmentPage::mark_release_felt() {
    if (!latest_) return false;
    const bool marked = workbench_.treatment().mark_release_felt(latest_->t_s);
    // The mark's prompt comes back from the session with the others.
    show_prompts(workbench_.treatment().take_prompts());
    refresh(latest_->t_s);
    return marked;
}

void TreatmentPage::feed(const std::vector<algocore::Sample>& samples) {
    for (const algocore::Sample& sample : samples) {
        history_.append(sample.t_s, sample.pressure_kpa,
                        (sample.flags & algocore::kGapBefore) != 0);
        latest_ = sample;
        ++samples_seen_;
    }
    show_prompts(workbench_.treatment().take_prompts());
    show_phase();
    if (latest_) refresh(latest_->t_s);
}

void TreatmentPage::set_prompt(const std::optional<CoachPrompt>& prompt) {
    if (!prompt) {
        status_->hide_prompt();
        Q_EMIT promptCleared();
        return;
    }
    status_->show_prompt(prompt->words(unit_), prompt->colour);
    Q_EMIT promptShown(*prompt);
}

void TreatmentPage::show_prompts(const std::vector<algocore::session::TreatmentPrompt>& prompts) {
    for (const auto& prompt : prompts) {
        switch (prompt.kind) {
        case TreatmentPromptKind::TakeUpSlack:
            set_prompt(CoachPrompt::take_up_slack());
            if (audio_) audio_->play_cue(LiveCue::TakeUpSlack);
            break;
        case TreatmentPromptKind::StepUp: {
            set_prompt(CoachPrompt::step_up(prompt.pressure_kpa));
            const auto running = session().run_state().hold;
            if (!running || running->step_ups.empty()) break;
            const auto& step = running->step_ups.back();
            const double start_t_s = running->started_t_s;
            step_up_log_.append(
                QStringLiteral("Step-up %1 at %2 s: %3 → %4")
                    .arg(running->step_ups.size())
                    .arg(step.t_s - start_t_s, 0, 'f', 1)
                    .arg(unit_.format(step.before_kpa), unit_.format_with_symbol(step.after_kpa)));
            markers_.push_back({PlotMarker::Kind::Mark, step.t_s, step.after_kpa});
            log_->setText(step_up_log_.join(QStringLiteral("   ·   ")));
            log_->show();
            break;
        }
        case TreatmentPromptKind::OverLimit:
            set_prompt(CoachPrompt::over_limit());
            if (audio_) audio_->play_cue(LiveCue::OverLimit);
            break;
        case TreatmentPromptKind::HoldComplete:
            set_prompt(CoachPrompt::hold_complete());
            if (audio_) audio_->play_cue(LiveCue::HoldComplete);
            break;
        case TreatmentPromptKind::TimeLimit:
            set_prompt(CoachPrompt::time_limit());
            if (audio_) audio_->play_cue(LiveCue::HoldComplete);
            break;
        case TreatmentPromptKind::NextHold: set_prompt(std::nullopt); break;
        case TreatmentPromptKind::ReleaseFelt: {
            // Marked with the key, the button here or the device's operator button.
            set_prompt(CoachPrompt::release_felt());
            const auto running = session().run_state().hold;
            const double start_t_s = running ? running->started_t_s : 0.0;
            const double pressure_kpa = latest_ ? latest_->pressure_kpa : 0.0;
            step_up_log_.append(
                QStringLiteral("Release felt at %1 s").arg(prompt.t_s - start_t_s, 0, 'f', 1));
            markers_.push_back({PlotMarker::Kind::OperatorButton, prompt.t_s, pressure_kpa});
            log_->setText(step_up_log_.join(QStringLiteral("   ·   ")));
            log_->show();
            break;
        }
        case TreatmentPromptKind::Stretch:
        case TreatmentPromptKind::Rest:
        case TreatmentPromptKind::SetDone: break; // shown with their countdowns below
        }
    }
}

// The finished hold's dose, the stretch/rest countdowns, and the live band handed back to
// the user when the set ends.
void TreatmentPage::show_phase() {
    auto& treatment = workbench_.treatment();
    if (const auto& pending = treatment.pending(); pending && !pending_shown_) {
        pending_shown_ = true;
        auto metrics = pending->hold.metrics;
        summary_->show_hold(metrics, unit_);
        summary_->show();
    }
    const algocore::session::TreatmentRunState run = treatment.run_state();
    const SequencePhase phase = run.phase;
    if (phase == SequencePhase::Stretch) {
        set_prompt(CoachPrompt::stretch(run.remaining_s));
    } else if (phase == SequencePhase::Rest) {
        set_prompt(CoachPrompt::rest(run.remaining_s, run.repetition + 1, run.repetitions));
    }
    if (phase == SequencePhase::Holding && pending_shown_ && !treatment.pending()) {
        pending_shown_ = false; // the next hold of the set began
        step_up_log_.clear();
        log_->clear();
        log_->hide(); // its line goes to the trace while there is nothing to log
    }
    const bool running = run.running;
    fit_after_hold();
    stop_->setEnabled(running);
    // A release can be felt once the hold has begun (in the band), not while it waits.
    felt_->setEnabled(run.release_can_be_marked);
    if (was_running_ != running) {
        was_running_ = running;
        Q_EMIT activeBandChanged();
        check_prescription();
    }
}

void TreatmentPage::refresh(double now_t_s) {
    refresh_readout();
    if (const auto running = session().run_state().hold)
        status_->show_hold(*running, workbench_.live().signal_state() == SignalState::Live);

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

// What the number may say: nothing without a live signal (NO SIGNAL, NOT CONNECTED: only
// those two mean the device); with one, the band's verdict, or why there is no band (the
// point has no stored threshold, or the prescription is not usable).
void TreatmentPage::refresh_readout() {
    const auto& live = workbench_.live();
    if (live.signal_state() != SignalState::Live || !live.has_sample()) {
        readout_->show_message(signal_style(live.signal_state()), link_words(live.link_state()));
        return;
    }
    const double p = live.latest().pressure_kpa;
    const auto band = session().active_band();
    const auto resolved = session().resolved();
    const algocore::protocols::PressureBand* shown = band                  ? &*band
                                                     : resolved.check.ok() ? &resolved.band
                                                                           : nullptr;
    const BandStyle style = shown              ? band_style(shown->classify(p))
                            : resolved.missing ? no_threshold_style(*resolved.missing)
                                               : no_band_style();
    readout_->show_reading(unit_.format(p), unit_.symbol, style);
}

bool TreatmentPage::save_hold() {
    if (!session().pending()) {
        summary_->show_problem(QStringLiteral("No finished hold to save."));
        return false;
    }
    const std::string problem = workbench_.treatment().save_pending(summary_->pain_rating());
    if (!problem.empty()) {
        summary_->show_problem(
            QStringLiteral("Not saved: %1.").arg(QString::fromStdString(problem)));
        return false;
    }
    summary_->show_saved(QStringLiteral("Saved: hold %1 at %2")
                             .arg(session().last_saved())
                             .arg(point_->point_name()));
    return true;
}

} // namespace algogui
