#include "algogui/history/TriggerPointHistory.h"

#include <QFontMetrics>
#include <QHeaderView>
#include <QLabel>
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

namespace {
constexpr int kReferredPainColumn = 4;
constexpr int kFindingsColumn = 5;
} // namespace

using algocore::history::FindingsEntry;

TriggerPointHistory::TriggerPointHistory(QWidget* parent) : QWidget(parent) {
    table_ = new QTableWidget(0, 6, this);
    table_->setObjectName(QStringLiteral("TriggerPointTable"));
    table_->setHorizontalHeaderLabels(
        {tr("Point"), tr("Date"), tr("Class"), tr("Zone"), tr("Referral"), tr("Findings")});
    table_->horizontalHeaderItem(kReferredPainColumn)
        ->setToolTip(tr("Where the pain was referred"));
    table_->horizontalHeaderItem(3)->setToolTip(
        tr("Regions of the referred-pain zone, and its share of the body map"));
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->verticalHeader()->setVisible(false);
    // The point, date, class and zone size whole; the two columns of words share what is left,
    // cut with "…" and whole in their tooltips, so the table never scrolls sideways (at
    // 1024x640 the referred-pain words ran past its edge).
    for (int column : {0, 1, 2, 3})
        table_->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    for (int column : {kReferredPainColumn, kFindingsColumn})
        table_->horizontalHeader()->setSectionResizeMode(column, QHeaderView::Stretch);
    table_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table_->setTextElideMode(Qt::ElideRight);
    table_->setWordWrap(false);
    map_ = new BodyMapWidget(this);
    map_->set_legend_visible(false);

    words_ = new QLabel(this);
    words_->setObjectName(QStringLiteral("TriggerPointWords"));
    words_->setWordWrap(true);
    words_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* listing = new QWidget(this);
    auto* listing_layout = new QVBoxLayout(listing);
    listing_layout->setContentsMargins(0, 0, 0, 0);
    listing_layout->addWidget(table_, 1);
    listing_layout->addWidget(words_);

    split_ = new QSplitter(Qt::Horizontal, this);
    split_->addWidget(listing);
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
        auto* referred =
            history_cell(QString::fromStdString(algocore::protocols::zone_words(exam.referral)));
        referred->setToolTip(referred->text());
        table_->setItem(row, kReferredPainColumn, referred);
        auto* findings =
            history_cell(QString::fromStdString(algocore::protocols::findings_words(exam)));
        findings->setToolTip(findings->text());
        table_->setItem(row, kFindingsColumn, findings);
        if (std::none_of(sites.begin(), sites.end(),
                         [&](const auto& s) { return s.id == e.site.id; }))
            sites.push_back(e.site);
    }
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

// The table as wide as its columns need, up to seven tenths of the room (the point,
// date, class and zone columns whole at 1024x640); the body map has the rest.
void TriggerPointHistory::fit_split() {
    const int total = split_->width() - split_->handleWidth();
    if (total <= 0) return;
    // What the columns would take whole (the stretched ones are as wide as the room, not their
    // words).
    int wanted = 2 * table_->frameWidth() + table_->verticalScrollBar()->sizeHint().width();
    const QFontMetrics metrics(table_->font());
    for (int c = 0; c < table_->columnCount(); ++c) {
        int column_px = table_->horizontalHeader()->sectionSizeHint(c);
        for (int row = 0; row < table_->rowCount(); ++row)
            if (const QTableWidgetItem* item = table_->item(row, c))
                column_px = std::max(column_px, metrics.horizontalAdvance(item->text()) + 12);
        wanted += column_px;
    }
    const int most =
        std::max(total / 2, std::min(total - map_->minimumSizeHint().width(), total * 7 / 10));
    const int table_px = std::clamp(wanted, std::min(total / 2, most), most);
    split_->setSizes({table_px, total - table_px});
}

void TriggerPointHistory::show_row(int row) {
    if (row < 0 || row >= static_cast<int>(rows_.size())) {
        map_->set_zone({});
        map_->clear_selection();
        words_->clear();
        return;
    }
    const FindingsEntry& e = rows_[static_cast<std::size_t>(row)];
    const auto& exam = e.findings.exam;
    words_->setText(
        tr("%1, %2. Referred pain: %3. Findings: %4.")
            .arg(QString::fromStdString(e.label()), session_day(e.session_started_utc),
                 exam.referral.empty()
                     ? tr("none")
                     : QString::fromStdString(algocore::protocols::zone_words(exam.referral)),
                 QString::fromStdString(algocore::protocols::findings_words(exam))));
    map_->set_zone(e.findings.exam.referral);
    map_->set_selection(e.site.key, e.findings.side);
}

QString TriggerPointHistory::selected_words() const {
    return words_->text();
}

} // namespace algogui
