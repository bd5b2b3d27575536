#pragma once
// The text a PDF of ours shows, read back as a viewer would for copy and search: each shown
// string (Tj) of each page's content stream, its glyph ids mapped to characters through its
// font's /ToUnicode map. Enough for the report writer's own files (uncompressed content and
// maps, Identity-H), not a general PDF reader.
#include <algorithm>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "algocore/report/ReportFont.h"

namespace algotest {

class PdfText {
public:
    explicit PdfText(const std::string& pdf) {
        read_objects(pdf);
        std::map<std::string, std::map<unsigned, std::string>> fonts; // resource name -> map
        for (const auto& [id, object] : objects_) {
            if (object.find("/Type /Page ") == std::string::npos) continue;
            static const std::regex font_ref("/(F[0-9]+) ([0-9]+) 0 R");
            for (std::sregex_iterator it(object.begin(), object.end(), font_ref), end; it != end;
                 ++it)
                fonts[(*it)[1]] = to_unicode(std::stoi((*it)[2]));
            static const std::regex contents("/Contents ([0-9]+) 0 R");
            std::smatch m;
            if (!std::regex_search(object, m, contents)) continue;
            const std::string data = stream_of(std::stoi(m[1]));
            // "/F1 8.50 Tf" chooses the font, "<0024002F> Tj" shows glyphs (scanned by hand:
            // a long hex string would take std::regex too deep).
            std::string font;
            for (std::size_t at = 0;;) {
                const std::size_t tf = data.find(" Tf", at), tj = data.find("> Tj", at);
                if (tf == std::string::npos && tj == std::string::npos) break;
                if (tf < tj) {
                    const std::size_t name = data.rfind('/', tf);
                    font = data.substr(name + 1, data.find(' ', name) - name - 1);
                    at = tf + 3;
                    continue;
                }
                const std::string hex =
                    data.substr(data.rfind('<', tj) + 1, tj - data.rfind('<', tj) - 1);
                std::string text;
                for (std::size_t i = 0; i + 4 <= hex.size(); i += 4) {
                    const unsigned glyph = std::stoul(hex.substr(i, 4), nullptr, 16);
                    const auto& map = fonts[font];
                    const auto found = map.find(glyph);
                    text += found == map.end() ? "<unmapped>" : found->second;
                }
                shown_.push_back(text);
                glyph_ids_.push_back(hex);
                at = tj + 4;
            }
        }
    }

    /// Every shown string, in page order.
    const std::vector<std::string>& shown() const { return shown_; }
    /// The glyph ids of each shown string, as the content stream has them (hex).
    const std::vector<std::string>& glyph_ids() const { return glyph_ids_; }
    /// Whether one shown string is exactly `text`.
    bool has(const std::string& text) const {
        return std::find(shown_.begin(), shown_.end(), text) != shown_.end();
    }
    /// Whether any shown string holds `part`.
    bool contains(const std::string& part) const {
        return std::any_of(shown_.begin(), shown_.end(),
                           [&](const std::string& s) { return s.find(part) != std::string::npos; });
    }
    std::size_t count_containing(const std::string& part) const {
        return static_cast<std::size_t>(
            std::count_if(shown_.begin(), shown_.end(),
                          [&](const std::string& s) { return s.find(part) != std::string::npos; }));
    }
    /// All shown strings, one per line (for failure messages).
    std::string all() const {
        std::string out;
        for (const std::string& s : shown_)
            out += s + "\n";
        return out;
    }
    /// The dictionary of object `id` (empty when there is none).
    std::string object(int id) const {
        const auto found = objects_.find(id);
        return found == objects_.end() ? std::string() : found->second;
    }

private:
    void read_objects(const std::string& pdf) {
        for (std::size_t at = pdf.find(" 0 obj\n"); at != std::string::npos;
             at = pdf.find(" 0 obj\n", at + 1)) {
            std::size_t digits = at;
            while (digits > 0 && pdf[digits - 1] >= '0' && pdf[digits - 1] <= '9')
                --digits;
            if (digits == at || (digits > 0 && pdf[digits - 1] != '\n')) continue;
            const std::size_t from = at + 7;
            const std::size_t to = pdf.find("\nendobj", from);
            objects_[std::stoi(pdf.substr(digits, at - digits))] = pdf.substr(from, to - from);
            if (to != std::string::npos) at = to;
        }
    }
    std::string stream_of(int id) const {
        const std::string object = this->object(id);
        const std::size_t from = object.find("stream\n");
        const std::size_t to = object.rfind("endstream");
        if (from == std::string::npos || to == std::string::npos) return {};
        return object.substr(from + 7, to - from - 7);
    }
    // The font's glyph -> characters map, from its /ToUnicode bfchar entries (UTF-16BE).
    std::map<unsigned, std::string> to_unicode(int font_id) const {
        std::map<unsigned, std::string> map;
        std::smatch m;
        const std::string font = object(font_id);
        static const std::regex ref("/ToUnicode ([0-9]+) 0 R");
        if (!std::regex_search(font, m, ref)) return map;
        const std::string cmap = stream_of(std::stoi(m[1]));
        static const std::regex entry("<([0-9A-F]{4})> <([0-9A-F]+)>");
        for (std::sregex_iterator it(cmap.begin(), cmap.end(), entry), end; it != end; ++it) {
            const std::string units = (*it)[2];
            std::string text;
            for (std::size_t i = 0; i + 4 <= units.size(); i += 4) {
                char32_t u = std::stoul(units.substr(i, 4), nullptr, 16);
                if (u >= 0xD800 && u <= 0xDBFF && i + 8 <= units.size()) {
                    const char32_t low = std::stoul(units.substr(i + 4, 4), nullptr, 16);
                    u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
                    i += 4;
                }
                text += algocore::report::utf8_of(u);
            }
            map[std::stoul((*it)[1].str(), nullptr, 16)] = text;
        }
        return map;
    }

    std::map<int, std::string> objects_;
    std::vector<std::string> shown_;
    std::vector<std::string> glyph_ids_;
};

} // namespace algotest
