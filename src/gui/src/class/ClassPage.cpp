#include "algogui/class/ClassPage.h"

#include <QFontInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

#include "algogui/Theme.h"
#include "algogui/class/AssignExerciseDialog.h"
#include "algogui/class/ClassFilterModel.h"
#include "algogui/class/ClassProgressView.h"
#include "algogui/class/ClassTableModel.h"
#include "algogui/class/ClassWatchThread.h"
#include "algogui/class/PressureBarDelegate.h"
#include "algogui/class/StationFollowView.h"

namespace algogui::classview {

using algocore::sharedstudy::StationProgress;

namespace {
// A row is at least this tall (the class scrolls on a small screen), and at most this tall
// (a few stations do not make giant rows); between, 30 stations fill a 1080-line projector
// (rows of 27 px, text of 17 px: about 12 mm capitals on a 2 m wide projection).
constexpr int kMinRowPixels = 26;
constexpr int kMaxRowPixels = 56;
// The table's text is this fraction of its row.
constexpr double kTextOfRow = 0.66;
// Never smaller text than this.
constexpr int kMinTextPixels = 13;
// A column's margin on each side when even the smallest text needs room (a 1024 px laptop).
constexpr int kTightMarginPixels = 4;
// The page is laid out for at least this many rows, so rows do not grow then shrink while
// the stations of a class come in one by one.
constexpr int kRowsPlannedFor = 10;
} // namespace

ClassPage::ClassPage(const QString& server, const QString& station,
                     std::function<std::string()> teacher_database, QWidget* parent)
    : QWidget(parent), station_(station), teacher_database_(std::move(teacher_database)) {
    setObjectName(QStringLiteral("ClassPage"));
    server_ = new QLineEdit(server, this);
    server_->setObjectName(QStringLiteral("ClassServer"));
    server_->setPlaceholderText(tr("postgresql://teacher@host/study"));
    server_->setToolTip(tr("The shared study's server (no password: ~/.pgpass)"));
    class_name_ = new QLineEdit(this);
    class_name_->setObjectName(QStringLiteral("ClassName"));
    class_name_->setPlaceholderText(tr("class"));
    watch_ = new QPushButton(tr("Watch"), this);
    watch_->setObjectName(QStringLiteral("WatchClass"));
    assign_ = new QPushButton(tr("Assign exercise…"), this);
    assign_->setObjectName(QStringLiteral("AssignExercise"));
    live_status_ = tr("Name the class and press Watch.");
    status_ = new QLabel(live_status_, this);
    status_->setObjectName(QStringLiteral("ClassStatus"));
    status_->setWordWrap(true);

    model_ = new ClassTableModel(this);
    shown_ = new ClassFilterModel(this);
    shown_->setSourceModel(model_);
    filter_ = new QLineEdit(this);
    filter_->setObjectName(QStringLiteral("ClassFilter"));
    filter_->setPlaceholderText(tr("Find a station, student, exercise or state"));
    filter_->setToolTip(tr("Type part of a station's name, a student, an exercise or a state "
                           "such as offline; Esc shows every station again"));
    filter_->setClearButtonEnabled(true);
    filter_->installEventFilter(this); // Esc clears it
    connect(filter_, &QLineEdit::textChanged, shown_, &ClassFilterModel::set_filter_text);
    // The count shown follows the rows as the filter or the stations' states change them.
    connect(shown_, &QAbstractItemModel::rowsInserted, this, &ClassPage::show_filtered);
    connect(shown_, &QAbstractItemModel::rowsRemoved, this, &ClassPage::show_filtered);
    connect(shown_, &QAbstractItemModel::modelReset, this, &ClassPage::show_filtered);
    table_ = new QTableView(this);
    table_->setObjectName(QStringLiteral("ClassTable"));
    table_->setModel(shown_);
    table_->setSortingEnabled(true);
    table_->sortByColumn(ClassTableModel::Station, Qt::AscendingOrder);
    table_->setItemDelegateForColumn(ClassTableModel::Pressure, new PressureBarDelegate(table_));
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table_->setToolTip(tr("Click a station to follow it large"));
    follow_ = new StationFollowView(this);
    stack_ = new QStackedWidget(this);
    stack_->addWidget(table_);
    stack_->addWidget(follow_);
    course_ = new QPushButton(tr("Over the course"), this);
    course_->setObjectName(QStringLiteral("ClassCourse"));
    course_->setCheckable(true);
    progress_ = new ClassProgressView(this);
    stack_->addWidget(progress_);

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Server"), this));
    controls->addWidget(server_, 3);
    controls->addWidget(new QLabel(tr("Class"), this));
    controls->addWidget(class_name_, 1);
    controls->addWidget(watch_);
    controls->addWidget(assign_);
    controls->addWidget(course_);
    // The filter and what is shown share a line under the controls.
    auto* shown_line = new QHBoxLayout;
    shown_line->addWidget(filter_, 2);
    shown_line->addWidget(status_, 3);
    auto* layout = new QVBoxLayout(this);
    // Thin margins: on a projector every line of height is a row of the class.
    layout->setContentsMargins(6, 4, 6, 0);
    layout->setSpacing(4);
    layout->addLayout(controls);
    layout->addLayout(shown_line);
    layout->addWidget(stack_, 1);

    connect(watch_, &QPushButton::clicked, this, &ClassPage::watch);
    connect(class_name_, &QLineEdit::returnPressed, this, &ClassPage::watch);
    connect(assign_, &QPushButton::clicked, this, &ClassPage::open_assign_dialog);
    connect(table_, &QTableView::clicked, this, &ClassPage::follow_row);
    connect(follow_, &StationFollowView::closeRequested, this,
            [this] { stack_->setCurrentWidget(table_); });
    connect(course_, &QPushButton::toggled, this, [this](bool on) {
        stack_->setCurrentWidget(on ? static_cast<QWidget*>(progress_) : table_);
        // The filter narrows the live table only; over the course it would filter nothing shown.
        filter_->setVisible(!on);
        if (!on) {
            status_->setText(live_status_);
            return;
        }
        progress_->load(server_->text(), class_name_->text());
        status_->setText(progress_->status_label().text()); // a read under way says so
    });
    // While the course shows, the status line says the course view's status (reading, what
    // was read, why not, an export), in place of the view's own line.
    progress_->status_label().hide();
    connect(progress_, &ClassProgressView::statusChanged, this, [this](const QString& text) {
        if (course_->isChecked()) status_->setText(text);
    });
    fit_rows();
}

ClassPage::~ClassPage() = default;

bool ClassPage::following() const {
    return stack_->currentWidget() == follow_;
}

void ClassPage::watch() {
    const QString server = server_->text().trimmed();
    const QString name = class_name_->text().trimmed();
    watcher_.reset();
    model_->set_stations({});
    course_->setChecked(false);
    stack_->setCurrentWidget(table_);
    if (server.isEmpty() || name.isEmpty()) {
        set_live_status(tr("Give the server and the class's name."));
        return;
    }
    set_live_status(tr("Connecting to class %1…").arg(name));
    watcher_ = std::make_unique<ClassWatchThread>(server.toStdString(), name.toStdString());
    connect(watcher_.get(), &ClassWatchThread::stationsChanged, this, &ClassPage::show_stations);
    connect(watcher_.get(), &ClassWatchThread::problemChanged, this, &ClassPage::show_problem);
}

void ClassPage::open_assign_dialog() {
    const QString server = server_->text().trimmed();
    const QString name = class_name_->text().trimmed();
    if (server.isEmpty() || name.isEmpty()) {
        status_->setText(tr("Give the server and the class's name."));
        return;
    }
    if (assign_dialog_) assign_dialog_->close();
    assign_dialog_ = new AssignExerciseDialog(teacher_database_(), server, name, station_, this);
    assign_dialog_->setAttribute(Qt::WA_DeleteOnClose);
    assign_dialog_->open();
}

void ClassPage::show_stations(const std::vector<StationProgress>& stations) {
    ++pictures_;
    const bool new_count = stations.size() != model_->stations().size();
    model_->set_stations(stations);
    follow_->show_class(stations);
    if (new_count) {
        fit_rows();
        fit_columns();
    }
    if (live_status_.startsWith(tr("Connecting")) || new_count) set_live_status(summary());
}

QString ClassPage::summary() const {
    const QString all =
        tr("Class %1: %n station(s)", nullptr, static_cast<int>(model_->stations().size()))
            .arg(class_name_->text().trimmed());
    if (shown_->filter_text().isEmpty()) return all;
    return tr("%1, %2 shown").arg(all).arg(shown_->rowCount());
}

void ClassPage::show_filtered() {
    // Only over the class's summary: a connection problem stays in view.
    if (watcher_ && live_status_.startsWith(tr("Class "))) set_live_status(summary());
}

void ClassPage::set_live_status(const QString& text) {
    live_status_ = text;
    if (!course_->isChecked()) status_->setText(text);
}

void ClassPage::show_problem(const QString& problem) {
    if (problem.isEmpty()) {
        set_live_status(summary());
        return;
    }
    set_live_status(tr("%1 (trying again)").arg(problem));
}

void ClassPage::follow_row(const QModelIndex& index) {
    const QModelIndex source = shown_->mapToSource(index);
    if (!source.isValid()) return;
    follow_->follow(model_->stations()[static_cast<std::size_t>(source.row())].station);
    follow_->show_class(model_->stations());
    stack_->setCurrentWidget(follow_);
}

bool ClassPage::eventFilter(QObject* watched, QEvent* event) {
    if (watched == filter_ && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape && !filter_->text().isEmpty()) {
        filter_->clear();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void ClassPage::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    fit_rows();
    fit_columns();
}

void ClassPage::fit_rows() {
    const int rows = std::max(kRowsPlannedFor, model_->rowCount());
    const int header = table_->horizontalHeader()->height();
    const int room = stack_->height() - header - 2 * table_->frameWidth();
    const int row = std::clamp(room / rows, kMinRowPixels, kMaxRowPixels);
    if (row == row_pixels_) return;
    row_pixels_ = row;
    fit_columns();
}

void ClassPage::fit_columns() {
    const int row = row_pixels_;
    table_->verticalHeader()->setDefaultSectionSize(row);
    table_->verticalHeader()->setMinimumSectionSize(row);
    // The text as large as the row allows; smaller (down to kMinTextPixels) when the columns
    // would not fit the width otherwise (a laptop), so nothing is cut or scrolled to.
    const int room = table_->viewport()->width();
    for (int size = static_cast<int>(row * kTextOfRow); size >= kMinTextPixels; --size) {
        if (widths_for(size, false) <= room) break;
        // A small laptop: tighter margins before the class scrolls sideways.
        if (size == kMinTextPixels) widths_for(size, true);
    }
    // What the teacher types reads as large as the class, from the back of the room too.
    QFont typed = font();
    typed.setPixelSize(std::max(QFontInfo(font()).pixelSize(), table_->font().pixelSize()));
    filter_->setFont(typed);
}

int ClassPage::widths_for(int text_pixels, bool tight) {
    QFont text = font();
    text.setPixelSize(text_pixels);
    table_->setFont(text);
    QFont bold = text;
    bold.setBold(true);
    table_->horizontalHeader()->setFont(bold);
    const QFontMetrics metrics(text);
    const QFontMetrics header_metrics(bold);
    const int em = metrics.horizontalAdvance(QLatin1Char('M'));
    const int margin = tight ? std::max(kTightMarginPixels, em / 3) : em / 2;
    // A title has the sort arrow beside it when its column is the sorted one.
    const int arrow = table_->style()->pixelMetric(QStyle::PM_HeaderMarkSize) +
                      2 * table_->style()->pixelMetric(QStyle::PM_HeaderMargin);
    const auto title_of = [&](int column) {
        return model_->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
    };
    // Each column as wide as its longest value or its title, and a margin.
    const auto fit = [&](int column, const QString& longest_value) {
        table_->setColumnWidth(
            column, std::max(metrics.horizontalAdvance(longest_value),
                             header_metrics.horizontalAdvance(title_of(column)) + arrow) +
                        2 * margin);
    };
    // The text columns: their longest value now (a station, a student, an exercise).
    const auto longest = [&](auto field, const char* at_least) {
        QString widest = QString::fromUtf8(at_least);
        for (const StationProgress& p : model_->stations()) {
            const QString value = QString::fromStdString(field(p));
            if (metrics.horizontalAdvance(value) > metrics.horizontalAdvance(widest))
                widest = value;
        }
        return widest;
    };
    fit(ClassTableModel::Station,
        longest([](const StationProgress& p) { return p.station; }, "desk 30"));
    fit(ClassTableModel::Student,
        longest([](const StationProgress& p) { return p.student; }, "Student"));
    fit(ClassTableModel::Exercise,
        longest([](const StationProgress& p) { return p.exercise; }, "Exercise"));
    fit(ClassTableModel::State, state_words(algocore::sharedstudy::StationState::Attempt));
    fit(ClassTableModel::InBand, QStringLiteral("100 %"));
    fit(ClassTableModel::AbsoluteError, QStringLiteral("000.0"));
    fit(ClassTableModel::ConstantError, QStringLiteral("+000.0"));
    fit(ClassTableModel::VariableError, QStringLiteral("000.0"));
    // The bar takes the room left, never less than its title needs.
    int others = 0;
    for (int c = 0; c < ClassTableModel::ColumnCount; ++c)
        if (c != ClassTableModel::Pressure) others += table_->columnWidth(c);
    const int needed =
        header_metrics.horizontalAdvance(title_of(ClassTableModel::Pressure)) + arrow + 2 * margin;
    table_->setColumnWidth(ClassTableModel::Pressure,
                           std::max(needed, table_->viewport()->width() - others));
    return others + needed;
}

} // namespace algogui::classview
