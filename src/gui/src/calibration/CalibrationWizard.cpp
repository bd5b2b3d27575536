#include "algogui/calibration/CalibrationWizard.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "algocore/calibration/CalibrationRecordJson.h"
#include "algocore/session/DeviceReading.h"
#include "algogui/LiveFeed.h"
#include "algogui/Theme.h"
#include "algogui/calibration/CalibrationCertificate.h"
#include "algogui/calibration/CalibrationResultsPanel.h"
#include "algogui/calibration/CalibrationSetupPanel.h"
#include "algogui/calibration/ReadingTrace.h"

namespace algogui::calibration {

using algocore::session::device_reading;
using algocore::session::make_plan;
using algocore::session::reading_kind_of;
using algocore::session::step_instruction;

namespace {

// Dead weights on a handheld algometer settle within a second; 0.05 N of scatter or drift
// over that second is well under a 1 % FS tolerance for loads of 10 N and more.
constexpr double kCaptureWindowS = 1.0;
algocal::StabilityRule capture_rule() {
    algocal::StabilityRule rule;
    rule.min_samples = 10;
    rule.max_sd = 0.05;
    rule.max_drift = 0.05;
    return rule;
}

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

enum Page { kSetupPage = 0, kCapturePage = 1, kResultsPage = 2 };

} // namespace

CalibrationWizard::CalibrationWizard(LiveFeed* feed, std::filesystem::path store_root,
                                     QWidget* parent)
    : QWidget(parent), feed_(feed), store_(std::move(store_root)),
      session_(capture_rule(), kCaptureWindowS) {
    setObjectName(QStringLiteral("CalibrationWizard"));
    message_ = new QLabel(this);
    message_->setWordWrap(true);
    stack_ = new QStackedWidget(this);
    setup_ = new CalibrationSetupPanel(stack_);
    results_ = new CalibrationResultsPanel(stack_);

    auto* capture_page = new QWidget(stack_);
    instruction_ = new QLabel(capture_page);
    QFont big = instruction_->font();
    big.setPixelSize(26);
    big.setBold(true);
    instruction_->setFont(big);
    reading_ = new QLabel(capture_page);
    QFont mid = reading_->font();
    mid.setPixelSize(20);
    reading_->setFont(mid);
    trace_ = new ReadingTrace(capture_page);
    stability_ = new QLabel(capture_page);
    stability_->setWordWrap(true);
    steadiness_ = new QProgressBar(capture_page);
    steadiness_->setRange(0, 100);
    steadiness_->setFormat(tr("steadiness %p %"));
    progress_ = new QProgressBar(capture_page);
    progress_->setFormat(tr("point %v of %m"));
    points_ = new QLabel(capture_page);
    points_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    capture_ = new QPushButton(tr("Capture point"), capture_page);
    capture_->setObjectName(QStringLiteral("CapturePoint"));
    auto* undo = new QPushButton(tr("Undo last point"), capture_page);
    auto* cancel = new QPushButton(tr("Cancel"), capture_page);

    auto* left = new QVBoxLayout;
    left->addWidget(instruction_);
    left->addWidget(reading_);
    left->addWidget(trace_, 1);
    left->addWidget(stability_);
    left->addWidget(steadiness_);
    left->addWidget(progress_);
    auto* columns = new QHBoxLayout;
    columns->addLayout(left, 3);
    columns->addWidget(points_, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(cancel);
    buttons->addWidget(undo);
    buttons->addStretch(1);
    buttons->addWidget(capture_);
    auto* capture_layout = new QVBoxLayout(capture_page);
    capture_layout->addLayout(columns, 1);
    capture_layout->addLayout(buttons);

    stack_->insertWidget(kSetupPage, setup_);
    stack_->insertWidget(kCapturePage, capture_page);
    stack_->insertWidget(kResultsPage, results_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(message_);
    layout->addWidget(stack_, 1);
    set_message(tr("Calibrate the connected device against known loads: enter the reference "
                   "loads and standard, then Start."),
                false);

    connect(setup_, &CalibrationSetupPanel::startRequested, this, [this] { begin(); });
    connect(setup_, &CalibrationSetupPanel::openRecordRequested, this,
            &CalibrationWizard::choose_record_and_open);
    connect(capture_, &QPushButton::clicked, this, [this] { capture_point(); });
    connect(undo, &QPushButton::clicked, this, [this] {
        if (session_.undo_last()) set_message(tr("Last point removed; capture it again."), false);
        refresh_capture();
    });
    connect(cancel, &QPushButton::clicked, this, [this] {
        stack_->setCurrentIndex(kSetupPage);
        set_message(tr("Calibration cancelled; nothing was saved."), false);
    });
    connect(results_, &CalibrationResultsPanel::degreeChosen, this,
            [this](int degree) { show_fit(degree); });
    connect(results_, &CalibrationResultsPanel::saveRequested, this,
            [this] { save_and_activate(); });
    connect(results_, &CalibrationResultsPanel::exportRequested, this,
            &CalibrationWizard::choose_pdf_and_export);
    connect(results_, &CalibrationResultsPanel::startOverRequested, this, [this] {
        stack_->setCurrentIndex(kSetupPage);
        set_message(tr("Enter the reference loads and standard, then Start."), false);
    });
    if (feed_) {
        connect(feed_, &LiveFeed::frameReady, this, &CalibrationWizard::on_frame);
        connect(feed_, &LiveFeed::statusChanged, this, &CalibrationWizard::on_status);
    }
}

CalibrationWizard::~CalibrationWizard() = default;

int CalibrationWizard::current_step_page() const {
    return stack_->currentIndex();
}
QString CalibrationWizard::message() const {
    return message_->text();
}
QString CalibrationWizard::stability_text() const {
    return stability_->text();
}

void CalibrationWizard::set_message(const QString& text, bool problem) {
    message_->setText(text);
    message_->setStyleSheet(
        QStringLiteral("QLabel{padding:6px;background:%1;color:%2;}")
            .arg(problem ? theme::kBannerError.name() : theme::kBannerInfo.name(),
                 problem ? theme::kBackground.name() : theme::kText.name()));
}

bool CalibrationWizard::begin() {
    const CalibrationSetup setup = setup_->setup();
    if (const std::string problem = check_setup(setup); !problem.empty()) {
        set_message(tr("Cannot start: %1.").arg(q(problem)), true);
        return false;
    }
    const PlanResult plan = make_plan(setup_->plan_choice());
    if (!plan.ok()) {
        set_message(tr("Cannot start: %1.").arg(q(plan.error)), true);
        return false;
    }
    session_.start(setup, plan.steps);
    record_.reset();
    record_saved_ = false;
    stack_->setCurrentIndex(kCapturePage);
    refresh_capture();
    set_message(tr("Place each load, let it settle, then Capture. The point is taken only when "
                   "the force is steady."),
                false);
    return true;
}

void CalibrationWizard::on_frame() {
    if (!feed_->frame_samples().empty())
        setup_->set_reading_kind(reading_kind_of(feed_->frame_samples().front()));
    if (stack_->currentIndex() != kCapturePage || !session_.started()) return;
    const double tare_n = feed_->status().tare_offset_n;
    for (const algocore::Sample& sample : feed_->frame_samples()) {
        const std::optional<double> reading = device_reading(sample, tare_n, feed_->calibration());
        if (reading) session_.add_reading(sample.t_s, *reading, sample.force_n);
    }
    refresh_capture();
}

void CalibrationWizard::on_status() {
    const algocore::AcquisitionStatus& status = feed_->status();
    if (!status.identity) return;
    const algocore::DeviceIdentity& id = *status.identity;
    // The device's own stored calibration is applied by the workbench whenever a device is
    // identified; the wizard only shows which device it would calibrate.
    setup_->set_device(q(id.model), q(id.serial_number));
}

void CalibrationWizard::add_reading(double t_s, double reading, double force_n) {
    session_.add_reading(t_s, reading, force_n);
    refresh_capture();
}

void CalibrationWizard::refresh_capture() {
    if (!session_.started()) return;
    progress_->setRange(0, static_cast<int>(session_.step_count()));
    progress_->setValue(static_cast<int>(session_.step_index()));
    instruction_->setText(session_.finished() ? tr("All points captured")
                                              : q(step_instruction(session_.current_step())));
    capture_->setEnabled(!session_.finished());

    const algocal::StabilityResult s = session_.stability();
    const std::vector<double> readings = session_.window().readings();
    reading_->setText(readings.empty() ? tr("Reading: —")
                                       : tr("Reading: %1 %2")
                                             .arg(QString::number(readings.back(), 'f', 2))
                                             .arg(session_.setup().reading_kind ==
                                                          algocal::ReadingKind::kRawCounts
                                                      ? tr("counts")
                                                      : tr("N")));
    trace_->show_readings(readings, s.stable);
    const algocal::StabilityRule& rule = session_.rule();
    double steadiness = 0.0;
    if (s.count >= rule.min_samples) {
        const double sd_part = s.sd > 0 ? rule.max_sd / s.sd : 1.0;
        const double drift_part = s.drift != 0 ? rule.max_drift / std::abs(s.drift) : 1.0;
        steadiness = std::min({1.0, sd_part, drift_part}) *
                     std::min(1.0, session_.window().covered_s() / session_.window().span_s());
    }
    steadiness_->setValue(static_cast<int>(std::lround(100 * steadiness)));
    if (s.stable) {
        stability_->setText(
            tr("● STABLE — scatter %1 N, drift %2 N over %3 s: ready to capture")
                .arg(QString::number(s.sd, 'f', 3), QString::number(s.drift, 'f', 3))
                .arg(session_.window().span_s()));
        stability_->setStyleSheet(
            QStringLiteral("QLabel{color:%1;font-weight:bold;}").arg(theme::kInBand.name()));
    } else {
        stability_->setText(tr("○ NOT STABLE — %1").arg(q(s.message)));
        stability_->setStyleSheet(
            QStringLiteral("QLabel{color:%1;font-weight:bold;}").arg(theme::kAbove.name()));
    }

    QString list = tr("<b>Captured</b><br>");
    const auto& points = session_.points();
    for (std::size_t i = 0; i < points.size(); ++i) {
        list += QStringLiteral("%1. %2 %3 %4 → %5<br>")
                    .arg(i + 1)
                    .arg(points[i].applied_load, 0, 'g', 6)
                    .arg(QString::fromUtf8(algocal::symbol(points[i].load_unit).data()))
                    .arg(points[i].direction == algocal::LoadDirection::kAscending
                             ? QStringLiteral("↑")
                             : QStringLiteral("↓"))
                    .arg(points[i].reading, 0, 'f', 2);
    }
    points_->setText(list);
}

bool CalibrationWizard::capture_point() {
    const algocal::StableAverage average = session_.capture();
    if (!average.ok) {
        set_message(tr("Point not captured: %1.").arg(q(average.message)), true);
        refresh_capture();
        return false;
    }
    set_message(tr("Captured %1 (SD %2 over %3 readings).")
                    .arg(average.mean, 0, 'f', 3)
                    .arg(average.sd, 0, 'g', 3)
                    .arg(average.count),
                false);
    refresh_capture();
    if (session_.finished()) return show_fit(0);
    return true;
}

bool CalibrationWizard::show_fit(int degree) {
    // The session keeps this outcome and its record: what is shown here is what Save stores.
    const CalibrationOutcome& outcome = session_.decide(degree, algocal::today_utc());
    stack_->setCurrentIndex(kResultsPage);
    results_->set_notice({}, false);
    if (!outcome.analysis.ok) {
        record_.reset();
        results_->show_failure(q(outcome.analysis.message));
        set_message(tr("The points give no usable fit: %1").arg(q(outcome.analysis.message)), true);
        return false;
    }
    record_ = session_.record();
    record_saved_ = false;
    results_->set_degrees(outcome.recommendation.degree, outcome.analysis.fit.degree);
    results_->show_record(*record_, outcome.verdict, session_.setup().tolerance_percent_fs, false);
    set_message(outcome.verdict.pass
                    ? tr("Calibration passes. Save it to make it active for %1.")
                          .arg(q(record_->device_serial))
                    : tr("Calibration FAILS the tolerance; check the loads or the device before "
                         "saving."),
                !outcome.verdict.pass);
    return true;
}

bool CalibrationWizard::save_and_activate() {
    if (!record_ || record_saved_) {
        set_message(tr("Nothing new to save."), true);
        return false;
    }
    const algocore::StoreResult saved = session_.save(store_, true);
    if (!saved.ok()) {
        set_message(tr("Not saved: %1").arg(q(saved.error)), true);
        return false;
    }
    const algocal::CalibrationRecord& record = *session_.record();
    record_ = record;
    record_saved_ = true;
    auto active = std::make_shared<const algocal::CalibrationRecord>(record);
    // The workbench applies the device's active record (the one just saved).
    if (feed_) feed_->reload_calibration();
    // The verdict the session decided with, not a second check against today's form.
    results_->show_record(record, session_.outcome()->verdict,
                          session_.setup().tolerance_percent_fs, true);
    set_message(tr("Saved as calibration #%1 of %2 and made active.")
                    .arg(record.id)
                    .arg(q(record.device_serial)),
                false);
    Q_EMIT calibrationActivated(active);
    return true;
}

bool CalibrationWizard::export_certificate(const QString& pdf_path) {
    if (!record_) {
        set_message(tr("No calibration to export yet."), true);
        return false;
    }
    CertificateOptions options;
    options.tolerance_percent_fs = setup_->tolerance_percent_fs();
    QString error;
    if (!write_certificate_pdf(*record_, options, pdf_path, &error)) {
        set_message(tr("Certificate not written: %1").arg(error), true);
        return false;
    }
    set_message(tr("Certificate written to %1.").arg(pdf_path), false);
    return true;
}

bool CalibrationWizard::open_record(const QString& path) {
    algocore::RecordExpectations expectations;
    const algocore::CalibrationLoadResult loaded =
        algocore::load_calibration_record(path.toStdString(), expectations);
    if (!loaded.ok) {
        set_message(tr("Record %1 refused — %2").arg(path, q(loaded.message)), true);
        return false;
    }
    record_ = loaded.record;
    record_saved_ = true;
    const algocal::ToleranceVerdict verdict =
        algocore::session::tolerance_verdict(loaded.record, setup_->tolerance_percent_fs());
    stack_->setCurrentIndex(kResultsPage);
    results_->set_degrees(loaded.record.statistics.recommended_degree, loaded.record.fit.degree);
    results_->show_record(loaded.record, verdict, setup_->tolerance_percent_fs(), true);
    results_->set_notice(loaded.expired ? tr("⚠ %1").arg(q(loaded.warning))
                                        : tr("Opened calibration #%1 of %2.")
                                              .arg(loaded.record.id)
                                              .arg(q(loaded.record.device_serial)),
                         loaded.expired);
    set_message(loaded.expired ? tr("⚠ This calibration has EXPIRED: %1").arg(q(loaded.warning))
                               : tr("Opened %1.").arg(path),
                loaded.expired);
    return true;
}

void CalibrationWizard::choose_pdf_and_export() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export certificate"),
                                                      QStringLiteral("calibration-certificate.pdf"),
                                                      tr("PDF (*.pdf)"));
    if (!path.isEmpty()) export_certificate(path);
}

void CalibrationWizard::choose_record_and_open() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open calibration record"), QString::fromStdString(store_.root().string()),
        tr("Calibration records (*.json)"));
    if (!path.isEmpty()) open_record(path);
}

} // namespace algogui::calibration
