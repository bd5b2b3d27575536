#pragma once
// Lays a visit's report out on A4 pages: the header (clinic, therapist, subject, the day),
// then each session of the day in time order with its facts, its per-point table (when it
// measured thresholds), the body map with values, the holds with a trace plot each (broken
// where the signal was lost, with round ticks on both axes) and the notes; the printed time
// last. Every pressure is written in `unit`, every column states its.
#include <string>
#include <vector>

#include "algocore/history/PressureFormat.h"
#include "algocore/history/SessionReport.h"
#include "algocore/report/PdfDocument.h"

namespace algocore::report {

/// The report as a PDF document.
PdfDocument render_visit_report(const history::VisitReport& report,
                                const history::PressureFormat& unit);

/// The report's title: "Visit report S014 2026-11-23".
std::string visit_report_title(const history::VisitReport& report);

/// Round axis ticks from 0 up to max_value, about `about` intervals: steps of 1, 2, 2.5 or 5
/// times a power of ten.
std::vector<double> axis_ticks(double max_value, int about);

} // namespace algocore::report
