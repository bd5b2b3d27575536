#pragma once
// Lays a session report out on A4 pages (one or two for a usual session): header, the
// session's facts, the per-point table, the body map with values, the holds with a small
// trace plot each, the notes. Every pressure is written in `unit`, every column states its.
#include "algocore/history/PressureFormat.h"
#include "algocore/history/SessionReport.h"
#include "algocore/report/PdfDocument.h"

namespace algocore::report {

/// The report as a PDF document.
PdfDocument render_session_report(const history::SessionReport& report,
                                  const history::PressureFormat& unit);

/// The report's title: "Session report S014 2026-11-23".
std::string session_report_title(const history::SessionReport& report);

} // namespace algocore::report
