// The layout works top-down with a cursor; a block that does not fit the rest of the page
// starts a new one, so tables and plots are never cut across pages.
#include "algocore/report/SessionReportPdf.h"

#include "algocore/history/SessionReactionTime.h"
#include "algocore/history/SignalLoss.h"
#include "algocore/protocols/ReactionAdjustment.h"
#include "algocore/protocols/TriggerPointCriteria.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <utility>
#include <vector>

namespace algocore::report {

using history::fixed;
using history::PressureFormat;

namespace {

constexpr double kMargin = 42.0;
constexpr double kRight = PdfDocument::kA4WidthPt - kMargin;
constexpr double kBottom = PdfDocument::kA4HeightPt - 48.0;
constexpr double kBody = 8.5;
constexpr double kFootnote = 7.0;
constexpr Rgb kGrey{0.4, 0.4, 0.4};
constexpr Rgb kRule{0.75, 0.75, 0.75};
constexpr Rgb kBand{0.85, 0.93, 0.85};
constexpr Rgb kTrace{0.1, 0.3, 0.7};
constexpr Rgb kNoSignal{0.88, 0.88, 0.88};
constexpr Rgb kZone{1.0, 0.8, 0.62}; // a referred-pain zone on the body map
constexpr double kTick = 8.0;        // axis tick labels
constexpr Rgb kIncrease{0.0, 0.45, 0.2};
constexpr Rgb kDecrease{0.75, 0.1, 0.1};
constexpr const char* kLabMark = "\u2020"; // dagger: an MDC of the lab's own
constexpr double kValueOffset = 68.0;      // a fact's value right of its label ("Measured by")
constexpr std::size_t kReplacedNamed = 12; // characters named in the footnote
constexpr double kLineSpacing = 1.2;       // a line's height per point of its size
constexpr double kBaseline = 0.95;         // a line's baseline below its top, per point of size

// Half a body outline (the viewer's left half) in fractions of the 200 x 440 box; the other
// half is its mirror image.
constexpr double kOutline[][2] = {
    {0.50, 0.115}, {0.44, 0.12}, {0.43, 0.145}, {0.30, 0.165}, {0.24, 0.19}, {0.19, 0.33},
    {0.14, 0.47},  {0.12, 0.53}, {0.16, 0.535}, {0.20, 0.47},  {0.26, 0.33}, {0.29, 0.25},
    {0.31, 0.40},  {0.29, 0.52}, {0.31, 0.72},  {0.32, 0.93},  {0.28, 0.97}, {0.40, 0.975},
    {0.42, 0.93},  {0.44, 0.72}, {0.48, 0.54},  {0.50, 0.53}};

struct Cursor {
    PdfDocument& pdf;
    std::string title;                              ///< repeated on every further page
    const history::SessionReport* report = nullptr; ///< the session being laid out
    double y = kMargin;

    // Room for `height` points, or a new page with the running header (the subject's code in
    // it is never cut: it shrinks, then wraps).
    void need(double height) {
        if (y + height <= kBottom) return;
        pdf.new_page();
        y = kMargin;
        const FittedText running =
            fit_text(title + " (continued)", kRight - kMargin, {kBody, 6.0, 0}, FontWeight::Bold);
        for (const std::string& line : running.lines) {
            pdf.text(kMargin, y + 8, line, running.size_pt, FontWeight::Bold, kGrey);
            y += running.size_pt * kLineSpacing;
        }
        y += 22 - kBody * kLineSpacing;
    }
    void heading(const std::string& text) {
        need(40);
        y += 10;
        pdf.text(kMargin, y + 10, text, 11.5, FontWeight::Bold);
        y += 16;
    }
};

// The visit: who hands it over, the subject, the day and its sessions.
void header(Cursor& c, const history::VisitReport& v) {
    const HeaderLayout layout = visit_header_layout(v, c.y);
    for (const HeaderLine& line : layout.lines) {
        const double x =
            line.right_aligned
                ? line.box.x + line.box.w - text_width_pt(line.text, line.size_pt, line.weight)
                : line.box.x;
        c.pdf.text(x, line.box.y + kBaseline * line.size_pt, line.text, line.size_pt, line.weight);
    }
    c.pdf.line(kMargin, layout.rule_y_pt, kRight, layout.rule_y_pt, 0.8);
    c.y = layout.bottom_pt;
}

// A session's heading and facts: its start in the clinic's local time with the zone named
// (as the printed time), who measured, with which device, calibration and probe.
void session_facts(Cursor& c, const PressureFormat& unit) {
    const history::SessionReport& r = *c.report;
    const records::Session& s = r.session->session;
    const auto started = parse_utc_iso8601(s.started_utc);
    const std::string when = started ? local_time(*started).readable() : s.started_utc;
    // A session measured by more than one device says each with its calibration, whole: the
    // devices and the calibrations then take the page's width, wrapped.
    const bool devices_changed = r.device_count > 1;
    const double whole = kRight - (kMargin + kValueOffset);
    const std::vector<std::string> device_lines =
        devices_changed ? wrapped(r.devices, kBody, whole) : std::vector<std::string>{};
    const std::vector<std::string> calibration_lines =
        devices_changed ? wrapped(r.calibration_status, kBody, whole) : std::vector<std::string>{};
    const double fact_lines =
        devices_changed ? 1.0 + static_cast<double>(device_lines.size() + calibration_lines.size())
                        : 2.0;
    c.need(40 + 13.0 * fact_lines + 8);
    c.y += 8;
    c.pdf.line(kMargin, c.y, kRight, c.y, 0.5, kRule);
    c.pdf.text(kMargin, c.y + 14, "Session " + std::to_string(s.id) + ", " + when, 12.5,
               FontWeight::Bold);
    c.y += 18;
    const std::string probe = fixed(s.probe_cm2, 2) + " cm²; pressures in " + unit.symbol();
    const std::string who = r.session->operator_name.empty() ? "-" : r.session->operator_name;
    if (devices_changed) {
        const std::pair<std::string, std::string> first[] = {{"Measured by", who},
                                                             {"Probe", probe}};
        for (std::size_t i = 0; i < std::size(first); ++i) {
            const double x = i == 0 ? kMargin : kMargin + 260;
            c.pdf.text(x, c.y + 11, first[i].first, kBody, FontWeight::Bold);
            c.pdf.text_fitted(x + kValueOffset, c.y + 11, first[i].second, kBody,
                              std::min(190.0, kRight - (x + kValueOffset)));
        }
        double y = c.y + 11 + 13.0;
        for (const auto& [label, lines] :
             {std::pair{"Devices", &device_lines}, std::pair{"Calibration", &calibration_lines}}) {
            c.pdf.text(kMargin, y, label, kBody, FontWeight::Bold);
            for (const std::string& line : *lines) {
                c.pdf.text(kMargin + kValueOffset, y, line, kBody);
                y += 13.0;
            }
        }
        c.y += 13.0 * fact_lines + 4;
        return;
    }
    const std::pair<std::string, std::string> facts[] = {
        {"Measured by", who},
        {"Device", r.devices},
        {"Calibration", r.calibration_status},
        {"Probe", probe},
    };
    for (std::size_t i = 0; i < std::size(facts); ++i) {
        const double x = i % 2 == 0 ? kMargin : kMargin + 260;
        const double y = c.y + 11 + 13.0 * static_cast<double>(i / 2);
        c.pdf.text(x, y, facts[i].first, kBody, FontWeight::Bold);
        c.pdf.text_fitted(x + kValueOffset, y, facts[i].second, kBody,
                          std::min(190.0, kRight - (x + kValueOffset)));
    }
    c.y += 13.0 * 2 + 4;
}

// Under the point table: which MDC judged each verdict and where it came from. One paragraph
// for the built-in defaults, then one per MDC of the lab's own with the points it judged.
// The RT-adjusted estimate of each point (mean over its counted trials that have one), named
// as an estimate with its formula and the reaction time used; "" without a reaction time.
std::string rt_adjusted_note(const history::SessionReport& report, const PressureFormat& unit) {
    if (!report.session || !report.session->reaction_time_ms) return "";
    std::string points;
    for (const history::ReportPointRow& row : report.rows) {
        if (const auto estimate = history::mean_rt_adjusted_kpa(*row.visit))
            points +=
                (points.empty() ? "" : ", ") + row.point->label() + " " + unit.number(*estimate);
    }
    if (points.empty()) return "";
    return std::string(protocols::kRtAdjustedName) + " (" + protocols::kRtAdjustedFormula +
           ", reaction time " + fixed(*report.session->reaction_time_ms, 0) +
           " ms): an estimate beside the threshold, not a threshold, in " + unit.symbol() + ":\n" +
           points + ".";
}

void mdc_footnote(Cursor& c, const PressureFormat& unit) {
    std::string builtin;
    std::vector<std::pair<std::string, std::string>> lab; // provenance, points
    for (const history::ReportPointRow& row : c.report->rows) {
        const history::MdcValue& mdc = row.point->mdc;
        if (mdc.origin == history::MdcOrigin::BuiltInDefault) {
            if (builtin.find(mdc.provenance) == std::string::npos)
                builtin += (builtin.empty() ? "" : "; ") + mdc.provenance;
            continue;
        }
        auto same = std::find_if(lab.begin(), lab.end(),
                                 [&](const auto& line) { return line.first == mdc.provenance; });
        if (same == lab.end()) same = lab.emplace(lab.end(), mdc.provenance, std::string());
        same->second += (same->second.empty() ? "" : ", ") + row.point->label();
    }
    // The whole provenance is kept (wrapped, never cut): its source and date are the point.
    std::vector<std::string> lines = wrapped(
        "* not counted. Mean of counted trials. A change is real when it exceeds the site's MDC "
        "(in brackets)" +
            (builtin.empty() ? std::string(".") : ": " + builtin + "."),
        kFootnote, kRight - kMargin);
    for (const auto& [provenance, points] : lab)
        for (std::string& line :
             wrapped(std::string(kLabMark) + " MDC of " + points + ": " + provenance + ".",
                     kFootnote, kRight - kMargin))
            lines.push_back(std::move(line));
    if (const std::string note = rt_adjusted_note(*c.report, unit); !note.empty())
        for (std::string& line : wrapped(note, kFootnote, kRight - kMargin))
            lines.push_back(std::move(line));
    c.need(15 + 9.0 * static_cast<double>(lines.size()));
    for (const std::string& line : lines) {
        c.pdf.text(kMargin, c.y + 11, line, kFootnote, FontWeight::Regular, kGrey);
        c.y += 9;
    }
    c.y += 9;
}

void point_table(Cursor& c, const PressureFormat& unit) {
    if (c.report->rows.empty()) return; // a treatment-only session has no thresholds to show
    c.heading("Thresholds per point");
    const std::string u = unit.symbol();
    struct Column {
        const char* title;
        double right; // right edge of the column (left edge for the first)
    };
    // The verdict is written out ("no real change (100)"): the figures make room for it.
    const Column cols[] = {
        {"Point", kMargin}, {"Trials", 278}, {"Mean", 308},        {"SD", 334},
        {"CV %", 360},      {"L/R %", 393},  {"vs previous", 454}, {"Verdict (MDC)", kRight}};
    c.need(30);
    c.pdf.text(kMargin, c.y + 9, cols[0].title, kBody, FontWeight::Bold);
    for (std::size_t i = 1; i < std::size(cols); ++i)
        c.pdf.text_right(cols[i].right, c.y + 9, cols[i].title, kBody, FontWeight::Bold);
    c.pdf.text(kMargin, c.y + 19, "trials, mean, SD and changes in " + u, 7, FontWeight::Regular,
               kGrey);
    c.y += 23;
    c.pdf.line(kMargin, c.y, kRight, c.y, 0.5, kRule);
    for (const history::ReportPointRow& row : c.report->rows) {
        const history::PointVisit& v = *row.visit;
        c.need(13);
        const double y = c.y + 10;
        c.pdf.text_fitted(kMargin, y, row.point->label(), kBody, 150);
        std::string trials;
        for (const history::TrialValue& t : v.trials)
            trials += (trials.empty() ? "" : " ") + unit.number(t.ppt_kpa) + (t.counted ? "" : "*");
        c.pdf.text_fitted(200, y, trials, 7.5, 80, FontWeight::Regular, kGrey);
        if (v.n > 0) c.pdf.text_right(cols[2].right, y, unit.number(v.mean_kpa), kBody);
        if (v.n > 1) {
            c.pdf.text_right(cols[3].right, y, unit.number(v.sd_kpa), kBody);
            c.pdf.text_right(cols[4].right, y, fixed(v.cv_pct, 1), kBody);
        }
        if (v.sides && row.point->side == records::BodySide::Left)
            c.pdf.text_right(cols[5].right, y, fixed(v.sides->difference_pct, 0), kBody);
        if (v.vs_previous) {
            const auto& ch = *v.vs_previous;
            const std::string sign = ch.change_kpa > 0 ? "+" : "";
            c.pdf.text_right(cols[6].right, y, sign + unit.number(ch.change_kpa), kBody);
            const Rgb colour = ch.verdict == protocols::ChangeVerdict::Increased   ? kIncrease
                               : ch.verdict == protocols::ChangeVerdict::Decreased ? kDecrease
                                                                                   : Rgb{};
            // A dagger marks the lab's own MDC; the footnote names its source and date.
            const bool lab = row.point->mdc.origin == history::MdcOrigin::ThisLab;
            c.pdf.text_right(kRight, y,
                             std::string(protocols::verdict_words(ch.verdict)) + " (" +
                                 unit.number(ch.mdc_kpa) + (lab ? kLabMark : "") + ")",
                             kBody, FontWeight::Regular, colour);
        } else {
            c.pdf.text_right(kRight, y, "first session", kBody, FontWeight::Regular, kGrey);
        }
        c.y += 13;
    }
    c.pdf.line(kMargin, c.y + 1, kRight, c.y + 1, 0.5, kRule);
    mdc_footnote(c, unit);
}

bool has_zones(const history::SessionReport& report) {
    return std::any_of(report.findings.begin(), report.findings.end(),
                       [](const auto* e) { return !e->findings.exam.referral.empty(); });
}

void body_map(Cursor& c, const PressureFormat& unit) {
    const bool zones = has_zones(*c.report);
    if (c.report->map.empty() && !zones) return;
    constexpr double kBoxH = 230.0;
    constexpr double kBoxW = kBoxH * 200.0 / 440.0;
    c.need(kBoxH + 50);
    c.heading(zones ? "Body map (mean PPT, " + unit.symbol() + "; shaded: referred-pain zones)"
                    : "Body map (mean PPT, " + unit.symbol() + ")");
    for (const bool front : {true, false}) {
        const double left = front ? kMargin + 60 : kMargin + 300;
        const double top = c.y + 14;
        c.pdf.text(left + kBoxW / 2 - 14, c.y + 8, front ? "Front" : "Back", kBody,
                   FontWeight::Bold, kGrey);
        const auto at = [&](double fx, double fy) {
            return std::pair{left + fx * kBoxW, top + fy * kBoxH};
        };
        std::vector<double> outline;
        for (const auto& p : kOutline) {
            outline.push_back(at(p[0], p[1]).first);
            outline.push_back(at(p[0], p[1]).second);
        }
        for (auto it = std::rbegin(kOutline); it != std::rend(kOutline); ++it) {
            outline.push_back(at(1.0 - (*it)[0], (*it)[1]).first);
            outline.push_back(at(1.0 - (*it)[0], (*it)[1]).second);
        }
        // The head as the ellipse drawn below, in 24 steps.
        std::vector<double> head;
        for (int step = 0; step < 24; ++step) {
            const double a = 2.0 * 3.14159265358979 * step / 24.0;
            head.push_back(at(0.5 + 0.08 * std::cos(a), 0.06 + 0.05 * std::sin(a)).first);
            head.push_back(at(0.5 + 0.08 * std::cos(a), 0.06 + 0.05 * std::sin(a)).second);
        }
        // The zones under the outline, each region as the body map's rectangle of it, shown
        // inside the outline only.
        if (zones) c.pdf.begin_clip({outline, head});
        for (const history::FindingsEntry* e : c.report->findings) {
            for (const records::RegionRef& region : e->findings.exam.referral) {
                const protocols::BodyRegion* r = protocols::find_region(region.key);
                if (!r || (r->view == protocols::BodyView::Front) != front) continue;
                const std::vector<double> box = protocols::region_box(region);
                const auto [x0, y0] = at(box[0], box[1]);
                const auto [x1, y1] = at(box[2], box[3]);
                c.pdf.fill_rect(x0, y0, x1 - x0, y1 - y0, kZone);
            }
        }
        if (zones) c.pdf.end_clip();
        c.pdf.stroke_ellipse(at(0.5, 0.06).first, at(0.5, 0.06).second, 0.08 * kBoxW, 0.05 * kBoxH,
                             0.8, kGrey);
        c.pdf.polyline(outline, 0.8, kGrey);
        for (const history::ReportMapPoint& m : c.report->map) {
            if (m.front != front) continue;
            const auto [x, y] = at(m.at.x, m.at.y);
            c.pdf.fill_circle(x, y, 2.6, kTrace);
            const std::string value = unit.number(m.mean_kpa);
            if (m.at.x >= 0.5)
                c.pdf.text(x + 4, y + 3, value, 7);
            else
                c.pdf.text_right(x - 4, y + 3, value, 7);
        }
    }
    c.y += kBoxH + 22;
}

void trace_plot(Cursor& c, const history::ReportHold& h, const PressureFormat& unit) {
    constexpr double kPlotH = 70.0;
    const double left = kMargin + 40, width = kRight - left;
    const double top = c.y + 2;
    double t_max = 1.0, p_max = h.entry->hold.band_high_kpa * 1.2;
    for (const auto& p : h.trace) {
        t_max = std::max(t_max, p.t_s);
        p_max = std::max(p_max, p.pressure_kpa);
    }
    const auto x_of = [&](double t) { return left + width * t / t_max; };
    const auto y_of = [&](double kpa) { return top + kPlotH * (1.0 - kpa / p_max); };
    c.pdf.fill_rect(left, y_of(h.entry->hold.band_high_kpa), width,
                    y_of(h.entry->hold.band_low_kpa) - y_of(h.entry->hold.band_high_kpa), kBand);
    // The line breaks where the signal was lost (never a straight line across an unplugged
    // device); the stretch is shaded grey and named when there is room for the words.
    for (std::size_t i = 1; i < h.trace.size(); ++i) {
        if (!h.trace[i].gap_before) continue;
        const double x0 = x_of(h.trace[i - 1].t_s), x1 = x_of(h.trace[i].t_s);
        c.pdf.fill_rect(x0, top, x1 - x0, kPlotH, kNoSignal);
        const std::string words = "no signal";
        if (text_width_pt(words, 6.5) + 4 < x1 - x0)
            c.pdf.text((x0 + x1 - text_width_pt(words, 6.5)) / 2, top + 9, words, 6.5,
                       FontWeight::Regular, kGrey);
    }
    c.pdf.stroke_rect(left, top, width, kPlotH, 0.5, kRule);
    std::vector<double> xy;
    for (const auto& p : h.trace) {
        if (p.gap_before) {
            c.pdf.polyline(xy, 0.7, kTrace);
            xy.clear();
        }
        xy.push_back(x_of(p.t_s));
        xy.push_back(y_of(p.pressure_kpa));
    }
    c.pdf.polyline(xy, 0.7, kTrace);
    // Round ticks on both axes, in the report's unit and in minutes:seconds, large enough to
    // read at arm's length; the pressure ticks carry faint grid lines.
    const double per_kpa = unit.value(1.0);
    for (const double tick : axis_ticks(p_max * per_kpa, 4)) {
        const double y = y_of(tick / per_kpa);
        if (y < top - 0.5) break;
        if (tick > 0) c.pdf.line(left, y, left + width, y, 0.3, kRule);
        c.pdf.text_right(left - 3, y + 3, unit.number(tick / per_kpa), kTick, FontWeight::Regular,
                         kGrey);
    }
    c.pdf.text(kMargin, top + kPlotH / 2 + 3, unit.symbol(), kTick, FontWeight::Regular, kGrey);
    for (const double tick : axis_ticks(t_max, 6)) {
        const double x = x_of(tick);
        if (x > left + width + 0.5) break;
        c.pdf.line(x, top + kPlotH, x, top + kPlotH + 3, 0.5, kGrey);
        const std::string label = history::minutes_seconds(tick);
        c.pdf.text(x - text_width_pt(label, kTick) / 2, top + kPlotH + 12, label, kTick,
                   FontWeight::Regular, kGrey);
    }
    c.pdf.text_right(kRight, top + kPlotH + 22, "min:s", kTick, FontWeight::Regular, kGrey);
    c.y += kPlotH + 26;
}

void holds(Cursor& c, const PressureFormat& unit) {
    if (c.report->holds.empty()) return;
    c.heading("Holds");
    for (const history::ReportHold& h : c.report->holds) {
        const records::Hold& hold = h.entry->hold;
        const auto& m = hold.metrics;
        const std::string lost = history::signal_loss_sentence(m, h.losses_in_trace);
        const std::vector<std::string> lost_lines =
            lost.empty() ? std::vector<std::string>{} : wrapped(lost, kBody, kRight - kMargin);
        const std::string pain =
            hold.pain_rating_0_10 ? std::to_string(*hold.pain_rating_0_10) + "/10" : "-";
        // The dose figures wrap rather than lose their end (the pain rating is last).
        const std::vector<std::string> figures = wrapped(
            "Band " + unit.number(hold.band_low_kpa) + "-" + unit.with_symbol(hold.band_high_kpa) +
                ", target " + fixed(hold.target_hold_s, 0) + " s.  Duration " +
                fixed(m.duration_s, 0) + " s, in band " + fixed(m.time_in_band_s, 0) + " s (" +
                fixed(m.time_in_band_pct, 0) + " %), mean " + unit.with_symbol(m.mean_kpa) +
                ", PTI " + unit.pti_with_symbol(m.pti_kpa_s) + ", step-ups " +
                std::to_string(hold.step_ups.size()) + ", pain " + pain,
            kBody, kRight - kMargin);
        const double more_h = 11.0 * static_cast<double>(lost_lines.size() + figures.size() - 1);
        c.need((h.trace.empty() ? 32 : 130) + more_h);
        c.pdf.text_fitted(kMargin, c.y + 10,
                          h.entry->site.name + " " + records::to_letter(hold.side) + ", hold " +
                              std::to_string(hold.repetition) + " (" + hold.outcome + ")",
                          kBody, kRight - kMargin, FontWeight::Bold);
        for (std::size_t i = 0; i < figures.size(); ++i)
            c.pdf.text(kMargin, c.y + 22 + 11.0 * static_cast<double>(i), figures[i], kBody);
        c.y += 28 + 11.0 * static_cast<double>(figures.size() - 1);
        for (const std::string& line : lost_lines) {
            c.pdf.text(kMargin, c.y + 6, line, kBody, FontWeight::Regular, kDecrease);
            c.y += 11;
        }
        if (!h.trace.empty()) trace_plot(c, h, unit);
    }
}

// Each examined point: its class in clinicians' words, the findings, and the zone by name.
void trigger_points(Cursor& c) {
    if (c.report->findings.empty()) return;
    c.heading("Trigger points");
    for (const history::FindingsEntry* e : c.report->findings) {
        const records::TriggerPointExam& exam = e->findings.exam;
        const std::string zone =
            exam.referral.empty()
                ? "No referred pain drawn."
                : "Referred pain: " + protocols::zone_words(exam.referral) + " (" +
                      std::to_string(exam.referral.size()) +
                      (exam.referral.size() == 1 ? " region, " : " regions, ") +
                      fixed(protocols::zone_share_pct(exam.referral), 1) + " % of the body map).";
        std::string findings = protocols::findings_words(exam); // "present: taut band, ..."
        findings[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(findings[0])));
        const std::vector<std::string> lines =
            wrapped(findings + ". " + zone, kBody, kRight - kMargin);
        c.need(14 + 11.0 * static_cast<double>(lines.size()));
        c.pdf.text_fitted(kMargin, c.y + 10,
                          e->label() + ": " + protocols::to_words(protocols::classify(exam)), kBody,
                          kRight - kMargin, FontWeight::Bold);
        c.y += 13;
        for (const std::string& line : lines) {
            c.pdf.text(kMargin, c.y + 9, line, kBody);
            c.y += 11;
        }
        c.y += 3;
    }
    for (const std::string& line :
         wrapped(std::string("Criteria: ") + protocols::kTriggerPointCriteriaSource + ".",
                 kFootnote, kRight - kMargin)) {
        c.need(10);
        c.pdf.text(kMargin, c.y + 8, line, kFootnote, FontWeight::Regular, kGrey);
        c.y += 9;
    }
    c.y += 3;
}

void notes(Cursor& c) {
    const std::string& text = c.report->session->session.notes;
    if (text.empty()) return;
    c.heading("Notes");
    for (const std::string& line : wrapped(text, kBody, kRight - kMargin)) {
        c.need(12);
        c.pdf.text(kMargin, c.y + 10, line, kBody);
        c.y += 12;
    }
}

// Lines of a fitted field, one under the other from `top`, in a box `width` wide at x.
double add_field(HeaderLayout& layout, const FittedText& field, FontWeight weight, double x,
                 double top, double width, bool right_aligned) {
    for (const std::string& text : field.lines) {
        const double h = field.size_pt * kLineSpacing;
        layout.lines.push_back({text, field.size_pt, weight, right_aligned, {x, top, width, h}});
        top += h;
    }
    return top;
}

} // namespace

HeaderLayout visit_header_layout(const history::VisitReport& v, double top) {
    HeaderLayout layout;
    // The title on the left; clinic and therapist to its right, each shrunk (then wrapped to two
    // lines and cut) to the room beside the title, so no name runs into it.
    const std::string title = "Visit report";
    constexpr double kTitle = 17.0, kGap = 18.0;
    const double title_w = text_width_pt(title, kTitle, FontWeight::Bold);
    const double title_bottom =
        add_field(layout, {{title}, kTitle, false}, FontWeight::Bold, kMargin, top, title_w, false);
    const double right_x = kMargin + title_w + kGap, right_w = kRight - right_x;
    double right_bottom = top;
    if (!v.header.clinic.empty())
        right_bottom =
            add_field(layout, fit_text(v.header.clinic, right_w, {10.0, 7.0, 2}, FontWeight::Bold),
                      FontWeight::Bold, right_x, right_bottom, right_w, true);
    if (!v.header.therapist.empty())
        right_bottom = add_field(
            layout, fit_text("Therapist: " + v.header.therapist, right_w, {kBody, 6.5, 2}),
            FontWeight::Regular, right_x, right_bottom + 1.0, right_w, true);
    layout.rule_y_pt = std::max({top + 34.0, title_bottom + 4.0, right_bottom + 4.0});
    // Subject and visit: a label and its value. The subject's code is never cut (two codes that
    // differ only at their end must not print alike): it shrinks, then wraps.
    const double facts_top = layout.rule_y_pt + 6.0 + 2.0;
    const std::size_t n = v.sessions.size();
    const std::pair<std::string, FitRule> facts[] = {
        {v.subject_code, {kBody, 6.0, 0}},
        {v.date + ", " + std::to_string(n) + (n == 1 ? " session" : " sessions"), {kBody, 6.0, 2}},
    };
    const char* labels[] = {"Subject", "Visit"};
    double bottom = facts_top;
    for (std::size_t i = 0; i < std::size(facts); ++i) {
        const double x = i % 2 == 0 ? kMargin : kMargin + 260;
        add_field(layout, {{labels[i]}, kBody, false}, FontWeight::Bold, x, facts_top,
                  kValueOffset - 4.0, false);
        const double value_w = std::min(190.0, kRight - (x + kValueOffset));
        bottom = std::max(
            bottom, add_field(layout, fit_text(facts[i].first, value_w, facts[i].second),
                              FontWeight::Regular, x + kValueOffset, facts_top, value_w, false));
    }
    layout.bottom_pt = std::max(bottom + 2.0, layout.rule_y_pt + 23.0);
    return layout;
}

std::vector<double> axis_ticks(double max_value, int about) {
    std::vector<double> ticks{0.0};
    if (!(max_value > 0.0) || about < 1) return ticks;
    // 1, 2, 2.5 or 5 times a power of ten: the smallest such step giving at most `about`
    // intervals up to max_value.
    const double rough = max_value / about;
    const double power = std::pow(10.0, std::floor(std::log10(rough)));
    double step = 10.0 * power;
    for (const double m : {1.0, 2.0, 2.5, 5.0})
        if (m * power >= rough) {
            step = m * power;
            break;
        }
    for (int i = 1; i * step <= max_value * (1.0 + 1e-9); ++i)
        ticks.push_back(i * step);
    return ticks;
}

std::string visit_report_title(const history::VisitReport& report) {
    return "Visit report " + report.subject_code + " " + report.date;
}

PdfDocument render_visit_report(const history::VisitReport& report, const PressureFormat& unit) {
    PdfDocument pdf;
    pdf.new_page();
    Cursor c{pdf, visit_report_title(report)};
    header(c, report);
    for (const history::SessionReport& section : report.sessions) {
        c.report = &section;
        session_facts(c, unit);
        point_table(c, unit);
        body_map(c, unit);
        trigger_points(c);
        holds(c, unit);
        notes(c);
    }
    // A character the font cannot draw printed as the replacement mark: say so, and which.
    if (const std::vector<char32_t>& replaced = pdf.replaced_characters(); !replaced.empty()) {
        std::string which;
        for (std::size_t i = 0; i < replaced.size() && i < kReplacedNamed; ++i)
            which += (i == 0 ? "" : ", ") + code_point_name(replaced[i]);
        if (replaced.size() > kReplacedNamed)
            which += " and " + std::to_string(replaced.size() - kReplacedNamed) + " more";
        const std::string note = utf8_of(kReplacementMark) + " marks a character that " +
                                 kReportFontName +
                                 ", the report's font, cannot draw or that is written right to "
                                 "left (" +
                                 which + "); the record keeps the text as it was typed.";
        const std::vector<std::string> lines = wrapped(note, kFootnote, kRight - kMargin);
        c.need(9.0 * static_cast<double>(lines.size()) + 4);
        for (const std::string& line : lines) {
            c.pdf.text(kMargin, c.y + 11, line, kFootnote, FontWeight::Regular, kGrey);
            c.y += 9;
        }
    }
    c.need(14);
    const int pages = pdf.page_count();
    pdf.text(kMargin, c.y + 14,
             "Printed " + report.printed.readable() + " by Algoscope. " + std::to_string(pages) +
                 (pages == 1 ? " page." : " pages."),
             7, FontWeight::Regular, kGrey);
    return pdf;
}

} // namespace algocore::report
