#pragma once
// How the History page writes a history's numbers into its tables and plot, in the chosen
// unit (every column header states it). Formatting only: the numbers come from SubjectHistory.
#include <QString>
#include <QTableWidgetItem>

#include "algocore/history/SubjectHistory.h"
#include "algogui/DisplayUnit.h"

class QTableWidget;

namespace algogui {

class HistoryPlot;

/// A read-only table cell.
QTableWidgetItem* history_cell(const QString& text);
/// "2026-03-05" of an ISO 8601 time.
QString session_day(const std::string& started_utc);
/// The change in the unit ("+70") and on a second line its verdict (protocols::verdict_words),
/// or "first" when there is nothing to compare.
QString change_text(const std::optional<algocore::protocols::ThresholdChange>& change,
                    const DisplayUnit& unit);
/// One point's row for one session: point, trials, mean ± SD, changes, L/R, MDC.
void fill_point_row(QTableWidget& table, int row, const algocore::history::PointSeries& point,
                    const algocore::history::PointVisit& visit, const DisplayUnit& unit);
/// One hold's row: date, point, duration, time in band, mean, PTI, step-ups, pain.
void fill_hold_row(QTableWidget& table, int row, const algocore::history::HoldEntry& hold,
                   const DisplayUnit& unit);
/// The point's threshold over the sessions, with the MDC band around the first value.
void set_trend(HistoryPlot& plot, const algocore::history::PointSeries& point,
               const DisplayUnit& unit);

} // namespace algogui
