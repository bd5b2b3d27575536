#include "algogui/history/HistoryPage.h"
#include "algogui/PlainWords.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include "HistoryCells.h"
#include "algogui/SubjectPicker.h"
#include "algogui/history/HistoryPlot.h"
#include "algogui/history/TriggerPointHistory.h"

namespace algogui {

using algocore::history::PointSeries;
using algocore::history::SubjectHistory;
using algocore::records::RecordId;

struct HistoryPage::Alive {};

namespace {
QTableWidget* make_table(const QStringList& headers, QWidget* parent) {
    auto* t = new QTableWidget(0, headers.size(), parent);
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->verticalHeader()->setVisible(false);
    t->horizontalHeader()->setStretchLastSection(true);
    t->setWordWrap(false);
    return t;
}
} // namespace

HistoryPage::HistoryPage(HistoryStore store, QWidget* parent)
    : QWidget(parent), store_(std::move(store)), alive_(std::make_shared<Alive>()),
      unit_(display_unit(QStringLiteral("kpa"))) {
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(build_top());

    sessions_ = make_table({tr("Session"), tr("Trials"), tr("Holds")}, this);
    sessions_->horizontalHeader()->setStretchLastSection(false);
    points_ = make_table({}, this);
    holds_ = make_table({}, this);
    trend_ = new HistoryPlot(this);
    auto* thresholds = new QSplitter(Qt::Vertical, this);
    thresholds->addWidget(points_);
    thresholds->addWidget(trend_);
    thresholds->setStretchFactor(0, 3);
    thresholds->setStretchFactor(1, 2);
    tabs_ = new QTabWidget(this);
    tabs_->addTab(thresholds, tr("Thresholds"));
    tabs_->addTab(holds_, tr("Holds"));
    trigger_points_ = new TriggerPointHistory(this);
    tabs_->addTab(trigger_points_, tr("Trigger points"));
    auto* body = new QSplitter(Qt::Horizontal, this);
    body->addWidget(sessions_);
    body->addWidget(tabs_);
    body->setStretchFactor(0, 1);
    body->setStretchFactor(1, 3);
    layout->addWidget(body, 1);

    connect(sessions_, &QTableWidget::currentCellChanged, this,
            [this](int row, int, int, int) { show_session(row); });
    connect(points_, &QTableWidget::currentCellChanged, this,
            [this](int row, int, int, int) { show_point(row); });
    connect(points_, &QTableWidget::cellDoubleClicked, this,
            [this](int row, int) { open_point_traces(row); });
    connect(holds_, &QTableWidget::cellDoubleClicked, this,
            [this](int row, int) { open_hold_trace(row); });
    set_unit(unit_);
}

HistoryPage::~HistoryPage() = default;

QWidget* HistoryPage::build_top() {
    auto* top = new QWidget(this);
    auto* rows = new QVBoxLayout(top);
    rows->setContentsMargins(0, 0, 0, 0);
    auto* first = new QHBoxLayout;
    subject_ = new SubjectPicker(top);
    open_ = new QPushButton(tr("Open"), top);
    report_ = new QPushButton(tr("Report…"), top);
    report_->setToolTip(
        tr("Write the visit of the selected session (every session of that day) as a PDF (A4)"));
    export_ = new QPushButton(tr("Export…"), top);
    export_->setToolTip(tr("Export this subject's, this session's or a date range's data"));
    first->addWidget(new QLabel(tr("Subject"), top));
    first->addWidget(subject_);
    first->addWidget(open_);
    first->addStretch(1);
    first->addWidget(report_);
    first->addWidget(export_);
    rows->addLayout(first);

    auto* second = new QHBoxLayout;
    clinic_ = new QLineEdit(top);
    clinic_->setPlaceholderText(tr("Clinic"));
    therapist_ = new QLineEdit(top);
    therapist_->setPlaceholderText(tr("Therapist"));
    second->addWidget(new QLabel(tr("Report header"), top));
    second->addWidget(clinic_, 1);
    second->addWidget(therapist_, 1);
    rows->addLayout(second);
    status_ = new QLabel(top);
    status_->setWordWrap(true);
    rows->addWidget(status_);

    connect(open_, &QPushButton::clicked, this, [this] { open_subject(subject_->code()); });
    connect(subject_, &SubjectPicker::codeChosen, this, &HistoryPage::open_subject);
    connect(report_, &QPushButton::clicked, this, &HistoryPage::write_report);
    connect(export_, &QPushButton::clicked, this, &HistoryPage::export_data);
    for (QLineEdit* edit : {clinic_, therapist_})
        connect(edit, &QLineEdit::editingFinished, this,
                [this] { Q_EMIT reportHeaderEdited(clinic_->text(), therapist_->text()); });
    report_->setEnabled(false);
    return top;
}

void HistoryPage::set_unit(const DisplayUnit& unit) {
    unit_ = unit;
    trend_->set_unit(unit_.symbol, unit_.per_kpa);
    points_->setColumnCount(7);
    // Units on a second header line: the columns are as wide as their numbers, so the table
    // fits the smallest window with the verdicts written out.
    points_->setHorizontalHeaderLabels(
        {tr("Point"), tr("n"), tr("Mean ± SD\n(%1)").arg(unit_.symbol), tr("vs previous"),
         tr("vs first"), tr("L/R"), tr("MDC\n(%1)").arg(unit_.symbol)});
    points_->horizontalHeaderItem(1)->setToolTip(tr("Counted trials / all trials"));
    points_->horizontalHeaderItem(5)->setToolTip(
        tr("Left/right difference relative to their mean, and the lower (more sensitive) side"));
    points_->horizontalHeaderItem(6)->setToolTip(
        tr("Minimal detectable change: a change beyond it is real"));
    holds_->setColumnCount(9);
    holds_->setHorizontalHeaderLabels(
        {tr("Date"), tr("Point"), tr("Duration"), tr("In band"), tr("Mean (%1)").arg(unit_.symbol),
         QStringLiteral("%1 (%2·s)").arg(kPressureTimesTime.caption_text(), unit_.symbol),
         tr("Step-ups"), tr("Pain"), tr("Signal lost")});
    holds_->horizontalHeaderItem(5)->setToolTip(kPressureTimesTime.tooltip_text());
    holds_->horizontalHeaderItem(8)->setToolTip(
        tr("Time without signal during the hold (device unplugged, samples lost): the duration "
           "includes it, in band, mean and pressure × time do not"));
    show_session(sessions_->currentRow());
    show_holds();
}

void HistoryPage::set_report_header(const QString& clinic, const QString& therapist) {
    clinic_->setText(clinic);
    therapist_->setText(therapist);
}

void HistoryPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (!subjects_asked_) return refresh_subjects();
    // The patient changed on another page since this one was last seen: follow them.
    const QString in_view = store_.subject_in_view ? store_.subject_in_view() : QString();
    if (!in_view.isEmpty() && in_view != followed_) {
        followed_ = in_view;
        open_subject(in_view);
    }
}

void HistoryPage::reload() {
    const QString shown = subject_->code();
    refresh_subjects();
    if (!shown.isEmpty()) open_subject(shown);
}

void HistoryPage::start_over() {
    // Another database: nothing read from the one before stays, not even the code typed.
    ++subject_request_;
    subject_->set_code(QString());
    subject_->set_codes({});
    followed_.clear();
    show_records({});
    set_status(QString());
    refresh_subjects();
}

void HistoryPage::refresh_subjects() {
    subjects_asked_ = true;
    if (!store_.subjects) return;
    std::weak_ptr<Alive> alive = alive_;
    store_.subjects([this, alive](QStringList codes, QString error) {
        if (alive.expired()) return;
        if (!error.isEmpty()) return set_status(tr("Subjects cannot be read: %1").arg(error));
        const QString typed = subject_->code();
        subject_->set_codes(codes);
        if (codes.isEmpty()) {
            show_records({});
            return set_status(tr("No subjects in the database yet."));
        }
        // The subject in view (algoscope --subject, a visit begun elsewhere) comes first; then
        // what was typed; else the most recently seen subject (the list's first) is the
        // likeliest one.
        followed_ = store_.subject_in_view ? store_.subject_in_view() : QString();
        open_subject(!followed_.isEmpty() ? followed_ : typed.isEmpty() ? codes.front() : typed);
    });
}

void HistoryPage::open_subject(const QString& code) {
    const QString trimmed = code.trimmed();
    if (trimmed.isEmpty() || !store_.subject) return;
    subject_->set_code(trimmed);
    // Nothing of the previous subject stays on screen while the next one is read (or when
    // it cannot be).
    show_records({});
    set_status(tr("Reading %1…").arg(trimmed));
    std::weak_ptr<Alive> alive = alive_;
    const int request = ++subject_request_;
    store_.subject(trimmed, [this, alive, trimmed, request](SubjectAnswer answer) {
        // Only the newest request counts: an older answer arriving late is someone else.
        if (alive.expired() || request != subject_request_) return;
        if (!answer.error.isEmpty())
            return set_status(tr("%1 cannot be read: %2").arg(trimmed, answer.error));
        if (!answer.records) return set_status(tr("No subject with the code %1.").arg(trimmed));
        show_records(*answer.records);
    });
}

void HistoryPage::show_records(const algocore::records::SubjectRecords& records) {
    // The field names whose records are on the page, however they came to be shown.
    if (!records.subject.code.empty())
        subject_->set_code(QString::fromStdString(records.subject.code));
    history_ = SubjectHistory::build(records);
    const auto& sessions = history_.sessions();
    sessions_->setRowCount(static_cast<int>(sessions.size()));
    // Newest first: that is the session a therapist looks at.
    for (std::size_t i = 0; i < sessions.size(); ++i) {
        const auto& s = sessions[sessions.size() - 1 - i];
        const int row = static_cast<int>(i);
        auto* date = history_cell(session_day(s.session.started_utc));
        date->setData(Qt::UserRole, static_cast<qlonglong>(s.session.id));
        date->setToolTip(tr("Session %1, %2%3%4")
                             .arg(s.session.id)
                             .arg(QString::fromStdString(s.session.started_utc))
                             .arg(s.operator_name.empty()
                                      ? QString()
                                      : tr(", by %1").arg(QString::fromStdString(s.operator_name)))
                             .arg(s.reaction_time_ms
                                      ? tr("; estimates use a reaction time of %1 ms")
                                            .arg(*s.reaction_time_ms, 0, 'f', 0)
                                      : QString()));
        sessions_->setItem(row, 0, date);
        sessions_->setItem(row, 1, history_cell(QString::number(s.trials)));
        sessions_->setItem(row, 2, history_cell(QString::number(s.holds)));
    }
    sessions_->resizeColumnsToContents();
    // The splitter must never cut a column of the sessions list.
    int width = 2 * sessions_->frameWidth() + sessions_->verticalScrollBar()->sizeHint().width();
    for (int c = 0; c < sessions_->columnCount(); ++c)
        width += sessions_->columnWidth(c);
    sessions_->setFixedWidth(width);
    report_->setEnabled(!sessions.empty());
    set_status(tr("%1: %2 sessions, %3 points, %4 holds. Double-click a row for its raw traces.")
                   .arg(QString::fromStdString(history_.subject().code))
                   .arg(sessions.size())
                   .arg(history_.points().size())
                   .arg(history_.holds().size()));
    show_holds();
    trigger_points_->show_history(history_);
    // Re-derived whether or not the current row moved: the same row of another subject
    // raises no signal, and its numbers must still be this subject's.
    {
        const QSignalBlocker quiet(sessions_);
        sessions_->setCurrentCell(sessions.empty() ? -1 : 0, 0);
    }
    show_session(sessions_->currentRow());
}

RecordId HistoryPage::selected_session() const {
    const QTableWidgetItem* item = sessions_->item(sessions_->currentRow(), 0);
    return item ? item->data(Qt::UserRole).toLongLong() : algocore::records::kNoRecord;
}

void HistoryPage::show_session(int) {
    const RecordId session = selected_session();
    const auto points = history_.points_in(session);
    points_->setRowCount(static_cast<int>(points.size()));
    for (std::size_t i = 0; i < points.size(); ++i)
        fill_point_row(*points_, static_cast<int>(i), *points[i], *points[i]->in_session(session),
                       unit_);
    points_->resizeColumnsToContents();
    points_->resizeRowsToContents(); // the change cells hold two lines
    {
        const QSignalBlocker quiet(points_);
        points_->setCurrentCell(points.empty() ? -1 : 0, 0);
    }
    show_point(points_->currentRow());
}

void HistoryPage::show_point(int row) {
    const auto points = history_.points_in(selected_session());
    if (row < 0 || row >= static_cast<int>(points.size())) {
        trend_->clear();
        trend_->set_caption(QString());
        return;
    }
    set_trend(*trend_, *points[static_cast<std::size_t>(row)], unit_);
}

void HistoryPage::show_holds() {
    const auto& holds = history_.holds();
    holds_->setRowCount(static_cast<int>(holds.size()));
    for (std::size_t i = 0; i < holds.size(); ++i)
        fill_hold_row(*holds_, static_cast<int>(i), holds[i], unit_);
    holds_->resizeColumnsToContents();
}

QString HistoryPage::status_text() const {
    return status_->text();
}

void HistoryPage::set_status(const QString& text) {
    status_->setText(text);
}

} // namespace algogui
