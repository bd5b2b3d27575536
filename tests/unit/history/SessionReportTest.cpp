#include <gtest/gtest.h>

#include "HistoryRecords.h"
#include "PdfText.h"
#include "algocore/history/SessionReport.h"
#include "algocore/records/DeviceChange.h"
#include "algocore/report/PdfDocument.h"
#include "algocore/report/SessionReportPdf.h"

using namespace algocore;
using records::BodySide;

namespace {

struct ReportCase {
    algotest::HistoryRecords r;
    history::SubjectHistory h;
    records::RecordId last = 0;

    ReportCase() {
        const auto first = r.session("2026-01-05");
        last = r.session("2026-02-05");
        for (double v : {300.0, 310.0, 320.0})
            r.trial(first, 10, BodySide::Left, v);
        for (double v : {390.0, 400.0, 410.0})
            r.trial(last, 10, BodySide::Left, v);
        r.hold(last).side = BodySide::Left;
        r.records.sessions.back().notes = "Patient reports less neck pain since the last visit.";
        h = history::SubjectHistory::build(r.records);
    }
};

records::RawTrace ramp_and_hold() {
    records::RawTrace t;
    for (int i = 0; i < 90000; ++i)
        t.samples.push_back({0.001 * i, 0, 0.0, i < 5000 ? 0.055 * i : 275.0, 0, 0});
    t.samples[60000].pressure_kpa = 333.0; // a spike the thinning must keep
    return t;
}

// The visit of the newest session (its day in the process's local time).
std::string newest_day(const ReportCase& c) {
    return history::local_day_of(c.h.latest_session()->session);
}

std::string pdf_of(const ReportCase& c, const history::PressureFormat& unit) {
    const auto report = history::build_visit_report(
        c.h, newest_day(c), {"Clinic Nord", "A. Therapist"},
        [](records::RecordId) { return std::optional<records::RawTrace>(ramp_and_hold()); });
    EXPECT_TRUE(report);
    return report::render_visit_report(*report, unit).bytes("t");
}

} // namespace

TEST(SessionReport, TheNewestSessionIsReportedWithItsPointsAndHolds) {
    const ReportCase c;
    const auto report = history::build_session_report(c.h, 0, {}, {});
    ASSERT_TRUE(report);
    EXPECT_EQ(report->session->session.id, c.last);
    ASSERT_EQ(report->rows.size(), 1u);
    EXPECT_DOUBLE_EQ(report->rows[0].visit->mean_kpa, 400.0);
    ASSERT_TRUE(report->rows[0].visit->vs_previous);
    EXPECT_EQ(report->rows[0].visit->vs_previous->verdict, protocols::ChangeVerdict::Increased);
    ASSERT_EQ(report->holds.size(), 1u);
    ASSERT_EQ(report->map.size(), 1u); // the trapezius has a back position only
    EXPECT_FALSE(report->map[0].front);
    EXPECT_EQ(report->calibration_status, "factory calibration (no calibration record)");
    EXPECT_FALSE(history::build_session_report(c.h, 9999, {}, {}));
}

TEST(SessionReport, ThinningATraceKeepsItsPeak) {
    const auto thin = history::thin_trace(ramp_and_hold(), history::kReportTracePoints);
    EXPECT_LE(thin.size(), history::kReportTracePoints);
    double peak = 0.0;
    for (const auto& p : thin)
        peak = std::max(peak, p.pressure_kpa);
    EXPECT_DOUBLE_EQ(peak, 333.0);
    EXPECT_NEAR(thin.back().t_s, 89.999, 1e-9);
}

TEST(SessionReportPdf, CarriesEveryNumberAsText) {
    const std::string pdf = pdf_of(ReportCase(), history::PressureFormat());
    EXPECT_EQ(pdf.rfind("%PDF-1.4", 0), 0u);
    const algotest::PdfText text(pdf);
    for (const char* shown :
         {"Clinic Nord", "Therapist: A. Therapist", "S014", "AX-0042", "Upper trapezius L",
          "390 400 410", "400", "10", "+90", "real increase (47)", "Dr Who",
          "Patient reports less neck pain since the last visit."})
        EXPECT_TRUE(text.has(shown)) << shown << "\n" << text.all();
    // The hold's figures wrap (DejaVu Sans is wider than Helvetica was); none is cut.
    EXPECT_TRUE(text.has("Band 250-300 kPa, target 90 s.  Duration 92 s, in band 85 s (92 %), "
                         "mean 276 kPa, PTI 25300 kPa·s, step-ups 2, pain"))
        << text.all();
    EXPECT_TRUE(text.has("4/10"));
    EXPECT_NE(pdf.find("/Count 1 "), std::string::npos);
}

TEST(SessionReportPdf, ALabsOwnMdcIsMarkedAndItsSourceAndDateAreInTheFootnote) {
    ReportCase c;
    records::SiteMdcRecord lab;
    lab.id = 1;
    lab.site_key = "upper_trapezius";
    lab.side = BodySide::Left;
    lab.mdc_kpa = 120.0;
    lab.source = "ICC(2,1) 0.90, 20 subjects; lab.db";
    lab.computed_utc = "2026-01-20T08:00:00Z";
    c.r.records.site_mdc = {lab};
    c.h = history::SubjectHistory::build(c.r.records);
    const algotest::PdfText text(pdf_of(c, history::PressureFormat()));
    // +90 kPa: a real increase against the built-in 47 kPa, within the lab's 120 (dagger).
    EXPECT_TRUE(text.has("no real change (120†)")) << text.all();
    EXPECT_FALSE(text.contains("real increase"));
    EXPECT_TRUE(text.has("† MDC of Upper trapezius L: this lab (2026-01-20): "
                         "ICC(2,1) 0.90, 20 subjects; lab.db."))
        << text.all();
    // Without a lab row the footnote names the built-in default and nothing is marked.
    const algotest::PdfText builtin(pdf_of(ReportCase(), history::PressureFormat()));
    EXPECT_TRUE(builtin.contains("exceeds the site's MDC (in brackets): built-in default "
                                 "(Walton et al. 2011)."))
        << builtin.all();
    EXPECT_FALSE(builtin.contains("†"));
}

TEST(SessionReportPdf, PressuresFollowTheChosenUnit) {
    const algotest::PdfText text(pdf_of(ReportCase(), *history::PressureFormat::parse("kgf/cm2")));
    EXPECT_TRUE(text.has("4.08")); // 400 kPa
    EXPECT_TRUE(text.contains("pressures in kgf/cm²"));
    EXPECT_FALSE(text.has("400"));
}

TEST(PdfDocument, TextIsCutToFitItsWidth) {
    report::PdfDocument pdf;
    pdf.text_fitted(10, 10, "A very long site name that cannot fit", 10, 60);
    const algotest::PdfText text(pdf.bytes("t"));
    ASSERT_EQ(text.shown().size(), 1u);
    EXPECT_EQ(text.shown()[0], "A very lo…");
    EXPECT_LE(report::text_width_pt(text.shown()[0], 10), 60.0);
    // DejaVu Sans: a digit is 1303/2048 em wide, 636 thousandths.
    EXPECT_NEAR(report::text_width_pt("0", 10), 6.36, 1e-9);
}

namespace {
// 1 kHz: 300 kPa for 20 s, the device unplugged for 10 s, then 200 kPa for 10 s.
records::RawTrace unplugged_for_ten_seconds() {
    records::RawTrace t;
    for (int i = 0; i <= 40000; ++i)
        if (i <= 20000 || i >= 30000)
            t.samples.push_back({0.001 * i, 0, 0.0, i <= 20000 ? 300.0 : 200.0, 0, 0});
    return t;
}

std::string pdf_with_unplugged_hold(bool losses_measured) {
    ReportCase c;
    records::Hold& hold = c.r.records.holds.back();
    hold.metrics.duration_s = 40.0;
    if (losses_measured)
        hold.metrics.signal_losses = std::vector<records::SignalLossRecord>{{20.0, 10.0}};
    c.h = history::SubjectHistory::build(c.r.records);
    const auto report = history::build_visit_report(c.h, newest_day(c), {}, [](records::RecordId) {
        return std::optional<records::RawTrace>(unplugged_for_ten_seconds());
    });
    return report::render_visit_report(*report, history::PressureFormat()).bytes("t");
}

std::size_t count_of(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        ++n;
    return n;
}
} // namespace

TEST(SessionReport, ThinningATraceBreaksItWhereTheSignalWasLost) {
    const auto thin = history::thin_trace(unplugged_for_ten_seconds(), history::kReportTracePoints);
    EXPECT_LE(thin.size(), history::kReportTracePoints + 2);
    std::size_t breaks = 0;
    for (std::size_t i = 0; i < thin.size(); ++i) {
        EXPECT_FALSE(thin[i].t_s > 20.0 + 1e-9 && thin[i].t_s < 30.0 - 1e-9) << thin[i].t_s;
        if (!thin[i].gap_before) continue;
        ++breaks;
        ASSERT_GT(i, 0u);
        EXPECT_NEAR(thin[i - 1].t_s, 20.0, 1e-9); // the last sample before the loss
        EXPECT_NEAR(thin[i].t_s, 30.0, 0.1);
    }
    EXPECT_EQ(breaks, 1u);
    EXPECT_NEAR(thin.back().t_s, 40.0, 1e-9);
}

TEST(SessionReportPdf, AHoldWithASignalLossSaysWhenAndHowLongAndBreaksItsTrace) {
    const std::string pdf = pdf_with_unplugged_hold(true);
    const algotest::PdfText text(pdf);
    EXPECT_TRUE(text.contains("Signal lost 10.0 s at 0:20: the duration includes it; in band, "
                              "mean and PTI are over the 30.0 s with signal."))
        << text.all();
    EXPECT_TRUE(text.has("no signal"));
    // Two pieces of trace line (the trace colour is set once per piece), not one across the gap.
    EXPECT_EQ(count_of(pdf, "0.10 0.30 0.70 RG"), 2u);
}

TEST(SessionReportPdf, AnOlderHoldsLossFoundInItsTraceIsSaidToBeInItsFigures) {
    const std::string pdf = pdf_with_unplugged_hold(false);
    EXPECT_TRUE(algotest::PdfText(pdf).contains(
        "Signal lost 10.0 s at 0:20: recorded before Algoscope measured losses, "));
    EXPECT_EQ(count_of(pdf, "0.10 0.30 0.70 RG"), 2u);
}

TEST(VisitReport, PutsEverySessionOfTheDayInOrderAndNoEmptyThresholdsTable) {
    ReportCase c;
    // A treatment session later the same day (holds only), and one the day after.
    const auto treatment = c.r.session("2026-02-05");
    c.r.records.sessions.back().started_utc = "2026-02-05T10:40:00Z";
    c.r.hold(treatment);
    c.r.session("2026-02-06");
    c.h = history::SubjectHistory::build(c.r.records);
    const std::string day = history::local_day_of(c.h.session(c.last)->session);
    const auto report = history::build_visit_report(c.h, day, {}, {});
    ASSERT_TRUE(report);
    ASSERT_EQ(report->sessions.size(), 2u);
    EXPECT_EQ(report->sessions[0].session->session.id, c.last);
    EXPECT_EQ(report->sessions[1].session->session.id, treatment);
    EXPECT_TRUE(report->sessions[1].rows.empty());
    EXPECT_EQ(report->sessions[1].holds.size(), 1u);
    const algotest::PdfText text(
        report::render_visit_report(*report, history::PressureFormat()).bytes("t"));
    // One thresholds table (the first session's); the holds-only session has none.
    EXPECT_EQ(text.count_containing("Thresholds per point"), 1u);
    EXPECT_EQ(text.count_containing("Session " + std::to_string(c.last) + ", "), 1u);
    EXPECT_EQ(text.count_containing("Session " + std::to_string(treatment) + ", "), 1u);
    EXPECT_TRUE(text.has(day + ", 2 sessions")) << text.all();
    EXPECT_FALSE(history::build_visit_report(c.h, "2025-01-01", {}, {}));
}

TEST(VisitReport, AxisTicksAreRoundSteps) {
    EXPECT_EQ(report::axis_ticks(360.0, 4), (std::vector<double>{0, 100, 200, 300}));
    EXPECT_EQ(report::axis_ticks(95.0, 6), (std::vector<double>{0, 20, 40, 60, 80}));
    EXPECT_EQ(report::axis_ticks(5.0, 4), (std::vector<double>{0, 2, 4}));
    EXPECT_EQ(report::axis_ticks(0.0, 4), (std::vector<double>{0}));
}

TEST(VisitReportPdf, TraceAxesCarryReadableTicks) {
    const std::string pdf = pdf_of(ReportCase(), history::PressureFormat());
    // The 90 s hold at 275 kPa (peak 333): pressure ticks every 100 kPa, time every 20 s.
    const algotest::PdfText text(pdf);
    for (const char* tick : {"100", "200", "300", "0:20", "1:20"})
        EXPECT_TRUE(text.has(tick)) << tick;
    EXPECT_NE(pdf.find("/F1 8.00 Tf"), std::string::npos); // tick labels at 8 pt
}

TEST(SessionReportPdf, TheRtAdjustedEstimateIsNamedAsAnEstimateBesideTheThresholds) {
    ReportCase c;
    for (auto& t : c.r.records.trials)
        t.rate_at_button_kpa_s = 50.0;
    records::ReactionTest test;
    test.id = 1;
    test.session_id = c.last;
    test.median_ms = 300.0;
    test.complete = true;
    c.r.records.reaction_tests.push_back(test);
    c.h = history::SubjectHistory::build(c.r.records);
    const algotest::PdfText text(pdf_of(c, history::PressureFormat()));
    // 390/400/410 at 50 kPa/s with 300 ms: 375/385/395, mean 385; the thresholds stay.
    EXPECT_TRUE(text.contains("RT-adjusted estimate (PPT − rate at button × reaction time, "
                              "reaction time 300 ms): an estimate beside"))
        << text.all();
    EXPECT_TRUE(text.has("Upper trapezius L 385."));
    EXPECT_TRUE(text.has("390 400 410"));
    EXPECT_TRUE(text.has("400"));
    // Without a reaction time there is no estimate to name.
    EXPECT_FALSE(
        algotest::PdfText(pdf_of(ReportCase(), history::PressureFormat())).contains("RT-adjusted"));
}

TEST(SessionReportPdf, AReferralZoneIsShadedOnTheBodyMapAndTheFindingsAreNamed) {
    ReportCase c;
    records::TriggerPointFindings f;
    f.id = 1;
    f.session_id = c.last;
    f.site_id = 10;
    f.side = BodySide::Left;
    f.exam.taut_band = records::Finding::Present;
    f.exam.tender_spot = records::Finding::Present;
    f.exam.familiar_pain = records::Finding::Present;
    f.exam.referral = {{"temple", BodySide::Left}, {"back_of_neck", BodySide::Left}};
    c.r.records.findings.push_back(f);
    c.h = history::SubjectHistory::build(c.r.records);
    const auto report = history::build_session_report(c.h, 0, {}, {});
    ASSERT_TRUE(report);
    ASSERT_EQ(report->findings.size(), 1u);
    EXPECT_EQ(report->findings[0]->label(), "Upper trapezius L");

    const std::string pdf = pdf_of(c, history::PressureFormat());
    const algotest::PdfText text(pdf);
    EXPECT_TRUE(text.contains("shaded: referred-pain zones")) << text.all();
    EXPECT_TRUE(text.has("Upper trapezius L: active trigger point")) << text.all();
    EXPECT_TRUE(text.contains("Present: taut band, tender spot, reproduces the familiar pain; not "
                              "examined: local twitch response, jump sign."))
        << text.all();
    EXPECT_TRUE(text.contains("pain: temple (L); back of the neck (L) (2 regions, 0.4 % of the "
                              "body map)"))
        << text.all();
    EXPECT_TRUE(text.contains("Delphi consensus")) << text.all();
    // Two shaded rectangles, one per region: the temple on the front view, the back of the
    // neck on the back view.
    std::size_t zones = 0;
    for (auto at = pdf.find("1.00 0.80 0.62 rg"); at != std::string::npos;
         at = pdf.find("1.00 0.80 0.62 rg", at + 1))
        ++zones;
    EXPECT_EQ(zones, 2u);
    // Each view's zones are clipped to its outline (a clipping path, then the state restored).
    EXPECT_NE(pdf.find(" h W n\n1.00 0.80 0.62 rg"), std::string::npos);
    // Without findings, no zones and no trigger-point section.
    const algotest::PdfText plain(pdf_of(ReportCase(), history::PressureFormat()));
    EXPECT_FALSE(plain.contains("Trigger points"));
    EXPECT_FALSE(plain.contains("referred-pain zones"));
}

// A visit whose algometer was changed twice: A (record 11) → B (record 22) → C (B's record
// kept: the calibration was not written again). The report names each with its calibration,
// in order, not the last as if it had measured everything.
TEST(SessionReport, EveryDeviceOfASessionIsNamedWithItsCalibration) {
    ReportCase c;
    c.r.records.sessions.back().device_serial = "ALG-C";
    c.r.records.sessions.back().calibration_id = 22;
    c.h = history::SubjectHistory::build(c.r.records);
    const records::Session& session = c.h.latest_session()->session;
    const auto change = [](const char* field, const char* from, const char* to, const char* when) {
        records::AuditEntry row;
        row.table = "sessions";
        row.field = field;
        row.old_value = from;
        row.new_value = to;
        row.when_utc = when;
        row.reason = records::kDeviceChangedReason;
        return row;
    };
    const std::vector<records::AuditEntry> audit = {
        change("device_serial", "ALG-A", "ALG-B", "2026-02-05T09:10:00Z"),
        change("calibration_id", "11", "22", "2026-02-05T09:10:00Z"),
        change("device_serial", "ALG-B", "ALG-C", "2026-02-05T09:40:00Z"),
    };
    const auto devices = history::devices_of(session, audit);
    ASSERT_EQ(devices.size(), 3u);
    EXPECT_EQ(devices[0].serial, "ALG-A");
    EXPECT_EQ(devices[0].calibration_id, 11u);
    EXPECT_TRUE(devices[0].from_utc.empty());
    EXPECT_EQ(devices[1].serial, "ALG-B");
    EXPECT_EQ(devices[1].calibration_id, 22u);
    EXPECT_EQ(devices[2].serial, "ALG-C");
    EXPECT_EQ(devices[2].calibration_id, 22u);
    EXPECT_EQ(devices[2].from_utc, "2026-02-05T09:40:00Z");
    // Without a change: the session's own device.
    const auto one = history::devices_of(session, {});
    ASSERT_EQ(one.size(), 1u);
    EXPECT_EQ(one[0].serial, "ALG-C");

    const auto report =
        history::build_session_report(c.h, 0, {}, {}, {}, [&](records::RecordId) { return audit; });
    ASSERT_TRUE(report);
    EXPECT_EQ(report->device_count, 3u);
    EXPECT_EQ(report->devices.rfind("ALG-A, then ALG-B from ", 0), 0u) << report->devices;
    EXPECT_NE(report->devices.find(", then ALG-C from "), std::string::npos) << report->devices;
    EXPECT_EQ(report->calibration_status,
              "ALG-A: calibration record 11; ALG-B: calibration record 22; ALG-C: calibration "
              "record 22");
    history::VisitReport visit;
    visit.subject_code = c.h.subject().code;
    visit.date = "2026-02-05";
    visit.sessions.push_back(*report);
    const algotest::PdfText pdf(
        report::render_visit_report(visit, history::PressureFormat{}).bytes("t"));
    EXPECT_TRUE(pdf.contains("ALG-A")) << pdf.all();
    EXPECT_TRUE(pdf.contains("ALG-C: calibration record 22")) << pdf.all();
}
