#include "algogui/treatment/TreatmentPage.h"

#include <QApplication>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>
#include <algorithm>

#include "algogui/AudioCues.h"
#include "algogui/BandStyle.h"
#include "algogui/HoldTimerPanel.h"
#include "algogui/PlotFactory.h"
#include "algogui/PressureReadout.h"
#include "algogui/ScrollColumn.h"
#include "algogui/Theme.h"
#include "algogui/treatment/HoldStatusPanel.h"
#include "algogui/treatment/HoldSummaryPanel.h"
#include "algogui/treatment/PointPicker.h"
#include "algogui/treatment/PrescriptionEditor.h"
#include "algogui/treatment/ReleaseKey.h"
#include "algogui/treatment/TriggerPointDialog.h"

namespace algogui {

namespace {
// The readout's size on the smallest screen (1024×640), its widest, and the margins and
// spacing of the page's two columns.
constexpr QSize kReadoutSmallest(290, 180);
constexpr int kReadoutLargestWidthPx = 900;
constexpr int kPageGapsPx = 24;
constexpr int kTraceSmallestPx = 85;
// After a hold, with its summary under the trace: the trace's height (axes included) that
// keeps it readable, and the smallest the readout then becomes to leave it that much.
constexpr int kTraceAfterHoldPx = 170;
constexpr int kReadoutAfterHoldPx = 110;
} // namespace

using algocore::session::TreatmentPromptKind;

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

TreatmentPage::TreatmentPage(algocore::session::Workbench& workbench, AudioCues* audio,
                             QWidget* parent)
    : QWidget(parent), workbench_(workbench), audio_(audio), unit_(display_unit({})),
      history_(kHistoryS, kHistoryPoints) {
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
    felt_ = big_button(QStringLiteral("Release felt  (F)"), QStringLiteral("ReleaseFelt"), this);
    felt_->setToolTip(QStringLiteral("Mark the moment you feel the tissue release (key F): "
                                     "stored with the hold beside the detector's prompts"));
    felt_->setEnabled(false);
    auto* buttons = new QGridLayout;
    buttons->addWidget(start_, 0, 0);
    buttons->addWidget(stop_, 0, 1);
    buttons->addWidget(felt_, 1, 0, 1, 2);
    buttons->setColumnStretch(0, 2);
    buttons->setColumnStretch(1, 1);

    // The therapist examines the point before treating it: its findings and referral zone
    // are kept with the visit beside the holds.
    examine_ = new QPushButton(QStringLiteral("Trigger-point findings…"), this);
    examine_->setObjectName(QStringLiteral("ExamineTriggerPoint"));
    examine_->setToolTip(QStringLiteral("Taut band, tender spot, twitch, jump sign, familiar "
                                        "pain, and the referred-pain zone on the body map"));
    auto* point_box = new QGroupBox(QStringLiteral("Point"), this);
    auto* point_layout = new QVBoxLayout(point_box);
    point_layout->addWidget(point_);
    point_layout->addWidget(examine_, 0, Qt::AlignLeft);
    auto* prescription_box = new QGroupBox(QStringLiteral("Prescription"), this);
    (new QVBoxLayout(prescription_box))->addWidget(editor_);
    // The point and the prescription scroll on a short screen; Start and Stop stay in view.
    auto* settings = new QWidget(this);
    auto* left = new QVBoxLayout(settings);
    left->setContentsMargins(0, 0, 0, 0);
    left->addWidget(point_box);
    left->addWidget(prescription_box);
    left->addWidget(refusal_);
    left->addStretch(1);
    auto* left_column = new QVBoxLayout;
    left_column->setContentsMargins(0, 0, 0, 0);
    left_column->addWidget(scroll_column(settings), 1);
    left_column->addLayout(buttons);

    readout_ = new PressureReadout(this);
    readout_->setFixedSize(kReadoutSmallest); // fit_readout() grows it with the page
    status_ = new HoldStatusPanel(this);
    auto* top = new QHBoxLayout;
    top->addWidget(readout_, 0);
    top->addWidget(status_, 1);

    plot_ = make_pressure_plot(this);
    // After Stop the hold's summary shares the column with the trace: at 1024×640, with the
    // window's bottom row (banner, shared study), the trace gives way to the summary (with its
    // loss of signal, when the device was lost) rather than squeezing its numbers and status.
    plot_->widget()->setMinimumHeight(kTraceSmallestPx);
    plot_->widget()->setObjectName(QStringLiteral("TreatmentTrace"));
    log_ = new QLabel(this);
    log_->setObjectName(QStringLiteral("StepUpLog"));
    log_->setWordWrap(true);
    log_->hide(); // shown with the first step-up
    summary_ = new HoldSummaryPanel(this);
    summary_->hide(); // shown when a hold ends; the plot has the room meanwhile

    auto* right = new QVBoxLayout;
    right->addLayout(top);
    right->addWidget(plot_->widget(), 1);
    right->addWidget(log_);
    right->addWidget(summary_);

    auto* root = new QHBoxLayout(this);
    auto* left_widget = new QWidget(this);
    left_widget->setLayout(left_column);
    // As wide as its fields need (the scroll bar included) and no wider.
    left_widget->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Preferred);
    root->addWidget(left_widget);
    settings_column_ = left_widget;
    root->addLayout(right, 1);

    connect(point_, &PointPicker::subjectEdited, this, [this] { use_subject(); });
    connect(point_, &PointPicker::pointChanged, this, [this] { point_changed(); });
    connect(editor_, &PrescriptionEditor::prescriptionChanged, this,
            [this] { check_prescription(); });
    connect(measure_, &QPushButton::clicked, this, [this] {
        if (const auto missing = session().resolved().missing)
            Q_EMIT measureThresholdRequested(
                QString::fromLatin1(algocore::protocols::to_words(*missing)));
    });
    connect(start_, &QPushButton::clicked, this, [this] { start_hold(); });
    connect(stop_, &QPushButton::clicked, this, [this] { stop_hold(); });
    connect(felt_, &QPushButton::clicked, this, [this] { mark_release_felt(); });
    connect(examine_, &QPushButton::clicked, this, [this] { open_findings(); });
    // The key works wherever the therapist looks during a hold: this page or the coach view.
    release_key_ =
        new ReleaseKey([this] { return isVisible() && session().run_state().holding(); }, this);
    connect(release_key_, &ReleaseKey::releaseFeltPressed, this, [this] { mark_release_felt(); });
    qApp->installEventFilter(release_key_);
    connect(summary_, &HoldSummaryPanel::saveRequested, this, [this] { save_hold(); });
    connect(summary_, &HoldSummaryPanel::discardRequested, this, [this] { confirm_discard(); });
    // Thresholds read from the database redraw the refusal and the stored values.
    workbench_.treatment().set_on_change([page = QPointer<TreatmentPage>(this)] {
        if (page) page->check_prescription();
    });

    plot_->set_unit(unit_);
    plot_->set_window_s(60.0);
    reload();
    point_changed();
}

TreatmentPage::~TreatmentPage() {
    workbench_.treatment().set_on_change({});
}

void TreatmentPage::reload() {
    point_->set_sites(workbench_.sites());
    read_subjects();
}

void TreatmentPage::start_over() {
    // Another database: the visit of the one before has ended (its holds stored there); the
    // patient, the finished hold and the point's thresholds shown were that database's.
    point_->set_subject_code(QString());
    clear_hold_views();
    reload();
    point_changed();
}

// The patient picker offers the stored subjects, most recently seen first (the storage's
// order); read once per showing, never waited for.
void TreatmentPage::read_subjects() {
    auto* storage = workbench_.storage();
    if (!storage) return point_->set_known_subjects({});
    algocore::storage::ask<QStringList>(
        *storage, workbench_.inbox(),
        [](algocore::storage::StorageReader& s) {
            QStringList codes;
            for (const auto& subject : s.subjects())
                codes << QString::fromStdString(subject.code);
            return codes;
        },
        [page = QPointer<TreatmentPage>(this)](algocore::storage::Answer<QStringList> answer) {
            if (page && answer.ok()) page->point_->set_known_subjects(answer.value);
        });
}

void TreatmentPage::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    fit_readout();
}

void TreatmentPage::fit_readout() {
    // The number is read from across the treatment room: on a large screen it takes at least
    // a sixth of it, on a laptop what the hold's status panel beside it leaves. Its width
    // follows the room beside the settings (never more than 0.8 of the page's height, so the
    // trace keeps its share), its height 5/8 of its width.
    const int beside_status = width() - settings_column_->sizeHint().width() -
                              status_->minimumSizeHint().width() - 2 * kPageGapsPx;
    const int width_px = std::clamp(std::min(beside_status, height() * 4 / 5),
                                    kReadoutSmallest.width(), kReadoutLargestWidthPx);
    int height_px = std::max(kReadoutSmallest.height(), width_px * 5 / 8);
    // After a hold the summary shares the column with the trace: on a short page (1024×640)
    // the readout, whose live number matters less now, gives the trace back its room.
    if (!status_->counts_shown()) {
        const int room = height() - summary_->sizeHint().height() - kTraceAfterHoldPx -
                         (log_->isHidden() ? 0 : log_->sizeHint().height()) - 2 * kPageGapsPx;
        height_px = std::clamp(room, kReadoutAfterHoldPx, height_px);
    }
    const QSize size(width_px, height_px);
    if (readout_->size() != size || readout_->minimumSize() != size) readout_->setFixedSize(size);
}

void TreatmentPage::fit_after_hold() {
    const bool over = !summary_->isHidden() && !workbench_.treatment().run_state().running;
    if (status_->counts_shown() != over) return;
    status_->set_counts_shown(!over);
    fit_readout();
}

void TreatmentPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    // The subject may have been chosen, or a PPT measured, on the Thresholds page meanwhile.
    if (const auto& visit = workbench_.visit().visit())
        point_->set_subject_code(QString::fromStdString(visit->subject_code));
    read_subjects();
    workbench_.treatment().refresh_thresholds();
    if (latest_) refresh(latest_->t_s);
}

void TreatmentPage::use_subject() {
    const QString code = point_->subject_code();
    const auto& visit = workbench_.visit().visit();
    if (code.isEmpty() || (visit && visit->subject_code == code.toStdString())) return;
    // The patient's visit is shared with the Thresholds page: a new code begins a new one.
    algocore::session::Visit next;
    next.subject_code = code.toStdString();
    next.operator_name = visit ? visit->operator_name : std::string();
    next.operator_role = "therapist";
    const std::string problem = workbench_.begin_visit(next);
    editor_->show_problem(QString::fromStdString(problem));
    // Nothing of the previous patient stays on screen: their finished hold was stored
    // under their visit (the session did it), its dose and step-ups go from the page.
    if (visit) clear_hold_views();
    point_changed();
}

void TreatmentPage::point_changed() {
    session().select_point(point_->site(), point_->side());
    examine_->setEnabled(workbench_.visit().visit().has_value() && point_->site().id != 0);
    check_prescription();
}

TriggerPointDialog* TreatmentPage::open_findings() {
    if (!workbench_.visit().visit() || point_->site().id == 0) return nullptr;
    auto* dialog = new TriggerPointDialog(workbench_, point_->site(), point_->side(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->resize(window()->size());
    dialog->open();
    return dialog;
}

TriggerPointDialog* TreatmentPage::findings_dialog() const {
    return findChild<TriggerPointDialog*>(QString(), Qt::FindDirectChildrenOnly);
}

void TreatmentPage::start_demo() {
    // A visit opened already (algoscope --subject CODE) is kept: its thresholds show.
    const auto& visit = workbench_.visit().visit();
    point_->set_subject_code(visit ? QString::fromStdString(visit->subject_code)
                                   : QStringLiteral("DEMO"));
    use_subject();
    point_->choose_site(QStringLiteral("upper_trapezius"));
    point_->choose_side(algocore::records::BodySide::Left);
    algocore::protocols::Prescription demo =
        algocore::protocols::Prescription::absolute(300.0, 400.0, 60.0);
    demo.limit =
        algocore::protocols::PressureRef{algocore::protocols::PressureAnchor::Absolute, 500.0};
    editor_->set_prescription(demo);
    start_hold();
}

void TreatmentPage::set_unit(const DisplayUnit& unit) {
    unit_ = unit;
    plot_->set_unit(unit);
    check_prescription();
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

void TreatmentPage::clear_hold_views() {
    summary_->clear();
    summary_->hide();
    pending_shown_ = false;
    step_up_log_.clear();
    log_->clear();
    log_->hide(); // its line goes to the trace while there is nothing to log
    markers_.clear();
    set_prompt(std::nullopt);
    status_->show_idle(QStringLiteral("Choose the point and the prescription, then Start hold"));
    fit_after_hold();
}

// A finished hold is a treatment given: throwing it away takes a second, deliberate click.
// The question is window-modal but does not block, so the live view keeps drawing.
void TreatmentPage::confirm_discard() {
    if (discard_question_ || !session().pending()) return;
    const auto& m = session().pending()->hold.metrics;
    discard_question_ = new QMessageBox(
        QMessageBox::Warning, tr("Discard this hold?"),
        tr("Discard the hold just given (%1 s, mean %2)? It will not be stored and cannot be "
           "brought back.")
            .arg(m.duration_s, 0, 'f', 0)
            .arg(unit_.format_with_symbol(m.mean_kpa)),
        QMessageBox::NoButton, this);
    QPushButton* discard =
        discard_question_->addButton(tr("Discard hold"), QMessageBox::DestructiveRole);
    discard_question_->addButton(tr("Keep it"), QMessageBox::RejectRole);
    discard_question_->setDefaultButton(
        qobject_cast<QPushButton*>(discard_question_->buttons().back())); // Enter keeps the hold
    discard_question_->setAttribute(Qt::WA_DeleteOnClose);
    connect(discard_question_, &QMessageBox::finished, this, [this, discard] {
        const bool confirmed = discard_question_ && discard_question_->clickedButton() == discard;
        discard_question_ = nullptr;
        if (!confirmed || !session().pending()) return;
        workbench_.treatment().discard_pending();
        summary_->show_saved(tr("Discarded: not stored"));
    });
    discard_question_->open();
}

} // namespace algogui
