#include "algogui/thresholds/ThresholdsPage.h"

#include <QApplication>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

#include "algocore/storage/SiteLibrary.h"
#include "algocore/storage/SqliteStorage.h"
#include "algogui/Banner.h"
#include "algogui/LiveFeed.h"
#include "algogui/PlotFactory.h"
#include "algogui/RampRateGauge.h"
#include "algogui/thresholds/PainKeyFilter.h"
#include "algogui/thresholds/PointSummaryView.h"
#include "algogui/thresholds/ProtocolForm.h"
#include "algogui/thresholds/RunControls.h"
#include "algogui/thresholds/SessionForm.h"
#include "algogui/thresholds/SitePicker.h"
#include "algogui/thresholds/StudyExportActions.h"
#include "algogui/thresholds/SubjectForm.h"
#include "algogui/thresholds/TrialTable.h"

namespace algogui {

using algocore::protocols::PainSignalSource;
using algocore::protocols::PptSeriesState;
using algocore::protocols::PptTrialState;
using algocore::storage::BodySide;

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
}  // namespace

ThresholdsPage::ThresholdsPage(LiveFeed* feed, Banner* banner, QWidget* parent)
    : QWidget(parent), feed_(feed), banner_(banner), database_path_(),
      unit_(display_unit(QStringLiteral("kpa"))), history_(kHistoryKeepS, kHistoryMaxPoints) {
    setObjectName(QStringLiteral("ThresholdsPage"));
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(build_setup_column());
    splitter->addWidget(build_run_column());
    splitter->addWidget(build_map_column());
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 2);
    splitter->setSizes({320, 500, 460});
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);

    pain_key_ = new PainKeyFilter(
        [this] {
            const auto* series = model_.series();
            return isVisible() && series && series->state() == PptSeriesState::TrialRunning;
        },
        this);
    connect(pain_key_, &PainKeyFilter::painKeyPressed, this,
            [this] { signal_pain(PainSignalSource::Keyboard); });
    connect(run_, &RunControls::painKeyChanged, this, [this](int key) { pain_key_->set_key(key); });
    connect(run_, &RunControls::painSignalled, this, [this] { signal_pain(PainSignalSource::OnScreen); });
    connect(run_, &RunControls::startRequested, this, &ThresholdsPage::on_start);
    connect(run_, &RunControls::abortRequested, this, [this] {
        model_.abort_trial(now_s());
        refresh();
    });
    connect(run_, &RunControls::retestAnswered, this, [this](bool accept) {
        model_.answer_retest(accept, now_s());
        refresh();
    });
    connect(subject_form_, &SubjectForm::subjectChosen, this, &ThresholdsPage::on_subject);
    connect(session_form_, &SessionForm::sessionRequested, this, &ThresholdsPage::on_session);
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
            if (isVisible() || model_.series()) feed_samples(feed_->frame_samples());
        });
        connect(feed_, &LiveFeed::statusChanged, this, &ThresholdsPage::on_device_status);
    }
    sites_ = algocore::storage::builtin_sites();
    load_sites();
    on_preset_edited();
    refresh();
}

ThresholdsPage::~ThresholdsPage() {
    if (storage_) storage_->close();
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
    auto* scroller = new QScrollArea;
    scroller->setWidget(column);
    scroller->setWidgetResizable(true);
    scroller->setFrameShape(QFrame::NoFrame);
    scroller->setMinimumWidth(320);
    scroller->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return scroller;
}

QWidget* ThresholdsPage::build_run_column() {
    auto* column = new QWidget;
    auto* layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    run_ = new RunControls(column);
    plot_ = make_pressure_plot(column);
    plot_->set_window_s(kPlotWindowS);
    plot_->widget()->setMinimumHeight(235);
    gauge_ = new RampRateGauge(column);
    table_ = new TrialTable(column);
    table_->setMinimumHeight(138);
    summary_ = new PointSummaryView(column);
    auto* export_csv = new QPushButton(tr("Export CSV…"), column);
    auto* export_json = new QPushButton(tr("Export JSON…"), column);
    auto* exports = new QHBoxLayout;
    exports->addStretch(1);
    exports->addWidget(export_csv);
    exports->addWidget(export_json);
    layout->addWidget(run_);
    layout->addWidget(plot_->widget(), 4);
    layout->addWidget(gauge_);
    layout->addWidget(table_, 1);
    layout->addWidget(summary_);
    layout->addLayout(exports);
    connect(export_csv, &QPushButton::clicked, this, &ThresholdsPage::export_csv);
    connect(export_json, &QPushButton::clicked, this, &ThresholdsPage::export_json);
    return column;
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

void ThresholdsPage::set_database_path(const QString& path) {
    database_path_ = path;
    if (storage_) {
        storage_->close();
        storage_.reset();
        model_.set_storage(nullptr);
    }
    storage_failed_ = false;
}

bool ThresholdsPage::open_database(QString* error) {
    if (storage_) return true;
    if (database_path_.isEmpty()) database_path_ = default_database_path();
    auto opened = algocore::storage::SqliteStorage::open(database_path_.toStdString());
    if (!opened.storage) {
        storage_failed_ = true;
        const QString why = tr("Database %1 cannot be opened: %2 — trials are kept in memory only")
                                .arg(database_path_, QString::fromStdString(opened.error));
        if (error) *error = why;
        if (banner_) banner_->show_message(BannerLevel::Error, why);
        return false;
    }
    storage_ = std::move(opened.storage);
    model_.set_storage(storage_.get());
    sites_ = storage_->sites();
    load_sites();
    std::vector<algocore::storage::Subject> subjects = storage_->load_study().subjects;
    subject_form_->set_known_subjects(subjects);
    return true;
}

algocore::storage::Storage* ThresholdsPage::storage() const { return storage_.get(); }

bool ThresholdsPage::ensure_storage() { return storage_ || (!storage_failed_ && open_database()); }

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

void ThresholdsPage::set_session_clock(std::function<double()> now_s) { clock_ = std::move(now_s); }

double ThresholdsPage::now_s() const {
    if (clock_) return clock_();
    if (feed_) {
        if (const auto now = feed_->session_now_s()) return *now;
    }
    return latest_t_s_;
}

void ThresholdsPage::feed_samples(std::span<const algocore::Sample> samples) {
    for (const algocore::Sample& sample : samples) {
        model_.feed(sample);
        history_.append(sample.t_s, sample.pressure_kpa);
        latest_t_s_ = sample.t_s;
    }
    if (samples.empty()) model_.tick(now_s());
    // Arm the next trial by itself once the rest is over, when the operator asked for it.
    const auto* series = model_.series();
    if (run_->auto_start() && series && !series->trials().empty() &&
        series->state() == PptSeriesState::ReadyForTrial)
        hint_ = QString::fromStdString(model_.start_trial(now_s()));
    if (demo_ && series && series->state() == PptSeriesState::Complete &&
        model_.side() == BodySide::Left && model_.site() &&
        !series->current_trial()->recording()) {
        on_point_chosen(model_.site()->key, BodySide::Right);
        on_start(false);
    }
    refresh();
}

void ThresholdsPage::signal_pain(PainSignalSource source) {
    model_.signal_pain(now_s(), source);
    refresh();
}

void ThresholdsPage::on_start(bool skip_rest) {
    if (!model_.session()) {
        // Starting a trial should not need a trip to the forms when they are filled in.
        if (!model_.subject()) on_subject();
        if (model_.subject()) on_session();
    }
    if (!model_.site()) on_point_chosen(site_picker_->site_key(), site_picker_->side());
    hint_ = QString::fromStdString(model_.start_trial(now_s(), skip_rest));
    refresh();
}

void ThresholdsPage::on_subject() {
    ensure_storage();
    const std::string problem = model_.use_subject(subject_form_->subject());
    hint_ = QString::fromStdString(problem);
    if (problem.empty()) {
        subject_form_->set_subject(*model_.subject());
        session_form_->show_open_session(tr("no session for %1 yet")
                                             .arg(QString::fromStdString(model_.subject()->code)));
        load_latest_thresholds();
    }
    refresh();
}

void ThresholdsPage::on_session() {
    ensure_storage();
    if (!model_.subject()) on_subject();
    const std::string problem =
        model_.start_session(session_form_->operator_name().toStdString(), session_form_->session());
    hint_ = QString::fromStdString(problem);
    if (problem.empty()) {
        const auto& session = *model_.session();
        session_form_->show_open_session(
            tr("Session %1 for %2 (%3)")
                .arg(session.id)
                .arg(QString::fromStdString(model_.subject()->code),
                     storage_ ? tr("recording to the database") : tr("not stored: no database")));
        history_.clear();
        markers_.clear();
        load_latest_thresholds();
    }
    refresh();
}

void ThresholdsPage::on_point_chosen(const std::string& site_key, BodySide side) {
    for (const auto& site : sites_) {
        if (site.key != site_key) continue;
        model_.select_point(site, side);
        site_picker_->set_point(site_key, model_.side());
        body_map_->set_selection(site_key, model_.side());
        markers_.clear();
        refresh();
        return;
    }
}

void ThresholdsPage::on_preset_edited() {
    const std::string problem = model_.set_preset(protocol_form_->preset());
    protocol_form_->show_problem(QString::fromStdString(problem));
    gauge_->set_target(model_.preset().rate_kpa_s, model_.preset().tolerance_kpa_s);
}

void ThresholdsPage::on_device_status() {
    if (!feed_ || model_.session()) return;
    const auto& status = feed_->status();
    const QString serial = status.identity ? QString::fromStdString(status.identity->serial_number)
                                           : QString();
    session_form_->set_device(serial, status.calibration_id, feed_->device().probe_area_cm2);
}

void ThresholdsPage::start_demo() {
    algocore::storage::Subject subject;
    subject.code = "DEMO";
    subject_form_->set_subject(subject);
    session_form_->set_operator_name(tr("Demo operator"));
    auto preset = algocore::protocols::PptPreset::dfns();
    preset.name = "custom";
    preset.inter_trial_s = 2.0;  // the simulated subject rests 3 s between ramps by itself
    protocol_form_->set_preset(preset);
    on_preset_edited();
    run_->set_auto_start(true);
    demo_ = true;
    on_subject();
    on_session();
    on_point_chosen("upper_trapezius", BodySide::Left);
    on_start(false);
}

void ThresholdsPage::showEvent(QShowEvent* event) {
    qApp->installEventFilter(pain_key_);
    if (!storage_ && !storage_failed_) open_database();
    QWidget::showEvent(event);
}

void ThresholdsPage::hideEvent(QHideEvent* event) {
    qApp->removeEventFilter(pain_key_);
    QWidget::hideEvent(event);
}

void ThresholdsPage::export_csv() {
    if (!ensure_storage()) return;
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Export CSV into folder"));
    if (folder.isEmpty()) return;
    const auto outcome = export_study_csv(*storage_, folder);
    if (banner_) banner_->show_message(outcome.ok ? BannerLevel::Info : BannerLevel::Error, outcome.message);
}

void ThresholdsPage::export_json() {
    if (!ensure_storage()) return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export JSON"), QStringLiteral("study.json"),
                                                      tr("JSON (*.json)"));
    if (path.isEmpty()) return;
    const auto outcome = export_study_json(*storage_, path);
    if (banner_) banner_->show_message(outcome.ok ? BannerLevel::Info : BannerLevel::Error, outcome.message);
}

}  // namespace algogui
