// Tables are read through one bounds-checked reader: a read past the end of the file or of its
// table throws FontError inside parse(), which turns it into the error sentence. Nothing is
// read after parse() has checked the places it will read (glyph outlines lie inside glyf).
#include "algocore/report/TrueTypeFont.h"

#include <algorithm>
#include <stdexcept>

namespace algocore::report {

namespace {

struct FontError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

constexpr std::uint32_t tag_of(const char* tag) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(tag[0])) << 24 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(tag[1])) << 16 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(tag[2])) << 8 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(tag[3]));
}

// Big-endian reads at absolute offsets of the file, each checked against its end.
class Reader {
public:
    explicit Reader(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}
    void need(std::size_t at, std::size_t n, const char* what) const {
        if (at > bytes_.size() || n > bytes_.size() - at)
            throw FontError(std::string("the font is cut short in ") + what);
    }
    std::uint16_t u16(std::size_t at, const char* what) const {
        need(at, 2, what);
        return static_cast<std::uint16_t>(bytes_[at] << 8 | bytes_[at + 1]);
    }
    std::int16_t i16(std::size_t at, const char* what) const {
        return static_cast<std::int16_t>(u16(at, what));
    }
    std::uint32_t u32(std::size_t at, const char* what) const {
        need(at, 4, what);
        return static_cast<std::uint32_t>(bytes_[at]) << 24 |
               static_cast<std::uint32_t>(bytes_[at + 1]) << 16 |
               static_cast<std::uint32_t>(bytes_[at + 2]) << 8 | bytes_[at + 3];
    }

private:
    std::span<const std::uint8_t> bytes_;
};

int per_1000(int font_units, int units_per_em) {
    const long scaled = static_cast<long>(font_units) * 1000;
    // Round half away from zero, so negative figures (descent) round like positive ones.
    return static_cast<int>((scaled >= 0 ? scaled + units_per_em / 2 : scaled - units_per_em / 2) /
                            units_per_em);
}

void put16(std::vector<std::uint8_t>& out, std::uint32_t v) {
    out.push_back(static_cast<std::uint8_t>(v >> 8));
    out.push_back(static_cast<std::uint8_t>(v));
}
void put32(std::vector<std::uint8_t>& out, std::uint32_t v) {
    put16(out, v >> 16);
    put16(out, v & 0xFFFFu);
}
void set32(std::vector<std::uint8_t>& out, std::size_t at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i)
        out[at + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v >> (24 - 8 * i));
}
std::uint32_t checksum(const std::uint8_t* data, std::size_t n) {
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i < n; i += 4) {
        std::uint32_t word = 0;
        for (std::size_t k = 0; k < 4; ++k)
            word = word << 8 | (i + k < n ? data[i + k] : 0u);
        sum += word;
    }
    return sum;
}

// Composite glyph flags (the TrueType 'glyf' table).
constexpr std::uint16_t kArgsAreWords = 0x0001;
constexpr std::uint16_t kHasScale = 0x0008;
constexpr std::uint16_t kMoreComponents = 0x0020;
constexpr std::uint16_t kHasXYScale = 0x0040;
constexpr std::uint16_t kHasTwoByTwo = 0x0080;

} // namespace

TrueTypeFont::Parsed TrueTypeFont::parse(std::span<const std::uint8_t> bytes) {
    Parsed out;
    out.font.bytes_ = bytes;
    try {
        out.font.read_tables();
        out.font.read_metrics();
        out.font.read_glyph_offsets();
        out.font.read_cmap();
    } catch (const FontError& e) {
        out.error = e.what();
        out.font = TrueTypeFont();
    }
    return out;
}

TrueTypeFont::Table TrueTypeFont::table(const char* tag) const {
    const std::uint32_t want = tag_of(tag);
    for (const auto& [t, place] : tables_)
        if (t == want) return place;
    throw FontError(std::string("the font has no '") + tag + "' table");
}

void TrueTypeFont::read_tables() {
    const Reader r(bytes_);
    const std::uint32_t version = r.u32(0, "its table directory");
    if (version == tag_of("OTTO"))
        throw FontError("the font has PostScript (CFF) outlines; a TrueType font is needed");
    if (version != 0x00010000u && version != tag_of("true"))
        throw FontError("the file is not a TrueType font");
    const std::uint16_t count = r.u16(4, "its table directory");
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t record = 12 + 16 * i;
        const std::uint32_t tag = r.u32(record, "its table directory");
        Table t{r.u32(record + 8, "its table directory"),
                r.u32(record + 12, "its table directory")};
        r.need(t.offset, t.length, "a table the directory names");
        tables_.emplace_back(tag, t);
    }
}

void TrueTypeFont::read_metrics() {
    const Reader r(bytes_);
    const Table head = table("head");
    const Table maxp = table("maxp");
    const Table hhea = table("hhea");
    if (head.length < 54 || maxp.length < 6 || hhea.length < 36)
        throw FontError("the font's head, maxp or hhea table is too short");
    units_per_em_ = r.u16(head.offset + 18, "head");
    if (units_per_em_ < 16 || units_per_em_ > 16384)
        throw FontError("the font's units per em (" + std::to_string(units_per_em_) +
                        ") is outside 16..16384");
    glyph_count_ = r.u16(maxp.offset + 4, "maxp");
    if (glyph_count_ == 0) throw FontError("the font has no glyphs");
    for (int i = 0; i < 4; ++i)
        metrics_.bbox[i] = per_1000(
            r.i16(head.offset + 36 + 2 * static_cast<std::size_t>(i), "head"), units_per_em_);
    metrics_.ascent = per_1000(r.i16(hhea.offset + 4, "hhea"), units_per_em_);
    metrics_.descent = per_1000(r.i16(hhea.offset + 6, "hhea"), units_per_em_);
    metrics_.cap_height = metrics_.ascent;
    // hmtx: numberOfHMetrics (advance, side bearing) pairs; later glyphs repeat the last advance.
    const std::size_t metrics_count = r.u16(hhea.offset + 34, "hhea");
    hmtx_metrics_count_ = metrics_count;
    if (metrics_count == 0 || metrics_count > static_cast<std::size_t>(glyph_count_))
        throw FontError("the font's hhea counts " + std::to_string(metrics_count) + " widths for " +
                        std::to_string(glyph_count_) + " glyphs");
    const Table hmtx = table("hmtx");
    if (hmtx.length < 4 * metrics_count) throw FontError("the font's hmtx table is too short");
    advances_.resize(static_cast<std::size_t>(glyph_count_));
    for (std::size_t g = 0; g < advances_.size(); ++g)
        advances_[g] = g < metrics_count ? r.u16(hmtx.offset + 4 * g, "hmtx") : advances_[g - 1];
}

void TrueTypeFont::read_glyph_offsets() {
    const Reader r(bytes_);
    const Table head = table("head");
    const Table loca = table("loca");
    glyf_ = table("glyf");
    const std::int16_t format = r.i16(head.offset + 50, "head");
    if (format != 0 && format != 1)
        throw FontError("the font's head names an unknown loca format " + std::to_string(format));
    const std::size_t entry = format == 0 ? 2 : 4;
    const std::size_t n = static_cast<std::size_t>(glyph_count_) + 1;
    if (loca.length < entry * n) throw FontError("the font's loca table is too short");
    glyph_offsets_.resize(n);
    for (std::size_t g = 0; g < n; ++g) {
        const std::size_t at = loca.offset + entry * g;
        glyph_offsets_[g] = format == 0 ? 2u * r.u16(at, "loca") : r.u32(at, "loca");
        if (glyph_offsets_[g] > glyf_.length ||
            (g > 0 && glyph_offsets_[g] < glyph_offsets_[g - 1]))
            throw FontError("the font's loca places glyph " + std::to_string(g) +
                            " outside its glyf table");
    }
}

void TrueTypeFont::read_cmap() {
    const Reader r(bytes_);
    const Table cmap = table("cmap");
    const std::size_t count = r.u16(cmap.offset + 2, "cmap");
    // A Unicode subtable: the full repertoire (format 12) if there is one, else the BMP (4).
    std::size_t best = 0;
    int best_rank = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t record = cmap.offset + 4 + 8 * i;
        const std::uint16_t platform = r.u16(record, "cmap");
        const std::uint16_t encoding = r.u16(record + 2, "cmap");
        const std::size_t at = cmap.offset + r.u32(record + 4, "cmap");
        const bool unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
        if (!unicode) continue;
        const std::uint16_t format = r.u16(at, "cmap");
        const int rank = format == 12 ? 2 : format == 4 ? 1 : 0;
        if (rank > best_rank) best = at, best_rank = rank;
    }
    if (best_rank == 0) throw FontError("the font has no Unicode cmap (format 4 or 12)");
    const auto add = [this](char32_t first, char32_t last, std::uint32_t glyph) {
        if (glyph == 0 || glyph + (last - first) >= static_cast<std::uint32_t>(glyph_count_))
            return; // a glyph the font does not have draws nothing
        if (!runs_.empty() && runs_.back().last + 1 == first &&
            runs_.back().first_glyph + (first - runs_.back().first) == glyph)
            runs_.back().last = last;
        else
            runs_.push_back({first, last, glyph});
    };
    if (best_rank == 2) {
        const std::uint32_t groups = r.u32(best + 12, "cmap format 12");
        r.need(best + 16, 12ull * groups, "cmap format 12");
        for (std::size_t i = 0; i < groups; ++i) {
            const std::size_t g = best + 16 + 12 * i;
            const std::uint32_t first = r.u32(g, "cmap"), last = r.u32(g + 4, "cmap");
            if (last < first || last > 0x10FFFF) throw FontError("the font's cmap has a bad range");
            add(first, last, r.u32(g + 8, "cmap"));
        }
    } else {
        const std::size_t segments = r.u16(best + 6, "cmap format 4") / 2u;
        const std::size_t ends = best + 14, starts = ends + 2 * segments + 2;
        const std::size_t deltas = starts + 2 * segments, ranges = deltas + 2 * segments;
        for (std::size_t s = 0; s < segments; ++s) {
            const char32_t first = r.u16(starts + 2 * s, "cmap"),
                           last = r.u16(ends + 2 * s, "cmap");
            const std::uint16_t delta = r.u16(deltas + 2 * s, "cmap");
            const std::uint16_t range = r.u16(ranges + 2 * s, "cmap");
            if (last < first || first == 0xFFFF) continue;
            // Segments are sorted and apart (so a corrupt table cannot make this loop long).
            if (s > 0 && first <= r.u16(ends + 2 * (s - 1), "cmap"))
                throw FontError("the font's cmap has overlapping or unsorted ranges");
            for (char32_t c = first; c <= last; ++c) {
                std::uint32_t glyph = 0;
                if (range == 0) {
                    glyph = (c + delta) & 0xFFFFu;
                } else {
                    glyph = r.u16(ranges + 2 * s + range + 2 * (c - first), "cmap glyph ids");
                    if (glyph != 0) glyph = (glyph + delta) & 0xFFFFu;
                }
                add(c, c, glyph);
            }
        }
    }
    std::sort(runs_.begin(), runs_.end(),
              [](const Run& a, const Run& b) { return a.first < b.first; });
    // Cap height: the top of the H, when the font draws one.
    if (const GlyphId h = glyph_of(U'H'); h != 0 && glyph_offsets_[h + 1] - glyph_offsets_[h] >= 10)
        metrics_.cap_height =
            per_1000(r.i16(glyf_.offset + glyph_offsets_[h] + 8, "glyf"), units_per_em_);
}

GlyphId TrueTypeFont::glyph_of(char32_t code_point) const {
    auto after = std::upper_bound(runs_.begin(), runs_.end(), code_point,
                                  [](char32_t c, const Run& run) { return c < run.first; });
    if (after == runs_.begin()) return 0;
    const Run& run = *(after - 1);
    if (code_point > run.last) return 0;
    return static_cast<GlyphId>(run.first_glyph + (code_point - run.first));
}

int TrueTypeFont::advance_1000(GlyphId glyph) const {
    if (advances_.empty()) return 0;
    const std::size_t g = std::min<std::size_t>(glyph, advances_.size() - 1);
    return per_1000(advances_[g], units_per_em_);
}

std::vector<std::uint8_t> TrueTypeFont::subset(const std::vector<GlyphId>& used) const {
    const Reader r(bytes_);
    // The glyphs to keep: .notdef, the used ones and, transitively, the parts of composites.
    std::vector<bool> keep(static_cast<std::size_t>(glyph_count_), false);
    std::vector<GlyphId> todo(used.begin(), used.end());
    todo.push_back(0);
    while (!todo.empty()) {
        const GlyphId g = todo.back();
        todo.pop_back();
        if (g >= keep.size() || keep[g]) continue;
        keep[g] = true;
        const std::size_t begin = glyf_.offset + glyph_offsets_[g];
        const std::size_t end = glyf_.offset + glyph_offsets_[g + 1];
        if (end - begin < 10 || r.i16(begin, "glyf") >= 0) continue;
        // A composite: flags, glyph index, arguments and an optional transform per part.
        for (std::size_t at = begin + 10; at + 4 <= end;) {
            const std::uint16_t flags = r.u16(at, "glyf");
            todo.push_back(r.u16(at + 2, "glyf"));
            at += 4 + ((flags & kArgsAreWords) ? 4 : 2);
            at += (flags & kHasScale)      ? 2
                  : (flags & kHasXYScale)  ? 4
                  : (flags & kHasTwoByTwo) ? 8
                                           : 0;
            if (!(flags & kMoreComponents)) break;
        }
    }
    std::vector<std::uint8_t> glyf, loca;
    for (std::size_t g = 0; g < keep.size(); ++g) {
        put32(loca, static_cast<std::uint32_t>(glyf.size()));
        if (!keep[g]) continue;
        const auto from = bytes_.begin() + glyf_.offset + glyph_offsets_[g];
        glyf.insert(glyf.end(), from, from + (glyph_offsets_[g + 1] - glyph_offsets_[g]));
        glyf.resize((glyf.size() + 3) & ~std::size_t{3}, 0);
    }
    put32(loca, static_cast<std::uint32_t>(glyf.size()));

    // The tables in tag order, each copied or rebuilt; head says loca is now long (format 1).
    struct Out {
        const char* tag;
        std::vector<std::uint8_t> data;
    };
    std::vector<Out> tables;
    const auto copy = [&](const char* tag, bool required) {
        const std::uint32_t want = tag_of(tag);
        for (const auto& [t, place] : tables_)
            if (t == want) {
                const auto from = bytes_.begin() + place.offset;
                tables.push_back({tag, std::vector<std::uint8_t>(from, from + place.length)});
                return;
            }
        if (required) throw std::logic_error(std::string("parsed font without ") + tag);
    };
    copy("cvt ", false);
    copy("fpgm", false);
    tables.push_back({"glyf", std::move(glyf)});
    copy("head", true);
    copy("hhea", true);
    copy("hmtx", true);
    tables.push_back({"loca", std::move(loca)});
    copy("maxp", true);
    copy("prep", false);
    const auto table_out = [&tables](std::string_view tag) -> Out& {
        return *std::find_if(tables.begin(), tables.end(),
                             [tag](const Out& t) { return std::string_view(t.tag) == tag; });
    };
    // The widths of glyphs left out are zeroed too: the PDF states the widths it uses (/W), and
    // zeros compress to nothing (about 9 kB less per font).
    Out& hmtx = table_out("hmtx");
    const std::size_t metrics_count = hmtx_metrics_count_;
    for (std::size_t g = 0; g < keep.size(); ++g) {
        if (keep[g]) continue;
        const std::size_t at =
            g < metrics_count ? 4 * g : 4 * metrics_count + 2 * (g - metrics_count);
        const std::size_t n = g < metrics_count ? 4 : 2;
        if (at + n <= hmtx.data.size())
            std::fill_n(hmtx.data.begin() + static_cast<long>(at), n, 0);
    }
    Out& head = table_out("head");
    set32(head.data, 8, 0); // checkSumAdjustment, set below
    head.data[50] = 0;
    head.data[51] = 1;

    std::vector<std::uint8_t> font;
    const std::uint32_t n = static_cast<std::uint32_t>(tables.size());
    std::uint32_t power = 1, shift = 0;
    while (power * 2 <= n)
        power *= 2, ++shift;
    put32(font, 0x00010000u);
    put16(font, n);
    put16(font, power * 16);
    put16(font, shift);
    put16(font, n * 16 - power * 16);
    std::size_t data_at = 12 + 16 * tables.size();
    std::size_t head_at = 0;
    for (const Out& t : tables) {
        put32(font, tag_of(t.tag));
        put32(font, checksum(t.data.data(), t.data.size()));
        put32(font, static_cast<std::uint32_t>(data_at));
        put32(font, static_cast<std::uint32_t>(t.data.size()));
        if (std::string_view(t.tag) == "head") head_at = data_at;
        data_at += (t.data.size() + 3) & ~std::size_t{3};
    }
    for (const Out& t : tables) {
        font.insert(font.end(), t.data.begin(), t.data.end());
        font.resize((font.size() + 3) & ~std::size_t{3}, 0);
    }
    set32(font, head_at + 8, 0xB1B0AFBAu - checksum(font.data(), font.size()));
    return font;
}

} // namespace algocore::report
