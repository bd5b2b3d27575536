// PDF objects: 1 catalog, 2 page tree, 3/4 Helvetica regular/bold, 5 info, then a page and
// its content stream per page. Streams are left uncompressed: a report is a few kB of text.
#include "algocore/report/PdfDocument.h"

#include <cstdio>
#include <fstream>

#include "algocore/FileMode.h"

namespace algocore::report {

namespace {

// Advance widths (1/1000 em) of Helvetica and Helvetica-Bold for ASCII 32..126 (Adobe AFM).
constexpr short kRegular[95] = {
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333,  278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667,  611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278,  556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500,  500, 334, 260, 334, 584};
constexpr short kBold[95] = {
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667,
    611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556,
    278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584};

// UTF-8 to WinAnsi (CP1252) bytes: Latin-1 maps to itself, a few typographic signs have their
// own code, the minus sign becomes a hyphen and anything else a question mark.
std::string win_ansi(std::string_view utf8) {
    std::string out;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        unsigned code = c;
        std::size_t len = 1;
        if (c >= 0xF0)
            len = 4, code = c & 0x07u;
        else if (c >= 0xE0)
            len = 3, code = c & 0x0Fu;
        else if (c >= 0xC0)
            len = 2, code = c & 0x1Fu;
        for (std::size_t k = 1; k < len && i + k < utf8.size(); ++k)
            code = (code << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3Fu);
        i += len;
        if (code < 0x80 || (code >= 0xA0 && code <= 0xFF))
            out += static_cast<char>(code);
        else if (code == 0x2013)
            out += '\x96';
        else if (code == 0x2014)
            out += '\x97';
        else if (code == 0x2020)
            out += '\x86';
        else if (code == 0x2022)
            out += '\x95';
        else if (code == 0x2026)
            out += '\x85';
        else if (code == 0x2212)
            out += '-';
        else
            out += '?';
    }
    return out;
}

double width_units(unsigned char c, FontWeight weight) {
    if (c >= 32 && c <= 126) return (weight == FontWeight::Bold ? kBold : kRegular)[c - 32];
    return 556.0;
}

std::string num(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", v);
    return text;
}

std::string colour_op(Rgb c, const char* op) {
    return num(c.r) + " " + num(c.g) + " " + num(c.b) + " " + op + "\n";
}

// A PDF string literal of WinAnsi bytes; bytes above 126 are octal escapes so the file stays
// 7-bit.
std::string literal(const std::string& bytes) {
    std::string out = "(";
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '(' || c == ')' || c == '\\') {
            out += '\\';
            out += ch;
        } else if (c < 32 || c > 126) {
            char esc[8];
            std::snprintf(esc, sizeof esc, "\\%03o", c);
            out += esc;
        } else {
            out += ch;
        }
    }
    return out + ")";
}

} // namespace

double text_width_pt(std::string_view utf8, double size_pt, FontWeight weight) {
    double units = 0.0;
    for (const char c : win_ansi(utf8))
        units += width_units(static_cast<unsigned char>(c), weight);
    return units * size_pt / 1000.0;
}

void PdfDocument::new_page() {
    pages_.emplace_back();
}

std::string& PdfDocument::page() {
    if (pages_.empty()) new_page();
    return pages_.back();
}

void PdfDocument::text(double x, double y, std::string_view utf8, double size, FontWeight weight,
                       Rgb colour) {
    page() += "BT " + colour_op(colour, "rg") + (weight == FontWeight::Bold ? "/F2 " : "/F1 ") +
              num(size) + " Tf " + num(x) + " " + num(kA4HeightPt - y) + " Td " +
              literal(win_ansi(utf8)) + " Tj ET\n";
}

void PdfDocument::text_fitted(double x, double y, std::string_view utf8, double size,
                              double max_width, FontWeight weight, Rgb colour) {
    if (text_width_pt(utf8, size, weight) <= max_width)
        return text(x, y, utf8, size, weight, colour);
    std::string cut(utf8);
    while (!cut.empty() && text_width_pt(cut + "...", size, weight) > max_width) {
        cut.pop_back();
        while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80)
            cut.pop_back(); // never leave half a UTF-8 character
        if (!cut.empty() && static_cast<unsigned char>(cut.back()) >= 0xC0) cut.pop_back();
    }
    text(x, y, cut + "...", size, weight, colour);
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

std::string PdfDocument::bytes(std::string_view title) const {
    std::vector<std::string> objects;
    const std::size_t pages = pages_.empty() ? 1 : pages_.size();
    std::string kids;
    for (std::size_t i = 0; i < pages; ++i)
        kids += std::to_string(6 + 2 * i) + " 0 R ";
    objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
    objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) +
                      " >>");
    objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding "
                      "/WinAnsiEncoding >>");
    objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding "
                      "/WinAnsiEncoding >>");
    objects.push_back("<< /Title " + literal(win_ansi(title)) + " /Creator (Algoscope) >>");
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
