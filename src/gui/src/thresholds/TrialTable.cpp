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
// Widths that fit `room` px (zero-width columns are hidden): each column its natural width
// when they all fit, the spare room to `stretch`; otherwise the columns narrower than an equal
// share keep theirs and the others share what is left equally (max-min fair).
std::vector<int> fitted_widths(const std::vector<int>& natural, int room, std::size_t stretch) {
    std::vector<int> widths = natural;
    const int needed = std::accumulate(natural.begin(), natural.end(), 0);
    if (needed <= room) {
        widths[stretch] += room - needed;
        return widths;
    }
    std::vector<std::size_t> order;
    for (std::size_t c = 0; c < natural.size(); ++c)
        if (natural[c] > 0) order.push_back(c);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return natural[a] < natural[b]; });
    int left = std::max(room, 0);
    for (std::size_t i = 0; i < order.size(); ++i) {
        const int sharing = static_cast<int>(order.size() - i);
        const int share = left / sharing;
        if (natural[order[i]] <= share) {
            left -= natural[order[i]];
            continue;
        }
        // The rest are all wider than an equal share: they split what is left.
        for (std::size_t j = i; j < order.size(); ++j) {
            const int rest = static_cast<int>(order.size() - j);
            widths[order[j]] = left / rest;
            left -= widths[order[j]];
        }
        break;
    }
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
    setAccessibleName(tr("Trials at this point"));
    set_unit(unit_);
}

void TrialTable::set_unit(const DisplayUnit& unit) {
    unit_ = unit;
    setHorizontalHeaderLabels({tr("Trial"), tr("PPT (%1)").arg(unit.symbol),
                               tr("RT-adj. estimate\n(%1)").arg(unit.symbol),
                               tr("Rate\n(%1/s)").arg(unit.symbol),
                               tr("Rate at\nbutton (%1/s)").arg(unit.symbol), tr("In\ncorridor"),
                               tr("Flags"), tr("Valid"), tr("Stored")});
    // The estimate is labelled as one, with its formula and its limit, wherever it is shown.
    horizontalHeaderItem(Estimate)->setToolTip(
        tr("%1 = %2: an estimate beside the threshold, never in its place (a "
           "motor reaction to a cue is not the latency of pain perception)")
            .arg(QString::fromUtf8(algocore::protocols::kRtAdjustedName),
                 QString::fromUtf8(algocore::protocols::kRtAdjustedFormula)));
    horizontalHeaderItem(RateAtButton)
        ->setToolTip(tr("Rate at button (%1/s): the slope over the last second before the "
                        "button; marked when it is off the target rate by more than ±25 %")
                         .arg(unit.symbol));
    // A header cut short by a narrow window says itself whole in its tooltip.
    for (const Column c : {Trial, Ppt, Rate, InCorridor, Flags, Valid, Stored})
        horizontalHeaderItem(c)->setToolTip(
            horizontalHeaderItem(c)->text().replace(QLatin1Char('\n'), QLatin1Char(' ')));
    horizontalHeaderItem(Estimate)->setToolTip(tr("RT-adj. estimate (%1): ").arg(unit.symbol) +
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
    for (int c = 0; c < ColumnCount; ++c) {
        if (isColumnHidden(c)) continue;
        natural[static_cast<std::size_t>(c)] =
            std::max(header->sectionSizeHint(c), sizeHintForColumn(c));
    }
    const std::vector<int> widths = fitted_widths(natural, viewport()->width(), Flags);
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
