// The report's text in the scripts its users write (issue 19 item 7): the embedded font draws
// Latin, Greek and Cyrillic and the PDF maps every glyph back to its character; what it cannot
// draw prints as a named replacement mark, and a subject code with such a character is
// refused; header fields fit their boxes; fitting is linear in the text's length.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>

#include "HistoryRecords.h"
#include "PdfText.h"
#include "StorageFixture.h"
#include "TempDir.h"
#include "algocore/history/SessionReport.h"
#include "algocore/report/PdfDocument.h"
#include "algocore/report/ReportFont.h"
#include "algocore/report/ReportJob.h"
#include "algocore/report/SessionReportPdf.h"
#include "algocore/report/TrueTypeFont.h"
#include "algocore/storage/NameRule.h"
#include "algocore/storage/SqliteStorage.h"

using namespace algocore;
using namespace std::chrono_literals;

namespace {

std::string shown_once(const std::string& utf8, report::FontWeight weight = {}) {
    report::PdfDocument pdf;
    pdf.text(10, 10, utf8, 10, weight);
    const algotest::PdfText text(pdf.bytes("t"));
    return text.shown().empty() ? "<nothing shown>" : text.shown()[0];
}

std::vector<std::uint8_t> font_file() {
    std::ifstream in(ALGOSCOPE_TEST_REPORT_FONT, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A one-session visit of subject `code` at clinic `clinic`; the report points into the
// history, so both live (and stay put) together.
struct VisitCase {
    algotest::HistoryRecords r;
    history::SubjectHistory h;
    std::optional<history::VisitReport> report;
};

std::unique_ptr<VisitCase> visit_of(const std::string& code, const std::string& clinic) {
    auto v = std::make_unique<VisitCase>();
    v->r.records.subject.code = code;
    const auto session = v->r.session("2026-02-05");
    v->r.trial(session, 10, records::BodySide::Left, 400.0);
    v->h = history::SubjectHistory::build(v->r.records);
    v->report = history::build_visit_report(
        v->h, history::local_day_of(v->h.latest_session()->session), {clinic, "A. Therapist"}, {});
    EXPECT_TRUE(v->report);
    return v;
}

} // namespace

TEST(ReportText, TwoGreekCodesPrintAsTwoDifferentTexts) {
    report::PdfDocument pdf;
    pdf.text(10, 10, "\u03a301", 10); // Σ01
    pdf.text(10, 30, "\u039401", 10); // Δ01
    const algotest::PdfText text(pdf.bytes("t"));
    ASSERT_EQ(text.shown().size(), 2u);
    EXPECT_EQ(text.shown()[0], "\u03a301");
    EXPECT_EQ(text.shown()[1], "\u039401");
    EXPECT_NE(text.glyph_ids()[0], text.glyph_ids()[1]);
    EXPECT_TRUE(pdf.replaced_characters().empty());
}

TEST(ReportText, LatinGreekAndCyrillicWithAccentsReadBackAsWritten) {
    for (const char* name :
         {"\u0141\u00f3d\u017a M\u00fcller-\u0160\u0165astn\u00fd",
          "\u0395\u03bb\u03ad\u03bd\u03b7 \u03a0\u03b1\u03c0\u03b1\u03b4\u03bf"
          "\u03c0\u03bf\u03cd\u03bb\u03bf\u03c5",
          "\u0418\u0440\u0438\u043d\u0430 \u0401\u0436\u0438\u043a\u043e\u0432"
          "\u0430, \u0413\u043e\u0440\u0453\u0438",
          "Fran\u00e7ois \u00c5ngstr\u00f6m \u2013 25 \u00b0C, 3 \u00d7 5 kPa"}) {
        EXPECT_EQ(shown_once(name), name);
        EXPECT_EQ(shown_once(name, report::FontWeight::Bold), name);
    }
    // The document title (shown by viewers) is UTF-16, so it reads in any script too.
    report::PdfDocument pdf;
    EXPECT_NE(pdf.bytes("\u03a301").find("/Title <FEFF03A300300031>"), std::string::npos);
}

TEST(ReportText, CjkEmojiAndRightToLeftPrintAMarkAndAreNamed) {
    report::PdfDocument pdf;
    // 中, 👍, Devanagari a, Hebrew shalom (the font has Hebrew glyphs, but the report would
    // print it reversed). DejaVu Sans does draw a few emoticons (😀).
    pdf.text(10, 10, "Clinic \u4e2d \U0001F44D\u0905 \u05e9\u05dc\u05d5\u05dd \U0001F600", 10);
    EXPECT_EQ(pdf.replaced_characters(),
              (std::vector<char32_t>{0x4E2D, 0x1F44D, 0x0905, 0x05E9, 0x05DC, 0x05D5, 0x05DD}));
    const algotest::PdfText text(pdf.bytes("t"));
    EXPECT_EQ(text.shown()[0], // never a plain "?"
              "Clinic \ufffd \ufffd\ufffd \ufffd\ufffd\ufffd\ufffd \U0001F600");
    EXPECT_EQ(report::undrawable_characters("ab\u4e2d\u4e2dc\u0645"),
              (std::vector<char32_t>{0x4E2D, 0x0645}));
    EXPECT_EQ(report::code_point_name(0x4E2D), "U+4E2D");
    EXPECT_EQ(report::code_point_name(0x1F600), "U+1F600");
}

TEST(ReportText, AReportWithAMarkSaysWhichCharactersItReplaced) {
    const auto visit = visit_of("S014", "\u6771\u4eac Clinic"); // 東京
    const algotest::PdfText text(
        report::render_visit_report(*visit->report, history::PressureFormat()).bytes("t"));
    EXPECT_TRUE(text.has("\ufffd\ufffd Clinic")) << text.all();
    EXPECT_TRUE(text.contains("marks a character that DejaVu Sans, the report's font, cannot draw"))
        << text.all();
    EXPECT_TRUE(text.contains("(U+6771, U+4EAC)")) << text.all();
    // A report of drawable text has no such note.
    const auto plain_visit = visit_of("S014", "Clinic Nord");
    const algotest::PdfText plain(
        report::render_visit_report(*plain_visit->report, history::PressureFormat()).bytes("t"));
    EXPECT_FALSE(plain.contains("cannot draw")) << plain.all();
}

// The report draws every character the subject-code rule lets a code hold, so a code recorded
// is a code reported.
TEST(ReportJob, TheFontDrawsEveryCharacterASubjectCodeMayHold) {
    int allowed = 0;
    for (char32_t c = 0; c < 0x3000; ++c) {
        if (!storage::subject_code_allows(c)) continue;
        ++allowed;
        EXPECT_TRUE(report::report_can_draw(c)) << report::code_point_name(c);
    }
    EXPECT_EQ(allowed, 562);
}

TEST(ReportJob, ASubjectCodeTheCodeRuleRefusesIsNotReportedAndTheCharacterNamed) {
    algotest::TempDir dir;
    auto opened = storage::SqliteStorage::open(dir.file("study.sqlite"));
    ASSERT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    for (const char* code : {"\u4e2d01", "\u03a301", "\u0420001"}) {
        records::SessionOpening o;
        o.subject.code = code;
        o.session.started_utc = "2026-11-23T09:05:00Z";
        const auto session = db.open_session(o).id;
        db.record_trial(algotest::trial_at(session, db.find_site("masseter")->id,
                                           records::BodySide::Left, 1, 412.5),
                        algotest::ramp_trace(200, 50.0, 1.0));
    }
    ASSERT_TRUE(db.flush(30s));
    report::ReportRequest request;
    request.subject_code = "\u4e2d01";
    request.pdf_path = dir.file("cjk.pdf");
    const report::ReportOutcome refused =
        report::write_report(db, request, *parse_utc_iso8601("2026-11-23T19:30:00Z"));
    EXPECT_EQ(refused.error,
              "the subject code '\u4e2d01' has '\u4e2d' (U+4E2D), which a subject code cannot "
              "hold: codes are written in Latin, Greek or Cyrillic letters, digits and signs, "
              "which every report prints as typed. No report was written.");
    EXPECT_FALSE(std::ifstream(request.pdf_path).good());
    // A stored code with a Cyrillic Р (an older row: recording refuses it now) would print as
    // P001: refused by the same rule.
    request.subject_code = "\u0420001";
    request.pdf_path = dir.file("look-alike.pdf");
    const report::ReportOutcome look_alike =
        report::write_report(db, request, *parse_utc_iso8601("2026-11-23T19:30:00Z"));
    EXPECT_EQ(look_alike.error,
              "the subject code '\u0420001' has '\u0420' (U+0420), a Cyrillic letter that looks "
              "like the Latin 'P': type the Latin letter, so that no two codes print alike. No "
              "report was written.");
    EXPECT_FALSE(std::ifstream(request.pdf_path).good());
    // A Greek code is drawn, and reported.
    request.subject_code = "\u03a301";
    request.pdf_path = dir.file("greek.pdf");
    const report::ReportOutcome greek =
        report::write_report(db, request, *parse_utc_iso8601("2026-11-23T19:30:00Z"));
    ASSERT_TRUE(greek.ok()) << greek.error;
    std::ifstream in(request.pdf_path, std::ios::binary);
    const std::string pdf{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const algotest::PdfText text(pdf);
    EXPECT_TRUE(text.has("\u03a301")) << text.all();
}

TEST(VisitHeader, ALongClinicNameIsFittedBesideTheTitleAndNothingOverlaps) {
    std::string clinic;
    while (clinic.size() < 300)
        clinic += "Praxis f\u00fcr Physiotherapie und Schmerzmedizin am Stadtpark ";
    clinic.resize(300);
    const std::string code(64, 'W'); // the longest code, of the widest letter
    const auto visit = visit_of(code, clinic);
    const report::HeaderLayout layout = report::visit_header_layout(*visit->report, 42.0);
    ASSERT_GE(layout.lines.size(), 5u);
    const report::HeaderLine& title = layout.lines[0];
    EXPECT_EQ(title.text, "Visit report");
    EXPECT_DOUBLE_EQ(title.size_pt, 17.0);
    std::string code_printed;
    bool clinic_cut = false;
    for (std::size_t i = 0; i < layout.lines.size(); ++i) {
        const report::HeaderLine& line = layout.lines[i];
        // Every line fits its box, inside the page margins, and no two boxes overlap.
        EXPECT_LE(report::text_width_pt(line.text, line.size_pt, line.weight), line.box.w + 1e-9)
            << line.text;
        EXPECT_GE(line.box.x, 42.0 - 1e-9);
        EXPECT_LE(line.box.x + line.box.w, report::PdfDocument::kA4WidthPt - 42.0 + 1e-9);
        EXPECT_LT(line.box.y + line.box.h, layout.bottom_pt);
        for (std::size_t k = i + 1; k < layout.lines.size(); ++k)
            EXPECT_FALSE(line.box.overlaps(layout.lines[k].box))
                << "'" << line.text << "' and '" << layout.lines[k].text << "'";
        if (line.text.rfind("WW", 0) == 0) code_printed += line.text;
        if (line.text.find("\u2026") != std::string::npos &&
            line.weight == report::FontWeight::Bold)
            clinic_cut = true;
    }
    // The clinic shrank to 7 pt, took two lines and was cut; the code is never cut.
    EXPECT_DOUBLE_EQ(layout.lines[1].size_pt, 7.0);
    EXPECT_EQ(layout.lines[1].text.rfind("Praxis f\u00fcr Physiotherapie", 0), 0u);
    EXPECT_TRUE(clinic_cut);
    EXPECT_EQ(code_printed, code);
    EXPECT_LT(layout.rule_y_pt, layout.bottom_pt);
}

TEST(VisitHeader, AShortHeaderKeepsItsSizes) {
    const auto visit = visit_of("S014", "Clinic Nord");
    const report::HeaderLayout layout = report::visit_header_layout(*visit->report, 42.0);
    ASSERT_EQ(layout.lines.size(), 7u); // title, clinic, therapist, 2 labels, 2 values
    EXPECT_EQ(layout.lines[1].text, "Clinic Nord");
    EXPECT_DOUBLE_EQ(layout.lines[1].size_pt, 10.0);
    EXPECT_TRUE(layout.lines[1].right_aligned);
    EXPECT_EQ(layout.lines[2].text, "Therapist: A. Therapist");
    EXPECT_DOUBLE_EQ(layout.lines[2].size_pt, 8.5);
    EXPECT_EQ(layout.lines[4].text, "S014");
    EXPECT_DOUBLE_EQ(layout.rule_y_pt, 42.0 + 34.0);
    EXPECT_DOUBLE_EQ(layout.bottom_pt, 42.0 + 57.0);
}

TEST(TextFit, WrappedLinesFitAndKeepEveryWord) {
    const std::string text = "Der Patient berichtet \u00fcber weniger Nackenschmerzen seit dem "
                             "letzten Besuch; Supercalifragilisticexpialidociousness\nNeue Zeile.";
    const auto lines = report::wrapped(text, 8.5, 80.0);
    std::string joined;
    for (const std::string& line : lines) {
        EXPECT_LE(report::text_width_pt(line, 8.5), 80.0) << line;
        joined += line;
    }
    std::string letters;
    for (const char c : text)
        if (c != ' ' && c != '\n') letters += c;
    std::string joined_letters;
    for (const char c : joined)
        if (c != ' ') joined_letters += c;
    EXPECT_EQ(joined_letters, letters);
    EXPECT_EQ(lines.back(), "Neue Zeile.");
}

TEST(TextFit, SixtyThousandCharactersFitInLinearTime) {
    // Quadratic fitting took 9.1 s for 60,000 characters; linear takes milliseconds.
    const std::string text(60000, 'x');
    const auto started = std::chrono::steady_clock::now();
    const std::string cut = report::elided(text, 10.0, 200.0);
    const auto lines = report::wrapped(text, 8.5, 500.0);
    const auto fitted = report::fit_text(text, 200.0, {10.0, 7.0, 2});
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    EXPECT_LT(seconds, 1.0);
    EXPECT_LE(report::text_width_pt(cut, 10.0), 200.0);
    EXPECT_GT(lines.size(), 100u);
    ASSERT_EQ(fitted.lines.size(), 2u);
    EXPECT_TRUE(fitted.cut);
}

TEST(TrueTypeFont, ReadsTheReportFontsGlyphsAndWidths) {
    const auto bytes = font_file();
    const auto parsed = report::TrueTypeFont::parse(bytes);
    ASSERT_TRUE(parsed.ok()) << parsed.error;
    const report::TrueTypeFont& font = parsed.font;
    EXPECT_NE(font.glyph_of(U'\u03a3'), 0); // Σ
    EXPECT_NE(font.glyph_of(U'\u0416'), 0); // Ж
    EXPECT_NE(font.glyph_of(U'\u03a3'), font.glyph_of(U'\u0394'));
    EXPECT_EQ(font.glyph_of(U'\u4e2d'), 0);
    EXPECT_EQ(font.advance_1000(font.glyph_of(U'0')), 636); // 1303 of 2048 units
    EXPECT_EQ(font.advance_1000(font.glyph_of(U' ')), 318);
    // The subset keeps the glyph ids and drops the other outlines.
    const auto subset = font.subset({font.glyph_of(U'\u03a3'), font.glyph_of(U'0')});
    EXPECT_LT(subset.size(), bytes.size() / 10);
    EXPECT_EQ(subset[0], 0x00);
    EXPECT_EQ(subset[1], 0x01);
}

TEST(TrueTypeFont, ATruncatedOrCorruptFontIsRefusedWithASentence) {
    const auto bytes = font_file();
    ASSERT_GT(bytes.size(), 100000u);
    for (const std::size_t size :
         {std::size_t{0}, std::size_t{3}, std::size_t{12}, std::size_t{100}, std::size_t{1000},
          bytes.size() / 2, bytes.size() - 1}) {
        const auto parsed = report::TrueTypeFont::parse({bytes.data(), size});
        EXPECT_FALSE(parsed.ok()) << size;
        EXPECT_NE(parsed.error.find("cut short"), std::string::npos)
            << size << ": " << parsed.error;
    }
    std::vector<std::uint8_t> other(bytes.begin(), bytes.end());
    other[0] = 'O', other[1] = 'T', other[2] = 'T', other[3] = 'O';
    EXPECT_EQ(report::TrueTypeFont::parse(other).error,
              "the font has PostScript (CFF) outlines; a TrueType font is needed");
    EXPECT_EQ(report::TrueTypeFont::parse(std::vector<std::uint8_t>(64, 0xAB)).error,
              "the file is not a TrueType font");
    // Tables that lie: no widths, an unknown glyph-offset format.
    const auto table_at = [&bytes](const char* tag) {
        const std::size_t count = bytes[4] << 8 | bytes[5];
        for (std::size_t i = 0; i < count; ++i) {
            const std::uint8_t* record = bytes.data() + 12 + 16 * i;
            if (std::equal(tag, tag + 4, record))
                return std::size_t{record[8]} << 24 | std::size_t{record[9]} << 16 |
                       std::size_t{record[10]} << 8 | record[11];
        }
        ADD_FAILURE() << "no " << tag;
        return std::size_t{0};
    };
    std::vector<std::uint8_t> no_widths(bytes.begin(), bytes.end());
    no_widths[table_at("hhea") + 34] = 0;
    no_widths[table_at("hhea") + 35] = 0;
    EXPECT_NE(report::TrueTypeFont::parse(no_widths).error.find("the font's hhea counts 0 widths"),
              std::string::npos);
    std::vector<std::uint8_t> bad_loca(bytes.begin(), bytes.end());
    bad_loca[table_at("head") + 51] = 7;
    EXPECT_EQ(report::TrueTypeFont::parse(bad_loca).error,
              "the font's head names an unknown loca format 7");
}
