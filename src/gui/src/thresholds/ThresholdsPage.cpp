#include "algogui/thresholds/ThresholdsPage.h"

#include <QApplication>
#include <QDateTime>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

#include <QPointer>

#include "algocore/storage/SiteLibrary.h"
#include "algogui/Banner.h"
#include "algogui/ExportDialog.h"
#include "algogui/LiveFeed.h"
#include "algogui/PlotFactory.h"
#include "algogui/RampRateGauge.h"
#include "algogui/ScrollColumn.h"
#include "algogui/thresholds/CueFlash.h"
#include "algogui/thresholds/PointSummaryView.h"
#include "algogui/thresholds/ProtocolForm.h"
#include "algogui/thresholds/ReactionTimePanel.h"
#include "algogui/thresholds/RunControls.h"
#include "algogui/thresholds/SessionForm.h"
#include "algogui/thresholds/SitePicker.h"
#include "algogui/thresholds/SubjectForm.h"
#include "algogui/thresholds/TrialExclusionButton.h"
#include "algogui/thresholds/TrialKeys.h"
#include "algogui/thresholds/TrialTable.h"

namespace algogui {

using algocore::protocols::PainSignalSource;
using algocore::protocols::PptSeriesState;
using algocore::protocols::PptTrialState;
using algocore::records::BodySide;

namespace {
constexpr double kHistoryKeepS = 60.0;
constexpr std::size_t kHistoryMaxPoints = 60 * 2000;
constexpr double kPlotWindowS = 20.0;

QGroupBox* boxed(const QString& title, QWidget* content, QWidget* parent) {
    auto* box = new QGroupBox(title, parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(content);
    return box;
}
} // namespace

ThresholdsPage::ThresholdsPage(algocore::session::Workbench& workbench, LiveFeed* feed,
                               Banner* banner, QWidget* parent)
    : QWidget(parent), workbench_(workbench), feed_(feed), banner_(banner),
      unit_(display_unit(QStringLiteral("kpa"))), history_(kHistoryKeepS, kHistoryMaxPoints) {
    setObjectName(QStringLiteral("ThresholdsPage"));
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(build_setup_column());
    splitter->addWidget(build_run_column());
    splitter->addWidget(build_map_column());
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 2);
    splitter->setSizes({300, 500, 460});
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);

    // The whole page flashes for a host cue of the reaction-time test.
    flash_ = new CueFlash(this);

    // The pain key and Esc run a trial, and answer (or stop) a reaction-time test.
    trial_keys_ = new TrialKeys(
        [this] {
            return isVisible() && (session().run_state().series == PptSeriesState::TrialRunning ||
                                   workbench_.reaction().running());
        },
        this);
    connect(trial_keys_, &TrialKeys::painKeyPressed, this, [this] {
        if (workbench_.reaction().running()) {
            workbench_.reaction().host_press(now_s());
            refresh();
        } else {
            signal_pain(PainSignalSource::Keyboard);
        }
    });
    connect(trial_keys_, &TrialKeys::abortKeyPressed, this, [this] {
        if (workbench_.reaction().running()) {
            workbench_.reaction().stop();
            refresh();
        } else {
            Q_EMIT run_->abortRequested();
        }
    });
    connect(reaction_, &ReactionTimePanel::startRequested, this,
            &ThresholdsPage::on_reaction_start);
    connect(reaction_, &ReactionTimePanel::stopRequested, this, [this] {
        workbench_.reaction().stop();
        refresh();
    });
    connect(reaction_, &ReactionTimePanel::subjectPressed, this, [this] {
        workbench_.reaction().host_press(now_s());
        refresh();
    });
    connect(run_, &RunControls::painKeyChanged, this,
            [this](int key) { trial_keys_->set_pain_key(key); });
    connect(run_, &RunControls::painSignalled, this,
            [this] { signal_pain(PainSignalSource::OnScreen); });
    connect(run_, &RunControls::startRequested, this, &ThresholdsPage::on_start);
    connect(run_, &RunControls::abortRequested, this, [this] {
        session().abort_trial(now_s());
        refresh();
    });
    connect(run_, &RunControls::retestAnswered, this, [this](bool accept) {
        session().answer_retest(accept, now_s());
        refresh();
    });
    connect(subject_form_, &SubjectForm::subjectChosen, this, &ThresholdsPage::on_subject);
    connect(session_form_, &SessionForm::sessionRequested, this, &ThresholdsPage::on_session);
    connect(session_form_, &SessionForm::exportRequested, this, &ThresholdsPage::export_data);
    connect(protocol_form_, &ProtocolForm::presetEdited, this, &ThresholdsPage::on_preset_edited);
    connect(site_picker_, &SitePicker::pointChosen, this,
            [this] { on_point_chosen(site_picker_->site_key(), site_picker_->side()); });
    connect(site_picker_, &SitePicker::customSiteNamed, this, &ThresholdsPage::on_custom_named);
    connect(body_map_, &BodyMapWidget::siteChosen, this, [this](const QString& key, int side) {
        on_point_chosen(key.toStdString(), static_cast<BodySide>(side));
    });
    connect(body_map_, &BodyMapWidget::customPointChosen, this, &ThresholdsPage::on_custom_point);
    if (feed_) {
        connect(feed_, &LiveFeed::frameReady, this, [this] {
            if (isVisible() || session().run_state().started) show_samples(feed_->frame_samples());
        });
        connect(feed_, &LiveFeed::statusChanged, this, &ThresholdsPage::on_device_status);
    }
    // An earlier session's threshold arriving from the database redraws the summary.
    session().set_on_change([page = QPointer<ThresholdsPage>(this)] {
        if (page) page->refresh();
    });
    reload();
    on_preset_edited();
    refresh();
}

ThresholdsPage::~ThresholdsPage() {
    session().set_on_change({});
}

void ThresholdsPage::reload() {
    sites_ = workbench_.sites();
    load_sites();
    auto* storage = workbench_.storage();
    if (!storage) return;
    algocore::storage::ask<std::vector<algocore::records::Subject>>(
        *storage, workbench_.inbox(),
        [](algocore::storage::StorageReader& s) { return s.subjects(); },
        [page = QPointer<ThresholdsPage>(this)](
            algocore::storage::Answer<std::vector<algocore::records::Subject>> answer) {
            if (page && answer.ok()) page->subject_form_->set_known_subjects(answer.value);
        });
}

void ThresholdsPage::start_over() {
    // Another database: its subjects are others, and the visit of the one before has ended
    // (the workbench stored it there). Nothing of it stays on screen.
    subject_.reset();
    subject_form_->set_subject({});
    session_form_->show_open_session(tr("no session"));
    hint_.clear();
    history_.clear();
    markers_.clear();
    stored_latest_.clear();
    shown_session_.clear();
    body_map_->set_values({});
    reload();
    refresh();
}

QWidget* ThresholdsPage::build_setup_column() {
    auto* column = new QWidget;
    auto* layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    subject_form_ = new SubjectForm(column);
    session_form_ = new SessionForm(column);
    protocol_form_ = new ProtocolForm(column);
    layout->addWidget(boxed(tr("Subject"), subject_form_, column));
    layout->addWidget(boxed(tr("Session"), session_form_, column));
    layout->addWidget(boxed(tr("Protocol"), protocol_form_, column));
    layout->addStretch(1);
    // As wide as its forms need: the splitter cannot squeeze a field under its label.
    return scroll_column(column);
}

QWidget* ThresholdsPage::build_run_column() {
    auto* column = new QWidget;
    auto* layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    run_ = new RunControls(column);
    reaction_ = new ReactionTimePanel(column);
    plot_ = make_pressure_plot(column);
    plot_->set_window_s(kPlotWindowS);
    plot_->widget()->setMinimumHeight(170);
    gauge_ = new RampRateGauge(column);
    table_ = new TrialTable(column);
    // The two-line header and three trials, with room for the horizontal scroll bar.
    table_->setMinimumHeight(150);
    exclude_ = new TrialExclusionButton(workbench_, *table_, column);
    connect(exclude_, &TrialExclusionButton::corrected, this, [this](const QString& problem) {
        hint_ = problem;
        refresh();
    });
    summary_ = new PointSummaryView(column);
    layout->addWidget(run_);
    layout->addWidget(plot_->widget(), 4);
    layout->addWidget(gauge_);
    // The reaction-time test right above the trials whose estimate column it feeds.
    layout->addWidget(reaction_);
    layout->addWidget(table_, 1);
    auto* corrections = new QHBoxLayout;
    corrections->addWidget(exclude_);
    corrections->addStretch(1);
    layout->addLayout(corrections);
    layout->addWidget(summary_);
    // On a short screen the column scrolls: the trial table and the summary stay reachable
    // instead of being pushed below the window's edge.
    return scroll_column(column);
}

QWidget* ThresholdsPage::build_map_column() {
    auto* column = new QWidget;
    auto* layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    body_map_ = new BodyMapWidget(column);
    site_picker_ = new SitePicker(column);
    layout->addWidget(body_map_, 1);
    layout->addWidget(boxed(tr("Point"), site_picker_, column));
    return column;
}

void ThresholdsPage::set_unit(const DisplayUnit& unit) {
    unit_ = unit;
    protocol_form_->set_unit(unit);
    body_map_->set_unit(unit);
    table_->set_unit(unit);
    summary_->set_unit(unit);
    plot_->set_unit(unit);
    gauge_->set_unit(unit);
    refresh();
}

void ThresholdsPage::set_session_clock(std::function<double()> now_s) {
    clock_ = std::move(now_s);
}

double ThresholdsPage::now_s() const {
    if (clock_) return clock_();
    if (feed_) {
        if (const auto now = feed_->session_now_s()) return *now;
    }
    return latest_t_s_;
}

void ThresholdsPage::show_samples(std::span<const algocore::Sample> samples) {
    for (const algocore::Sample& sample : samples) {
        history_.append(sample.t_s, sample.pressure_kpa,
                        (sample.flags & algocore::kGapBefore) != 0);
        latest_t_s_ = sample.t_s;
    }
    // The demo measures the other side once the left is complete.
    if (demo_ && session().run_state().over && session().side() == BodySide::Left &&
        session().site()) {
        on_point_chosen(session().site()->key, BodySide::Right);
        on_start(false);
    }
    refresh();
}

void ThresholdsPage::signal_pain(PainSignalSource source) {
    session().signal_pain(now_s(), source);
    refresh();
}

void ThresholdsPage::on_start(bool skip_rest) {
    // Starting a trial should not need a trip to the forms when they are filled in.
    if (!workbench_.visit().visit()) on_session();
    if (!session().site()) on_point_chosen(site_picker_->site_key(), site_picker_->side());
    if (workbench_.reaction().running()) {
        hint_ = tr("the reaction-time test is running: stop it first");
        refresh();
        return;
    }
    hint_ = QString::fromStdString(session().start_trial(now_s(), skip_rest));
    // A text field left with the focus would keep the pain key as text: the trial takes it.
    if (QWidget* focus = QApplication::focusWidget(); focus && isAncestorOf(focus))
        run_->setFocus();
    refresh();
}

// The reaction-time test of the visit's subject: the same ReactionTimeSession as
// `algoscope-cli rt`; the result is stored with the visit's session (Workbench).
void ThresholdsPage::on_reaction_start() {
    if (!workbench_.visit().visit()) on_session();
    if (!workbench_.visit().visit()) {
        reaction_problem_ = hint_;
        refresh();
        return;
    }
    algocore::protocols::ReactionTimeConfig config;
    // Cue intervals differ from one test to the next; the engine stays deterministic.
    config.seed =
        reaction_seed_.value_or(static_cast<std::uint64_t>(QDateTime::currentMSecsSinceEpoch()));
    reaction_problem_ = QString::fromStdString(workbench_.start_reaction_test(config));
    // The pain key answers the cue: a text field must not keep it.
    if (QWidget* focus = QApplication::focusWidget(); focus && isAncestorOf(focus))
        reaction_->setFocus();
    refresh();
}

void ThresholdsPage::on_subject() {
    algocore::records::Subject chosen = subject_form_->subject();
    if (chosen.code.empty()) {
        hint_ = tr("enter a pseudonymous subject code");
        refresh();
        return;
    }
    subject_ = chosen;
    hint_.clear();
    correct_stored_details(chosen);
    session_form_->show_open_session(
        tr("no session for %1 yet").arg(QString::fromStdString(chosen.code)));
    load_latest_thresholds();
    refresh();
}

// Details typed for a subject already stored are a correction (audited through algocore's
// Corrections, as `algoscope-cli subjects set`), never dropped: the export carries what the
// form showed. A detail left "not recorded" on the form keeps the stored one.
void ThresholdsPage::correct_stored_details(const algocore::records::Subject& entered) {
    const auto stored = subject_form_->known(entered.code);
    if (!stored || !workbench_.storage()) return;
    const auto before = algocore::session::SubjectDetails::of(*stored);
    auto wanted = before;
    if (entered.sex) wanted.sex = entered.sex;
    if (entered.age_band) wanted.age_band = entered.age_band;
    if (entered.dominant_side) wanted.dominant_side = entered.dominant_side;
    if (wanted == before) return;
    const std::string operator_name = session_form_->operator_name().trimmed().toStdString();
    const auto request = workbench_.corrections().set_subject_details(
        *stored, wanted,
        operator_name.empty() ? algocore::session::default_corrector() : operator_name,
        "entered on the subject form");
    hint_ = request.ok() ? tr("details of %1 corrected (the old ones stay in the audit log)")
                               .arg(QString::fromStdString(entered.code))
                         : QString::fromStdString(request.error);
    reload(); // the picker offers the corrected details from now on
}

void ThresholdsPage::on_session() {
    if (!subject_) on_subject();
    if (!subject_) return;
    algocore::session::Visit visit;
    visit.subject_code = subject_->code;
    visit.subject = *subject_;
    visit.operator_name = session_form_->operator_name().toStdString();
    visit.operator_role = "researcher";
    const auto entered = session_form_->session();
    visit.probe_cm2 = entered.probe_cm2;
    visit.notes = entered.notes;
    if (visit.operator_name.empty()) {
        hint_ = tr("enter the operator's name");
        refresh();
        return;
    }
    const std::string problem = workbench_.begin_visit(visit);
    hint_ = QString::fromStdString(problem);
    if (problem.empty()) show_visit();
    refresh();
}

// The visit's subject and session, and nothing of the one before: its trace and its stored
// thresholds go.
void ThresholdsPage::show_visit() {
    session_form_->show_open_session(tr("Session for %1 (%2)")
                                         .arg(QString::fromStdString(subject_->code),
                                              workbench_.storage()
                                                  ? tr("each trial is stored when it ends")
                                                  : tr("NOT STORED: no database is open")));
    history_.clear();
    markers_.clear();
    load_latest_thresholds();
}

// The patient may have changed on another page while this one was hidden (a code chosen in
// Treatment's picker begins their visit): the subject and session shown are the visit's, so
// a trial started here is never shown under the patient before while stored under this one.
void ThresholdsPage::follow_visit() {
    const auto& visit = workbench_.visit().visit();
    if (!visit || (subject_ && subject_->code == visit->subject_code)) return;
    algocore::records::Subject subject =
        subject_form_->known(visit->subject_code).value_or(visit->subject);
    subject.code = visit->subject_code;
    subject_form_->set_subject(subject);
    subject_ = subject;
    hint_.clear();
    show_visit();
    refresh();
}

void ThresholdsPage::on_point_chosen(const std::string& site_key, BodySide side) {
    for (const auto& site : sites_) {
        if (site.key != site_key) continue;
        session().select_point(site, side);
        site_picker_->set_point(site_key, session().side());
        body_map_->set_selection(site_key, session().side());
        markers_.clear();
        refresh();
        return;
    }
}

void ThresholdsPage::on_preset_edited() {
    const std::string problem = session().set_preset(protocol_form_->preset());
    protocol_form_->show_problem(QString::fromStdString(problem));
    gauge_->set_target(session().preset().rate_kpa_s, session().preset().tolerance_kpa_s);
}

void ThresholdsPage::on_device_status() {
    if (!feed_) return;
    const auto& status = feed_->status();
    const QString serial =
        status.identity ? QString::fromStdString(status.identity->serial_number) : QString();
    // The device measuring now, also during a visit (a change of device is recorded on the
    // visit's session: Recorder::set_device); the visit's probe area stays as it began.
    const bool in_visit = workbench_.visit().visit().has_value();
    session_form_->set_device(serial, status.calibration_id,
                              in_visit ? 0.0 : feed_->device().probe_area_cm2);
}

void ThresholdsPage::start_demo() {
    algocore::records::Subject subject;
    subject.code = "DEMO";
    subject_form_->set_subject(subject);
    session_form_->set_operator_name(tr("Demo operator"));
    auto preset = algocore::protocols::PptPreset::dfns();
    preset.name = "custom";
    preset.inter_trial_s = 2.0; // the simulated subject rests 3 s between ramps by itself
    protocol_form_->set_preset(preset);
    on_preset_edited();
    demo_ = true;
    on_subject();
    on_session();
    on_point_chosen("upper_trapezius", BodySide::Left);
    on_start(false);
}

void ThresholdsPage::showEvent(QShowEvent* event) {
    qApp->installEventFilter(trial_keys_);
    QWidget::showEvent(event);
    follow_visit();
}

void ThresholdsPage::hideEvent(QHideEvent* event) {
    qApp->removeEventFilter(trial_keys_);
    QWidget::hideEvent(event);
}

void ThresholdsPage::export_data() {
    // The subject and session of this visit come first in the dialog: exporting one
    // patient's data should not carry every other patient's by accident.
    const auto& visit = workbench_.visit().visit();
    const auto request =
        ask_export(this, visit ? QString::fromStdString(visit->subject_code) : QString(),
                   workbench_.visit().session_id());
    if (!request) return;
    run_export(workbench_, *request, [banner = QPointer<Banner>(banner_)](bool ok, QString text) {
        if (banner) banner->show_message(ok ? BannerLevel::Info : BannerLevel::Error, text);
    });
}

} // namespace algogui
