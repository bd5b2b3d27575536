#include "algogui/thresholds/TrialTable.h"

#include <QHeaderView>

#include "algogui/Theme.h"

namespace algogui {

using algocore::protocols::PptTrialEnd;

namespace {
const QColor kInvalidTint{0xfd, 0xe7, 0xe9};
const QColor kPracticeTint{0xee, 0xf0, 0xf3};

QString fingerprint(const std::vector<PptTrialRow>& rows, const DisplayUnit& unit) {
    QString text = unit.key;
    for (const PptTrialRow& row : rows) {
        text += QStringLiteral("|%1:%2:%3:%4:%5")
                    .arg(row.number)
                    .arg(row.trial.result.ppt_kpa)
                    .arg(row.trial.result.flags)
                    .arg(row.trial.counted)
                    .arg(row.record_id);
    }
    return text;
}
} // namespace

TrialTable::TrialTable(QWidget* parent)
    : QTableWidget(0, ColumnCount, parent), unit_(display_unit(QStringLiteral("kpa"))) {
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::NoSelection);
    setFocusPolicy(Qt::NoFocus);
    verticalHeader()->hide();
    horizontalHeader()->setStretchLastSection(false);
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(Flags, QHeaderView::Stretch);
    setAccessibleName(tr("Trials at this point"));
    set_unit(unit_);
}

void TrialTable::set_unit(const DisplayUnit& unit) {
    unit_ = unit;
    setHorizontalHeaderLabels({tr("Trial"), tr("PPT (%1)").arg(unit.symbol),
                               tr("Rate (%1/s)").arg(unit.symbol), tr("In corridor"), tr("Flags"),
                               tr("Valid"), tr("Stored")});
    refill();
}

void TrialTable::show_rows(const std::vector<PptTrialRow>& rows) {
    rows_ = rows;
    refill();
}

QString TrialTable::cell_text(int row, Column column) const {
    const QTableWidgetItem* cell = item(row, column);
    return cell ? cell->text() : QString();
}

void TrialTable::refill() {
    const QString now = fingerprint(rows_, unit_);
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
        const QStringList cells = {number,
                                   ppt,
                                   unit_.format(result.rate_kpa_s),
                                   QStringLiteral("%1 %").arg(result.in_corridor_pct, 0, 'f', 0),
                                   flags,
                                   valid,
                                   row.record_id ? tr("#%1").arg(row.record_id) : tr("pending")};
        const QColor tint = !result.valid        ? kInvalidTint
                            : !row.trial.counted ? kPracticeTint
                                                 : theme::kBackground;
        for (int c = 0; c < ColumnCount; ++c) {
            auto* cell = new QTableWidgetItem(cells[c]);
            cell->setBackground(tint);
            if (c != Flags) cell->setTextAlignment(Qt::AlignCenter);
            setItem(r, c, cell);
        }
    }
    if (!rows_.empty()) scrollToBottom();
}

} // namespace algogui
