// ThresholdsPage: what is drawn from the model each frame, the site list and body map, and
// the storage's health in the banner. (Construction and actions are in ThresholdsPage.cpp.)
#include <algorithm>

#include "algocore/storage/SiteLibrary.h"
#include "algocore/storage/SqliteStorage.h"
#include "algogui/Banner.h"
#include "algogui/RampRateGauge.h"
#include "algogui/thresholds/PointSummaryView.h"
#include "algogui/thresholds/RunControls.h"
#include "algogui/thresholds/SitePicker.h"
#include "algogui/thresholds/ThresholdsPage.h"
#include "algogui/thresholds/TrialTable.h"

namespace algogui {

using algocore::protocols::PptTrialState;
using algocore::storage::BodySide;

void ThresholdsPage::refresh() {
    run_->show_series(model_.series(), hint_);
    table_->show_rows(model_.rows());
    summary_->show_result(model_.result(), model_.preset().aggregate);
    const auto* series = model_.series();
    const auto* trial = series ? series->current_trial() : nullptr;
    const bool ramping = trial && trial->state() == PptTrialState::Ramping;
    gauge_->show_rate(ramping ? trial->current_rate_kpa_s() : std::nullopt, ramping);
    refresh_plot();
    refresh_map();
    report_storage();
}

void ThresholdsPage::refresh_plot() {
    // A marker where each threshold was read: on the trace, at the aligned sample.
    markers_.clear();
    for (const PptTrialRow& row : model_.rows()) {
        const auto& result = row.trial.result;
        if (result.end == algocore::protocols::PptTrialEnd::Signalled ||
            result.end == algocore::protocols::PptTrialEnd::CutOff)
            markers_.push_back({PlotMarker::Kind::PatientButton, result.t_sample_s, result.ppt_kpa});
    }
    PlotFrame frame;
    frame.trace = history_.points();
    frame.now_t_s = latest_t_s_;
    frame.markers = markers_;
    frame.samples_shown = history_.size();
    const auto* series = model_.series();
    if (const auto* trial = series ? series->current_trial() : nullptr) {
        // The corridor stays up after the trial so the operator can see how the ramp went.
        if (trial->state() != PptTrialState::Idle) frame.corridor = trial->corridor();
    }
    plot_->show_frame(frame);
}

void ThresholdsPage::refresh_map() {
    const auto session = model_.session_thresholds();
    if (session == shown_session_ && !session.empty()) return;
    shown_session_ = session;
    std::map<std::pair<std::string, BodySide>, BodyMapValue> values = stored_latest_;
    for (const auto& [key, kpa] : session)
        values[key] = {key.first, key.second, kpa, tr("this session")};
    std::vector<BodyMapValue> list;
    for (const auto& [key, value] : values) list.push_back(value);
    body_map_->set_values(list);
}

void ThresholdsPage::load_sites() {
    body_map_->set_sites(sites_);
    site_picker_->set_sites(sites_);
}

void ThresholdsPage::load_latest_thresholds() {
    // One look-up per point when the subject or session changes, not per frame.
    stored_latest_.clear();
    shown_session_.clear();
    auto* storage = model_.storage();
    if (!storage || !model_.subject()) return;
    for (const auto& site : sites_) {
        if (site.id == algocore::storage::kNoRecord) continue;
        const std::vector<BodySide> sides =
            site.paired ? std::vector<BodySide>{BodySide::Left, BodySide::Right}
                        : std::vector<BodySide>{BodySide::Midline};
        for (BodySide side : sides) {
            const auto latest = storage->latest_threshold(model_.subject()->id, site.id, side,
                                                          algocore::storage::TrialMeasure::Ppt);
            if (!latest || latest->n == 0) continue;
            stored_latest_[{site.key, side}] = {
                site.key, side, latest->mean_kpa,
                QString::fromStdString(latest->session_started_utc.substr(0, 10))};
        }
    }
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
    algocore::storage::Site site;
    site.name = site_picker_->custom_name().toStdString();
    site.key = algocore::storage::site_key_from_name(site.name);
    site.region = "custom";
    site.landmark = "placed on the body map";
    site.paired = custom_side_ != BodySide::Midline;
    const auto point = left_side_point(custom_point_->second, custom_side_);
    if (custom_point_->first == BodyView::Front) site.front = point;
    else site.back = point;
    if (std::any_of(sites_.begin(), sites_.end(),
                    [&](const auto& known) { return known.key == site.key; })) {
        hint_ = tr("a site called %1 exists already").arg(site_picker_->custom_name());
        refresh();
        return;
    }
    if (ensure_storage()) site.id = storage_->add_site(site).id;
    sites_.push_back(site);
    load_sites();
    custom_point_.reset();
    on_point_chosen(site.key, custom_side_);
}

void ThresholdsPage::report_storage() {
    if (!storage_) return;
    for (const auto& event : storage_->take_events()) {
        if (!banner_) continue;
        if (event.state == algocore::storage::StorageState::Ok) {
            banner_->show_message(BannerLevel::Info, tr("Database: every record is written"));
        } else {
            // The trial stays in memory and is retried: say so, and never block the session.
            banner_->show_message(
                BannerLevel::Error,
                tr("Database: %1 — %2 records kept in memory, retrying")
                    .arg(QString::fromStdString(event.message))
                    .arg(event.pending_writes));
        }
    }
}

}  // namespace algogui
