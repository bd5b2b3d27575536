// PDF objects: 1 catalog, 2 page tree, 3/4 the report font regular/bold (Type0), 5 info, then
// a page and its content stream per page, then per font its CIDFont, descriptor, font file and
// ToUnicode map. Text is shown as 2-byte glyph ids (Identity-H, CIDToGIDMap Identity), so any
// glyph of the font can be set. Content streams are left uncompressed (a report is a few kB of
// drawing); the font subset is Flate-compressed.
#include "algocore/report/PdfDocument.h"

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <new>

#include "Utf8Decode.h"
#include "algocore/FileMode.h"

namespace algocore::report {

namespace {

std::string num(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", v);
    return text;
}

std::string colour_op(Rgb c, const char* op) {
    return num(c.r) + " " + num(c.g) + " " + num(c.b) + " " + op + "\n";
}

void hex4(std::string& out, unsigned v) {
    char text[8];
    std::snprintf(text, sizeof text, "%04X", v & 0xFFFFu);
    out += text;
}

// A character as UTF-16BE hex digits (a surrogate pair above the BMP), as ToUnicode and the
// document title want it.
void utf16_hex(std::string& out, char32_t c) {
    if (c < 0x10000) return hex4(out, static_cast<unsigned>(c));
    const char32_t v = c - 0x10000;
    hex4(out, 0xD800 + static_cast<unsigned>(v >> 10));
    hex4(out, 0xDC00 + static_cast<unsigned>(v & 0x3FF));
}

// The six capital letters a subset's font name starts with (PDF 1.4, 5.5.3), from the glyphs
// it holds, so the same pages give the same name.
std::string subset_tag(const std::vector<GlyphId>& glyphs, FontWeight weight) {
    std::uint32_t h = weight == FontWeight::Bold ? 2166136261u ^ 0xB0u : 2166136261u;
    for (const GlyphId g : glyphs)
        h = (h ^ g) * 16777619u;
    std::string tag;
    for (int i = 0; i < 6; ++i, h /= 26)
        tag += static_cast<char>('A' + h % 26);
    return tag;
}

std::string flate(const std::vector<std::uint8_t>& data) {
    uLongf size = compressBound(static_cast<uLong>(data.size()));
    std::string out(size, '\0');
    if (compress2(reinterpret_cast<Bytef*>(out.data()), &size, data.data(),
                  static_cast<uLong>(data.size()), Z_BEST_COMPRESSION) != Z_OK)
        throw std::bad_alloc(); // only when zlib cannot allocate its state
    out.resize(size);
    return out;
}

// The map from glyph ids back to characters (PDF 1.4, 5.9.2), so copied or searched text reads
// as written.
std::string to_unicode_cmap(const std::vector<char32_t>& character_of) {
    std::vector<std::pair<unsigned, char32_t>> pairs;
    for (std::size_t g = 0; g < character_of.size(); ++g)
        if (character_of[g] != 0) pairs.emplace_back(static_cast<unsigned>(g), character_of[g]);
    std::string out = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    for (std::size_t i = 0; i < pairs.size(); i += 100) {
        const std::size_t n = std::min<std::size_t>(100, pairs.size() - i);
        out += std::to_string(n) + " beginbfchar\n";
        for (std::size_t k = i; k < i + n; ++k) {
            out += "<";
            hex4(out, pairs[k].first);
            out += "> <";
            utf16_hex(out, pairs[k].second);
            out += ">\n";
        }
        out += "endbfchar\n";
    }
    return out + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
}

std::string stream(const std::string& dictionary_entries, const std::string& data) {
    return "<< " + dictionary_entries + "/Length " + std::to_string(data.size()) + " >>\nstream\n" +
           data + "\nendstream";
}

} // namespace

void PdfDocument::new_page() {
    pages_.emplace_back();
}

std::string& PdfDocument::page() {
    if (pages_.empty()) new_page();
    return pages_.back();
}

std::string PdfDocument::glyph_string(std::string_view utf8, FontWeight weight) {
    GlyphsUsed& used = used_[weight == FontWeight::Bold ? 1 : 0];
    if (used.character_of.empty())
        used.character_of.assign(static_cast<std::size_t>(report_font(weight).glyph_count()), 0);
    std::string hex = "<";
    for_each_utf8(utf8, [&](const Utf8Char& c) {
        const GlyphId glyph = report_glyph(c.code_point, weight);
        if (!report_can_draw(c.code_point)) {
            if (std::find(replaced_.begin(), replaced_.end(), c.code_point) == replaced_.end())
                replaced_.push_back(c.code_point);
            used.character_of[glyph] = kReplacementMark;
        } else if (used.character_of[glyph] == 0) {
            used.character_of[glyph] = c.code_point;
        }
        hex4(hex, glyph);
    });
    return hex + ">";
}

void PdfDocument::text(double x, double y, std::string_view utf8, double size, FontWeight weight,
                       Rgb colour) {
    const std::string glyphs = glyph_string(utf8, weight);
    page() += "BT " + colour_op(colour, "rg") + (weight == FontWeight::Bold ? "/F2 " : "/F1 ") +
              num(size) + " Tf " + num(x) + " " + num(kA4HeightPt - y) + " Td " + glyphs +
              " Tj ET\n";
}

void PdfDocument::text_fitted(double x, double y, std::string_view utf8, double size,
                              double max_width, FontWeight weight, Rgb colour) {
    text(x, y, elided(utf8, size, max_width, weight), size, weight, colour);
}

void PdfDocument::text_right(double x, double y, std::string_view utf8, double size,
                             FontWeight weight, Rgb colour) {
    text(x - text_width_pt(utf8, size, weight), y, utf8, size, weight, colour);
}

void PdfDocument::line(double x1, double y1, double x2, double y2, double width, Rgb colour) {
    page() += colour_op(colour, "RG") + num(width) + " w " + num(x1) + " " + num(kA4HeightPt - y1) +
              " m " + num(x2) + " " + num(kA4HeightPt - y2) + " l S\n";
}

void PdfDocument::fill_rect(double x, double y, double w, double h, Rgb colour) {
    page() += colour_op(colour, "rg") + num(x) + " " + num(kA4HeightPt - y - h) + " " + num(w) +
              " " + num(h) + " re f\n";
}

void PdfDocument::stroke_rect(double x, double y, double w, double h, double width, Rgb colour) {
    page() += colour_op(colour, "RG") + num(width) + " w " + num(x) + " " +
              num(kA4HeightPt - y - h) + " " + num(w) + " " + num(h) + " re S\n";
}

void PdfDocument::polyline(const std::vector<double>& xy, double width, Rgb colour) {
    if (xy.size() < 4) return;
    std::string& p = page();
    p += colour_op(colour, "RG") + num(width) + " w 1 j ";
    for (std::size_t i = 0; i + 1 < xy.size(); i += 2)
        p += num(xy[i]) + " " + num(kA4HeightPt - xy[i + 1]) + (i == 0 ? " m " : " l ");
    p += "S\n";
}

void PdfDocument::begin_clip(const std::vector<std::vector<double>>& polygons) {
    std::string& p = page();
    p += "q ";
    for (const std::vector<double>& xy : polygons) {
        for (std::size_t i = 0; i + 1 < xy.size(); i += 2)
            p += num(xy[i]) + " " + num(kA4HeightPt - xy[i + 1]) + (i == 0 ? " m " : " l ");
        p += "h ";
    }
    p += "W n\n";
}

void PdfDocument::end_clip() {
    page() += "Q\n";
}

namespace {
// An ellipse as four Bezier quarter arcs (k = 4/3 (sqrt 2 - 1)).
std::string ellipse_path(double cx, double cy, double rx, double ry) {
    constexpr double k = 0.5523;
    const double y = PdfDocument::kA4HeightPt - cy;
    auto pt = [](double a, double b) { return num(a) + " " + num(b) + " "; };
    return pt(cx + rx, y) + "m " + pt(cx + rx, y + k * ry) + pt(cx + k * rx, y + ry) +
           pt(cx, y + ry) + "c " + pt(cx - k * rx, y + ry) + pt(cx - rx, y + k * ry) +
           pt(cx - rx, y) + "c " + pt(cx - rx, y - k * ry) + pt(cx - k * rx, y - ry) +
           pt(cx, y - ry) + "c " + pt(cx + k * rx, y - ry) + pt(cx + rx, y - k * ry) +
           pt(cx + rx, y) + "c ";
}
} // namespace

void PdfDocument::fill_circle(double cx, double cy, double r, Rgb colour) {
    page() += colour_op(colour, "rg") + ellipse_path(cx, cy, r, r) + "f\n";
}

void PdfDocument::stroke_ellipse(double cx, double cy, double rx, double ry, double width,
                                 Rgb colour) {
    page() += colour_op(colour, "RG") + num(width) + " w " + ellipse_path(cx, cy, rx, ry) + "S\n";
}

std::string PdfDocument::font_objects(FontWeight weight, std::size_t first,
                                      std::vector<std::string>& objects) const {
    const TrueTypeFont& font = report_font(weight);
    const GlyphsUsed& used = used_[weight == FontWeight::Bold ? 1 : 0];
    std::vector<GlyphId> glyphs;
    for (std::size_t g = 0; g < used.character_of.size(); ++g)
        if (used.character_of[g] != 0) glyphs.push_back(static_cast<GlyphId>(g));
    const std::string name = "/" + subset_tag(glyphs, weight) + "+DejaVuSans" +
                             (weight == FontWeight::Bold ? "-Bold" : "");
    // Widths of the glyphs used, consecutive ids in one bracket: [g [w w w] g2 [w] ...].
    std::string widths = "[";
    for (std::size_t i = 0; i < glyphs.size(); ++i) {
        if (i == 0 || glyphs[i] != glyphs[i - 1] + 1)
            widths += (i == 0 ? "" : "] ") + std::to_string(glyphs[i]) + " [";
        else
            widths += " ";
        widths += std::to_string(font.advance_1000(glyphs[i]));
    }
    widths += glyphs.empty() ? "]" : "]]";
    const std::string cid_font = std::to_string(first) + " 0 R";
    const TrueTypeFont::Metrics& m = font.metrics();
    objects.push_back("<< /Type /Font /Subtype /CIDFontType2 /BaseFont " + name +
                      " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 "
                      ">> /FontDescriptor " +
                      std::to_string(first + 1) + " 0 R /DW 1000 /W " + widths +
                      " /CIDToGIDMap /Identity >>");
    objects.push_back("<< /Type /FontDescriptor /FontName " + name + " /Flags 32 /FontBBox [" +
                      std::to_string(m.bbox[0]) + " " + std::to_string(m.bbox[1]) + " " +
                      std::to_string(m.bbox[2]) + " " + std::to_string(m.bbox[3]) +
                      "] /ItalicAngle 0 /Ascent " + std::to_string(m.ascent) + " /Descent " +
                      std::to_string(m.descent) + " /CapHeight " + std::to_string(m.cap_height) +
                      " /StemV " + (weight == FontWeight::Bold ? "120" : "80") + " /FontFile2 " +
                      std::to_string(first + 2) + " 0 R >>");
    const std::vector<std::uint8_t> subset = font.subset(glyphs);
    objects.push_back(stream("/Filter /FlateDecode /Length1 " + std::to_string(subset.size()) + " ",
                             flate(subset)));
    objects.push_back(stream("", to_unicode_cmap(used.character_of)));
    return "<< /Type /Font /Subtype /Type0 /BaseFont " + name +
           " /Encoding /Identity-H /DescendantFonts [" + cid_font + "] /ToUnicode " +
           std::to_string(first + 3) + " 0 R >>";
}

std::string PdfDocument::bytes(std::string_view title) const {
    std::vector<std::string> objects;
    const std::size_t pages = pages_.empty() ? 1 : pages_.size();
    std::string kids;
    for (std::size_t i = 0; i < pages; ++i)
        kids += std::to_string(6 + 2 * i) + " 0 R ";
    objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
    objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) +
                      " >>");
    objects.emplace_back(); // 3, 4: the fonts, once their parts are numbered
    objects.emplace_back();
    // The title as UTF-16BE with its byte order mark, so it reads in any script.
    std::string title_hex = "<FEFF";
    for_each_utf8(title, [&](const Utf8Char& c) { utf16_hex(title_hex, c.code_point); });
    objects.push_back("<< /Title " + title_hex + "> /Creator (Algoscope) >>");
    for (std::size_t i = 0; i < pages; ++i) {
        const std::string content = i < pages_.size() ? pages_[i] : std::string();
        objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + num(kA4WidthPt) + " " +
                          num(kA4HeightPt) +
                          "] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> "
                          ">> /Contents " +
                          std::to_string(7 + 2 * i) + " 0 R >>");
        objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" +
                          content + "endstream");
    }
    objects[2] = font_objects(FontWeight::Regular, objects.size() + 1, objects);
    objects[3] = font_objects(FontWeight::Bold, objects.size() + 1, objects);
    std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(out.size());
        out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const std::size_t offset : offsets) {
        char entry[24];
        std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
        out += entry;
    }
    out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
           " /Root 1 0 R /Info 5 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return out;
}

std::string PdfDocument::save(const std::string& path, std::string_view title) const {
    if (std::string failure = create_file_with_mode(path, kOwnerOnlyFileMode); !failure.empty())
        return failure;
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    if (!file) return "cannot write " + path;
    file << bytes(title);
    file.flush();
    if (!file) return "writing " + path + " failed (disk full?)";
    return {};
}

} // namespace algocore::report
