// ThresholdsPage: what is drawn from the model each frame, the site list and body map, and
// the storage's health in the banner. (Construction and actions are in ThresholdsPage.cpp.)
#include <algorithm>

#include <QPointer>

#include "algocore/session/PointRows.h"
#include "algocore/storage/SiteLibrary.h"
#include "algogui/Banner.h"
#include "algogui/RampRateGauge.h"
#include "algogui/thresholds/CueFlash.h"
#include "algogui/thresholds/PointSummaryView.h"
#include "algogui/thresholds/ReactionTimePanel.h"
#include "algogui/thresholds/RunControls.h"
#include "algogui/thresholds/SitePicker.h"
#include "algogui/thresholds/ThresholdsPage.h"
#include "algogui/thresholds/TrialTable.h"

namespace algogui {

using algocore::protocols::PptTrialState;
using algocore::records::BodySide;

void ThresholdsPage::refresh() {
    auto& model = session();
    const auto run = model.run_state();
    run_->show_run(run, hint_);
    const auto rows = model.rows();
    std::vector<std::optional<double>> estimates;
    for (const auto& row : rows)
        estimates.push_back(model.rt_adjusted_kpa(row));
    table_->show_rows(rows, algocore::session::superseded_rows(rows, model.preset().name),
                      estimates, model.reaction_time_ms());
    summary_->show_result(model.result(), model.preset().aggregate);
    gauge_->show_rate(run.ramp_rate_kpa_s, run.trial == PptTrialState::Ramping);
    refresh_plot();
    refresh_map();
    refresh_reaction();
}

void ThresholdsPage::refresh_reaction() {
    auto& test = workbench_.reaction();
    // A host cue is given here: the page flashes and beeps, stamped when it was asked for.
    if (const auto cue = test.take_host_cue()) {
        flash_->flash(static_cast<int>(test.test()->config().cue_duration_s * 1000.0));
        test.host_cue_shown(*cue, now_s());
    }
    QString problem = reaction_problem_;
    if (problem.isEmpty() && test.result() && !test.result()->cues.empty()) {
        const bool stored = workbench_.reaction_record().id != algocore::records::kNoRecord;
        problem = !stored ? tr("NOT STORED: %1")
                                .arg(QString::fromStdString(workbench_.visit().last_problem()))
                  : test.result()->summary.complete
                      ? tr("stored with the session; the trials' estimates use it")
                      : tr("stored with the session as incomplete");
    }
    reaction_->show_test(
        test, session().run_state().series != algocore::protocols::PptSeriesState::TrialRunning,
        problem);
}

void ThresholdsPage::refresh_plot() {
    // A marker where each threshold was read: on the trace, at the aligned sample.
    markers_.clear();
    for (const algocore::session::PptTrialRow& row : session().rows()) {
        const auto& result = row.trial.result;
        if (result.end == algocore::protocols::PptTrialEnd::Signalled ||
            result.end == algocore::protocols::PptTrialEnd::CutOff)
            markers_.push_back(
                {PlotMarker::Kind::PatientButton, result.t_sample_s, result.ppt_kpa});
    }
    PlotFrame frame;
    frame.trace = history_.points();
    frame.now_t_s = latest_t_s_;
    frame.markers = markers_;
    frame.samples_shown = history_.size();
    // The corridor stays up after the trial so the operator can see how the ramp went.
    frame.corridor = session().run_state().corridor;
    plot_->show_frame(frame);
}

void ThresholdsPage::refresh_map() {
    const auto measured = session().session_thresholds();
    if (measured == shown_session_ && !measured.empty()) return;
    shown_session_ = measured;
    std::map<std::pair<std::string, BodySide>, BodyMapValue> values = stored_latest_;
    for (const auto& [key, kpa] : measured)
        values[key] = {key.first, key.second, kpa, tr("this session")};
    std::vector<BodyMapValue> list;
    for (const auto& [key, value] : values)
        list.push_back(value);
    body_map_->set_values(list);
}

void ThresholdsPage::load_sites() {
    body_map_->set_sites(sites_);
    site_picker_->set_sites(sites_);
}

void ThresholdsPage::load_latest_thresholds() {
    // One read per subject or session change, never per frame, never waited for.
    stored_latest_.clear();
    shown_session_.clear();
    auto* storage = workbench_.storage();
    if (!storage || !subject_) return;
    const std::string code = subject_->code;
    algocore::storage::ask<std::vector<algocore::records::PointThreshold>>(
        *storage, workbench_.inbox(),
        [code](algocore::storage::StorageReader& s) {
            return s.thresholds_of(code, algocore::records::TrialMeasure::Ppt);
        },
        [page = QPointer<ThresholdsPage>(this),
         code](algocore::storage::Answer<std::vector<algocore::records::PointThreshold>> answer) {
            if (!page || !answer.ok() || !page->subject_ || page->subject_->code != code) return;
            page->stored_latest_.clear();
            for (const auto& latest : answer.value) {
                for (const auto& site : page->sites_) {
                    if (site.id != latest.site_id || latest.n == 0) continue;
                    page->stored_latest_[{site.key, latest.side}] = {
                        site.key, latest.side, latest.mean_kpa,
                        QString::fromStdString(latest.session_started_utc.substr(0, 10))};
                }
            }
            page->shown_session_.clear();
            page->refresh_map();
        });
}

void ThresholdsPage::on_custom_point(BodyView view, QPointF fraction, int side) {
    custom_point_ = {view, fraction};
    custom_side_ = static_cast<BodySide>(side);
    const QString side_name = custom_side_ == BodySide::Left    ? tr("left side")
                              : custom_side_ == BodySide::Right ? tr("right side")
                                                                : tr("midline");
    site_picker_->offer_custom(
        tr("%1, %2").arg(view == BodyView::Front ? tr("front") : tr("back"), side_name));
}

void ThresholdsPage::on_custom_named() {
    if (!custom_point_) return;
    algocore::records::Site site;
    site.name = site_picker_->custom_name().toStdString();
    site.key = algocore::storage::site_key_from_name(site.name);
    site.region = "custom";
    site.landmark = "placed on the body map";
    site.paired = custom_side_ != BodySide::Midline;
    const auto point = left_side_point(custom_point_->second, custom_side_);
    if (custom_point_->first == BodyView::Front)
        site.front = point;
    else
        site.back = point;
    if (std::any_of(sites_.begin(), sites_.end(),
                    [&](const auto& known) { return known.key == site.key; })) {
        hint_ = tr("a site called %1 exists already").arg(site_picker_->custom_name());
        refresh();
        return;
    }
    site = workbench_.add_site(site);
    sites_ = workbench_.sites();
    load_sites();
    custom_point_.reset();
    on_point_chosen(site.key, custom_side_);
}

} // namespace algogui
