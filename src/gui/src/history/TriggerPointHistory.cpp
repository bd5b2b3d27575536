#include "algogui/history/TriggerPointHistory.h"

#include <QHeaderView>
#include <QScrollBar>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <tuple>

#include "HistoryCells.h"
#include "algocore/protocols/BodyRegions.h"
#include "algocore/protocols/TriggerPointCriteria.h"
#include "algogui/bodymap/BodyMapWidget.h"

namespace algogui {

using algocore::history::FindingsEntry;

TriggerPointHistory::TriggerPointHistory(QWidget* parent) : QWidget(parent) {
    table_ = new QTableWidget(0, 6, this);
    table_->setObjectName(QStringLiteral("TriggerPointTable"));
    table_->setHorizontalHeaderLabels(
        {tr("Point"), tr("Date"), tr("Class"), tr("Zone"), tr("Referred pain"), tr("Findings")});
    table_->horizontalHeaderItem(3)->setToolTip(
        tr("Regions of the referred-pain zone, and its share of the body map"));
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->verticalHeader()->setVisible(false);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setWordWrap(false);
    map_ = new BodyMapWidget(this);
    map_->set_legend_visible(false);

    split_ = new QSplitter(Qt::Horizontal, this);
    split_->addWidget(table_);
    split_->addWidget(map_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split_);
    connect(table_, &QTableWidget::currentCellChanged, this,
            [this](int row, int, int, int) { show_row(row); });
}

void TriggerPointHistory::show_history(const algocore::history::SubjectHistory& history) {
    map_->set_sites({});
    rows_ = history.findings();
    // A point's visits together, oldest first: the zone's course reads down the table.
    std::stable_sort(
        rows_.begin(), rows_.end(), [](const FindingsEntry& a, const FindingsEntry& b) {
            return std::tie(a.site.name, a.findings.side) < std::tie(b.site.name, b.findings.side);
        });
    std::vector<algocore::records::Site> sites;
    table_->setRowCount(static_cast<int>(rows_.size()));
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        const FindingsEntry& e = rows_[i];
        const auto& exam = e.findings.exam;
        const int row = static_cast<int>(i);
        table_->setItem(row, 0, history_cell(QString::fromStdString(e.label())));
        table_->setItem(row, 1, history_cell(session_day(e.session_started_utc)));
        QString kind =
            QString::fromLatin1(algocore::protocols::to_words(algocore::protocols::classify(exam)));
        kind[0] = kind[0].toUpper();
        table_->setItem(row, 2, history_cell(kind));
        table_->setItem(
            row, 3,
            history_cell(
                exam.referral.empty()
                    ? tr("none")
                    : tr("%1 (%2 %)")
                          .arg(exam.referral.size())
                          .arg(algocore::protocols::zone_share_pct(exam.referral), 0, 'f', 1)));
        table_->setItem(
            row, 4,
            history_cell(QString::fromStdString(algocore::protocols::zone_words(exam.referral))));
        auto* findings =
            history_cell(QString::fromStdString(algocore::protocols::findings_words(exam)));
        findings->setToolTip(findings->text());
        table_->setItem(row, 5, findings);
        if (std::none_of(sites.begin(), sites.end(),
                         [&](const auto& s) { return s.id == e.site.id; }))
            sites.push_back(e.site);
    }
    table_->resizeColumnsToContents();
    fit_split();
    map_->set_sites(sites);
    {
        const QSignalBlocker quiet(table_);
        table_->setCurrentCell(rows_.empty() ? -1 : 0, 0);
    }
    show_row(table_->currentRow());
}

void TriggerPointHistory::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    fit_split();
}

// The table as wide as its columns need, up to about three fifths of the room (the point,
// date, class and zone columns whole at 1024x640); the body map has the rest.
void TriggerPointHistory::fit_split() {
    const int total = split_->width() - split_->handleWidth();
    if (total <= 0) return;
    int wanted = 2 * table_->frameWidth() + table_->verticalScrollBar()->sizeHint().width();
    for (int c = 0; c < table_->columnCount(); ++c)
        wanted += table_->columnWidth(c);
    const int most =
        std::max(total / 2, std::min(total - map_->minimumSizeHint().width(), total * 3 / 5));
    const int table_px = std::clamp(wanted, std::min(total / 2, most), most);
    split_->setSizes({table_px, total - table_px});
}

void TriggerPointHistory::show_row(int row) {
    if (row < 0 || row >= static_cast<int>(rows_.size())) {
        map_->set_zone({});
        map_->clear_selection();
        return;
    }
    const FindingsEntry& e = rows_[static_cast<std::size_t>(row)];
    map_->set_zone(e.findings.exam.referral);
    map_->set_selection(e.site.key, e.findings.side);
}

} // namespace algogui
