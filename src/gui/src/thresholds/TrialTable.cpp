#include "algogui/thresholds/TrialTable.h"

#include <QEvent>
#include <QHeaderView>
#include <QSignalBlocker>

#include <algorithm>
#include <numeric>

#include "algocore/protocols/ReactionAdjustment.h"
#include "algogui/Theme.h"

namespace algogui {

using algocore::protocols::PptTrialEnd;

namespace {
const QColor kInvalidTint{0xfd, 0xe7, 0xe9};
const QColor kPracticeTint{0xee, 0xf0, 0xf3};
const QColor kExcludedTint{0xe4, 0xe4, 0xe4};
// A cell's margins and grid line around its text.
constexpr int kCellPaddingPx = 8;
// The table's text: a little smaller than the page's, so nine columns fit the middle column
// of a 1024 px window with the threshold, the estimate and the validity whole.
constexpr int kTableTextPx = 13;

QString fingerprint(const std::vector<PptTrialRow>& rows, const DisplayUnit& unit) {
    QString text = unit.key;
    for (const PptTrialRow& row : rows) {
        text += QStringLiteral("|%1:%2:%3:%4:%5:%6")
                    .arg(row.number)
                    .arg(row.trial.result.ppt_kpa)
                    .arg(row.trial.result.flags)
                    .arg(row.trial.counted)
                    .arg(row.record_id)
                    .arg(QString::fromStdString(row.excluded_reason));
    }
    return text;
}
// When the table is narrower than its contents, columns give up width in three steps: the
// explaining columns (flags, the rate at the button) down to their headers, then every
// header wider than its cells down to them, then cells down to `floor` (a few characters and
// "…"), each step in this order; the trial's number, threshold and validity last.
constexpr TrialTable::Column kGivesUpFirst[] = {
    TrialTable::Flags,  TrialTable::RateAtButton, TrialTable::InCorridor,
    TrialTable::Stored, TrialTable::Rate,         TrialTable::Estimate,
    TrialTable::Valid,  TrialTable::Ppt,          TrialTable::Trial};

// Widths that fit `room` px (a zero natural width is a hidden column): while everything fits,
// each column its natural width (header and cells) and the spare room to `stretch`; otherwise
// the steps above; a table too narrow even for that divides its width equally.
std::vector<int> fitted_widths(const std::vector<int>& natural, const std::vector<int>& cells,
                               const std::vector<int>& headers, int floor, int room,
                               std::size_t stretch) {
    std::vector<int> widths = natural;
    int excess = std::accumulate(natural.begin(), natural.end(), 0) - room;
    if (excess <= 0) {
        widths[stretch] -= excess;
        return widths;
    }
    const auto explaining = [](std::size_t c) {
        return c == TrialTable::Flags || c == TrialTable::RateAtButton;
    };
    for (int step = 0; step < 3; ++step) {
        for (const TrialTable::Column column : kGivesUpFirst) {
            const auto c = static_cast<std::size_t>(column);
            if (widths[c] == 0 || (step == 0 && !explaining(c))) continue;
            const int target = step == 0   ? std::max(headers[c], floor)
                               : step == 1 ? std::max(cells[c], floor)
                                           : floor;
            const int cut = std::min(excess, widths[c] - target);
            if (cut <= 0) continue;
            widths[c] -= cut;
            excess -= cut;
            if (excess == 0) return widths;
        }
    }
    const auto shown = static_cast<int>(
        std::count_if(natural.begin(), natural.end(), [](int w) { return w > 0; }));
    for (int& width : widths)
        if (width > 0) width = std::max(room, 0) / shown;
    return widths;
}
} // namespace

TrialTable::TrialTable(QWidget* parent)
    : QTableWidget(0, ColumnCount, parent), unit_(display_unit(QStringLiteral("kpa"))) {
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    // A row is picked with the mouse; the table never takes the keyboard from the trial keys.
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setFocusPolicy(Qt::NoFocus);
    connect(this, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto picked = selectedItems();
        const int r = picked.isEmpty() ? -1 : picked.front()->row();
        selected_record_ = r >= 0 && r < static_cast<int>(rows_.size())
                               ? rows_[static_cast<std::size_t>(r)].record_id
                               : algocore::records::kNoRecord;
        Q_EMIT trialSelected();
    });
    verticalHeader()->hide();
    // Widths are set by fit_columns, to the viewport's width: nothing to scroll sideways to.
    horizontalHeader()->setStretchLastSection(false);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    horizontalHeader()->setTextElideMode(Qt::ElideRight);
    setTextElideMode(Qt::ElideRight);
    setWordWrap(false);
    QFont text = font();
    text.setPixelSize(kTableTextPx);
    setFont(text);
    horizontalHeader()->setFont(text);
    setAccessibleName(tr("Trials at this point"));
    set_unit(unit_);
}

void TrialTable::set_unit(const DisplayUnit& unit) {
    unit_ = unit;
    // Short lines, so a header is not much wider than its numbers; each is whole in its tooltip.
    setHorizontalHeaderLabels(
        {tr("Trial"), tr("PPT\n(%1)").arg(unit.symbol), tr("RT-adj.\n(%1)").arg(unit.symbol),
         tr("Rate\n(%1/s)").arg(unit.symbol), tr("At button\n(%1/s)").arg(unit.symbol),
         tr("In\ncorridor"), tr("Flags"), tr("Valid"), tr("Stored")});
    // The estimate is labelled as one, with its formula and its limit, wherever it is shown.
    horizontalHeaderItem(Estimate)->setToolTip(
        tr("%1 = %2: an estimate beside the threshold, never in its place (a "
           "motor reaction to a cue is not the latency of pain perception)")
            .arg(QString::fromUtf8(algocore::protocols::kRtAdjustedName),
                 QString::fromUtf8(algocore::protocols::kRtAdjustedFormula)));
    horizontalHeaderItem(RateAtButton)
        ->setToolTip(tr("At button (%1/s): the rate over the last second before the button; "
                        "marked when it is off the target rate by more than ±25 %")
                         .arg(unit.symbol));
    // A header cut short by a narrow window says itself whole in its tooltip.
    for (const Column c : {Trial, Ppt, Rate, InCorridor, Flags, Valid, Stored})
        horizontalHeaderItem(c)->setToolTip(
            horizontalHeaderItem(c)->text().replace(QLatin1Char('\n'), QLatin1Char(' ')));
    horizontalHeaderItem(Estimate)->setToolTip(tr("RT-adj. (%1): ").arg(unit.symbol) +
                                               horizontalHeaderItem(Estimate)->toolTip());
    shown_.clear(); // the headers say another unit: the cells are written again, and fitted
    refill();
}

bool TrialTable::viewportEvent(QEvent* event) {
    // The viewport narrows when the vertical scroll bar appears, not only when the table does.
    if (event->type() == QEvent::Resize) fit_columns();
    return QTableWidget::viewportEvent(event);
}

void TrialTable::fit_columns() {
    auto* header = horizontalHeader();
    std::vector<int> natural(ColumnCount, 0);
    std::vector<int> cells(ColumnCount, 0);
    std::vector<int> headers(ColumnCount, 0);
    for (int c = 0; c < ColumnCount; ++c) {
        if (isColumnHidden(c)) continue;
        const auto i = static_cast<std::size_t>(c);
        cells[i] = sizeHintForColumn(c);
        headers[i] = header->sectionSizeHint(c);
        natural[i] = std::max(headers[i], cells[i]);
    }
    const int floor = fontMetrics().horizontalAdvance(QStringLiteral("88…")) + kCellPaddingPx;
    const std::vector<int> widths =
        fitted_widths(natural, cells, headers, floor, viewport()->width(), Flags);
    for (int c = 0; c < ColumnCount; ++c)
        if (!isColumnHidden(c)) header->resizeSection(c, widths[static_cast<std::size_t>(c)]);
}

void TrialTable::show_rows(const std::vector<PptTrialRow>& rows, std::vector<bool> superseded,
                           std::vector<std::optional<double>> estimates,
                           std::optional<double> reaction_ms) {
    rows_ = rows;
    superseded_ = std::move(superseded);
    superseded_.resize(rows_.size(), false);
    estimates_ = std::move(estimates);
    estimates_.resize(rows_.size());
    reaction_ms_ = reaction_ms;
    const bool estimates_shown = !isColumnHidden(Estimate);
    setColumnHidden(Estimate, !reaction_ms_);
    refill();
    if (estimates_shown != !isColumnHidden(Estimate)) fit_columns();
}

QString TrialTable::cell_text(int row, Column column) const {
    const QTableWidgetItem* cell = item(row, column);
    return cell ? cell->text() : QString();
}

const PptTrialRow* TrialTable::selected_trial() const {
    if (selected_record_ == algocore::records::kNoRecord) return nullptr;
    for (const PptTrialRow& row : rows_)
        if (row.record_id == selected_record_) return &row;
    return nullptr;
}

void TrialTable::select_trial(int number) {
    for (int r = 0; r < static_cast<int>(rows_.size()); ++r)
        if (rows_[static_cast<std::size_t>(r)].number == number) selectRow(r);
}

void TrialTable::refill() {
    QString now = fingerprint(rows_, unit_);
    for (bool earlier : superseded_)
        now += earlier ? QLatin1Char('e') : QLatin1Char('.');
    for (const auto& estimate : estimates_)
        now += QStringLiteral(":%1").arg(estimate ? *estimate : -1.0);
    if (now == shown_) return;
    shown_ = now;
    setRowCount(static_cast<int>(rows_.size()));
    for (int r = 0; r < static_cast<int>(rows_.size()); ++r) {
        const PptTrialRow& row = rows_[static_cast<std::size_t>(r)];
        const auto& result = row.trial.result;
        QString number = QString::number(row.number);
        if (row.trial.retest) number += tr(" (retest)");
        QString ppt = unit_.format(result.ppt_kpa);
        if (result.end == PptTrialEnd::CutOff) ppt = QStringLiteral("> ") + ppt;
        if (result.end == PptTrialEnd::Aborted) ppt = QStringLiteral("—");
        QString flags = QString::fromStdString(algocore::protocols::flags_to_string(result.flags))
                            .replace(QLatin1Char('_'), QLatin1Char(' '))
                            .replace(QLatin1Char(','), QStringLiteral(", "));
        QString valid = result.valid ? tr("yes") : tr("no");
        if (result.valid && !row.trial.counted) valid = tr("practice");
        // A series this visit set aside (protocols/ThresholdSeries.h): shown, not counted.
        if (superseded_[static_cast<std::size_t>(r)]) {
            valid = tr("earlier series");
            const QString why = tr("earlier series, not counted");
            flags = flags.isEmpty() ? why : why + QStringLiteral(", ") + flags;
        }
        const bool excluded = !row.excluded_reason.empty();
        if (excluded) {
            valid = tr("excluded");
            const QString why = tr("excluded: %1").arg(QString::fromStdString(row.excluded_reason));
            flags = flags.isEmpty() ? why : why + QStringLiteral(", ") + flags;
        }
        const auto& estimate = estimates_[static_cast<std::size_t>(r)];
        const QString estimated =
            estimate ? QStringLiteral("≈ ") + unit_.format(*estimate) : QStringLiteral("—");
        QString at_button = QStringLiteral("—");
        if (result.rate_at_button_kpa_s) {
            at_button = unit_.format(*result.rate_at_button_kpa_s);
            if (result.flags & algocore::protocols::kRateAtButton) at_button += tr(" (> ±25 %)");
        }
        const QStringList cells = {number,
                                   ppt,
                                   estimated,
                                   unit_.format(result.rate_kpa_s),
                                   at_button,
                                   QStringLiteral("%1 %").arg(result.in_corridor_pct, 0, 'f', 0),
                                   flags,
                                   valid,
                                   row.record_id ? tr("#%1").arg(row.record_id) : tr("pending")};
        const QColor tint = excluded             ? kExcludedTint
                            : !result.valid      ? kInvalidTint
                            : !row.trial.counted ? kPracticeTint
                                                 : theme::kBackground;
        for (int c = 0; c < ColumnCount; ++c) {
            auto* cell = new QTableWidgetItem(cells[c]);
            // A cell elided to fit the width has its whole text here.
            cell->setToolTip(cells[c]);
            cell->setBackground(tint);
            if (c != Flags) cell->setTextAlignment(Qt::AlignCenter);
            // An excluded value is struck through: still readable, plainly not counted.
            if (excluded && c == Ppt) {
                QFont struck = cell->font();
                struck.setStrikeOut(true);
                cell->setFont(struck);
            }
            setItem(r, c, cell);
        }
    }
    // The selection follows its stored trial across refills; another point's rows drop it.
    int keep = -1;
    for (int r = 0; r < static_cast<int>(rows_.size()); ++r)
        if (selected_record_ != algocore::records::kNoRecord &&
            rows_[static_cast<std::size_t>(r)].record_id == selected_record_)
            keep = r;
    {
        const QSignalBlocker quiet(this);
        clearSelection();
        if (keep >= 0) selectRow(keep);
    }
    if (keep < 0 && selected_record_ != algocore::records::kNoRecord) {
        selected_record_ = algocore::records::kNoRecord;
        Q_EMIT trialSelected();
    }
    if (!rows_.empty() && keep < 0) scrollToBottom();
    fit_columns();
}

} // namespace algogui
