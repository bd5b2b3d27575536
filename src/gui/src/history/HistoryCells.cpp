#include "HistoryCells.h"

#include <QTableWidget>
#include <cmath>

#include "algocore/history/SessionReactionTime.h"
#include "algocore/history/SignalLoss.h"
#include "algocore/protocols/ReactionAdjustment.h"
#include "algogui/history/HistoryPlot.h"

namespace algogui {

using algocore::history::short_label;
using algocore::protocols::ChangeVerdict;

namespace {
const QColor kIncrease(0, 115, 50);
const QColor kDecrease(190, 25, 25);

QString signed_number(double kpa, const DisplayUnit& unit) {
    const QString magnitude = unit.format(std::abs(kpa));
    if (magnitude == unit.format(0.0)) return magnitude;
    return (kpa > 0 ? QStringLiteral("+") : QStringLiteral("\u2212")) + magnitude;
}
} // namespace

QTableWidgetItem* history_cell(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return item;
}

QString session_day(const std::string& started_utc) {
    return QString::fromStdString(started_utc.substr(0, 10));
}

QString change_text(const std::optional<algocore::protocols::ThresholdChange>& change,
                    const DisplayUnit& unit) {
    if (!change) return QObject::tr("first");
    // The change on one line, the verdict in the words every view uses on the next, so the
    // table keeps its width at 1024 x 640.
    const QString verdict = QString::fromUtf8(algocore::protocols::verdict_words(change->verdict));
    return QStringLiteral("%1\n%2").arg(signed_number(change->change_kpa, unit), verdict);
}

void fill_point_row(QTableWidget& table, int row, const algocore::history::PointSeries& point,
                    const algocore::history::PointVisit& visit, const DisplayUnit& unit) {
    auto* label = history_cell(QString::fromStdString(point.label()));
    table.setItem(row, 0, label);
    table.setItem(row, 1,
                  history_cell(QStringLiteral("%1/%2").arg(visit.n).arg(visit.trials.size())));
    QString mean = QStringLiteral("-");
    if (visit.n > 0) mean = unit.format(visit.mean_kpa);
    if (visit.n > 1) mean += QStringLiteral(" ± ") + unit.format(visit.sd_kpa);
    // The RT-adjusted estimate under the threshold, labelled as one, never in its place.
    const auto estimate = algocore::history::mean_rt_adjusted_kpa(visit);
    if (estimate) mean += QObject::tr("\nRT-adj. ≈ %1").arg(unit.format(*estimate));
    auto* mean_cell = history_cell(mean);
    if (estimate)
        mean_cell->setToolTip(
            QObject::tr("%1 = %2 (mean of the counted trials): an estimate beside the "
                        "threshold, not a threshold")
                .arg(QString::fromUtf8(algocore::protocols::kRtAdjustedName),
                     QString::fromUtf8(algocore::protocols::kRtAdjustedFormula)));
    table.setItem(row, 2, mean_cell);
    for (int column : {3, 4}) {
        const auto& change = column == 3 ? visit.vs_previous : visit.vs_first;
        auto* cell = history_cell(change_text(change, unit));
        if (change && change->verdict != ChangeVerdict::NoDetectableChange)
            cell->setForeground(change->verdict == ChangeVerdict::Increased ? kIncrease
                                                                            : kDecrease);
        if (change)
            cell->setToolTip(QObject::tr("%1 → %2 %3, %4 % (MDC %5, %6)")
                                 .arg(unit.format(change->previous_kpa),
                                      unit.format(change->current_kpa), unit.symbol)
                                 .arg(change->change_pct, 0, 'f', 0)
                                 .arg(unit.format_with_symbol(change->mdc_kpa),
                                      QString::fromStdString(change->mdc_source)));
        table.setItem(row, column, cell);
    }
    auto* sides = history_cell(QStringLiteral("-"));
    if (visit.sides && visit.sides->lower_side != '=') {
        sides->setText(QStringLiteral("%1 % %2")
                           .arg(visit.sides->difference_pct, 0, 'f', 0)
                           .arg(QChar::fromLatin1(visit.sides->lower_side)));
        sides->setToolTip(QObject::tr("%1 is lower by %2 %")
                              .arg(QChar::fromLatin1(visit.sides->lower_side))
                              .arg(visit.sides->difference_pct, 0, 'f', 1));
    } else if (visit.sides) {
        sides->setText(QObject::tr("equal"));
    }
    table.setItem(row, 5, sides);
    // The number and whose it is (the lab's own or the built-in default); the whole provenance
    // line is in the tooltip.
    auto* mdc = history_cell(QStringLiteral("%1 (%2)").arg(
        unit.format(point.mdc.mdc_kpa), QString::fromLatin1(short_label(point.mdc.origin))));
    mdc->setToolTip(QString::fromStdString(point.mdc.provenance));
    table.setItem(row, 6, mdc);
}

void fill_hold_row(QTableWidget& table, int row, const algocore::history::HoldEntry& hold,
                   const DisplayUnit& unit) {
    const auto& h = hold.hold;
    const auto& m = h.metrics;
    auto* date = history_cell(session_day(hold.session_started_utc));
    date->setData(Qt::UserRole, static_cast<qlonglong>(h.id));
    table.setItem(row, 0, date);
    table.setItem(row, 1,
                  history_cell(QStringLiteral("%1 %2").arg(QString::fromStdString(hold.site.name),
                                                           algocore::records::to_letter(h.side))));
    table.setItem(row, 2, history_cell(QObject::tr("%1 s").arg(m.duration_s, 0, 'f', 0)));
    table.setItem(row, 3,
                  history_cell(QObject::tr("%1 s (%2 %)")
                                   .arg(m.time_in_band_s, 0, 'f', 0)
                                   .arg(m.time_in_band_pct, 0, 'f', 0)));
    table.setItem(row, 4, history_cell(unit.format(m.mean_kpa)));
    table.setItem(row, 5, history_cell(unit.format(m.pti_kpa_s)));
    table.setItem(row, 6, history_cell(QString::number(h.step_ups.size())));
    table.setItem(row, 7,
                  history_cell(h.pain_rating_0_10 ? QObject::tr("%1/10").arg(*h.pain_rating_0_10)
                                                  : QStringLiteral("-")));
    auto* lost =
        history_cell(QString::fromStdString(algocore::history::signal_loss_cell(h.metrics)));
    const std::string sentence = algocore::history::signal_loss_sentence(h.metrics);
    lost->setToolTip(QString::fromStdString(sentence));
    // A duration with a loss in it says so where it is read.
    if (!sentence.empty()) table.item(row, 2)->setToolTip(QString::fromStdString(sentence));
    table.setItem(row, 8, lost);
}

void set_trend(HistoryPlot& plot, const algocore::history::PointSeries& point,
               const DisplayUnit& unit) {
    HistoryPlot::Series series;
    QStringList labels;
    std::optional<std::pair<double, double>> band;
    for (const auto& v : point.visits) {
        if (v.n == 0) continue;
        if (!band)
            band = std::pair{std::max(0.0, v.mean_kpa - point.mdc.mdc_kpa),
                             v.mean_kpa + point.mdc.mdc_kpa};
        series.points.emplace_back(static_cast<double>(labels.size()), v.mean_kpa);
        series.sd_kpa.push_back(v.sd_kpa);
        labels << session_day(v.session_started_utc).mid(2);
    }
    plot.set_unit(unit.symbol, unit.per_kpa);
    plot.set_caption(QObject::tr("%1 (%2): mean ± SD per session; shaded: first ± MDC %3, %4")
                         .arg(QString::fromStdString(point.label()), unit.symbol,
                              unit.format(point.mdc.mdc_kpa),
                              QString::fromLatin1(algocore::history::to_string(point.mdc.origin))));
    plot.setToolTip(QString::fromStdString(point.mdc.provenance));
    plot.set_trend(series, labels, band);
}

} // namespace algogui
