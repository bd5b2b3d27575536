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

/// A box on the page in points from the top-left corner.
struct Box {
    double x = 0.0, y = 0.0, w = 0.0, h = 0.0;
    bool overlaps(const Box& o) const {
        return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
    }
};

/// One line of the report's header: its text fitted to its box (size shrunk, wrapped or cut as
/// the field allows), set from the box's left edge or against its right edge.
struct HeaderLine {
    std::string text;
    double size_pt = 0.0;
    FontWeight weight = FontWeight::Regular;
    bool right_aligned = false;
    Box box; ///< the line's room: its text is never wider, the next line starts below it
};

/// The header of the first page (title, clinic, therapist, subject, visit) as laid out from
/// top_pt down, and where the page goes on below it.
struct HeaderLayout {
    std::vector<HeaderLine> lines;
    double rule_y_pt = 0.0; ///< the line under the title block
    double bottom_pt = 0.0;
};
HeaderLayout visit_header_layout(const history::VisitReport& report, double top_pt);

/// The report as a PDF document.
PdfDocument render_visit_report(const history::VisitReport& report,
                                const history::PressureFormat& unit);

/// The report's title: "Visit report S014 2026-11-23".
std::string visit_report_title(const history::VisitReport& report);

/// Round axis ticks from 0 up to max_value, about `about` intervals: steps of 1, 2, 2.5 or 5
/// times a power of ten.
std::vector<double> axis_ticks(double max_value, int about);

} // namespace algocore::report
