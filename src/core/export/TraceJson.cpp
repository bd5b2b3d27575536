#include "algocore/export/TraceJson.h"
#include "algoinput/JsonText.h"

#include <cmath>
#include <functional>
#include <nlohmann/json.hpp>

namespace algocore::exporting {

using nlohmann::json;

namespace {

constexpr std::size_t kTraceLineChars = 200;

// Column name, its quantum, and how to read and write it on a sample.
struct Column {
    const char* name;
    double scale;
    std::function<double(const records::TraceSample&)> get;
    std::function<void(records::TraceSample&, double)> set;
};

const std::vector<Column>& columns() {
    static const std::vector<Column> kColumns = {
        {"t_s", 1e-6, [](const auto& s) { return s.t_s; }, [](auto& s, double v) { s.t_s = v; }},
        {"raw_counts", 1.0, [](const auto& s) { return double(s.raw_counts); },
         [](auto& s, double v) { s.raw_counts = static_cast<std::int32_t>(v); }},
        {"force_n", 1e-4, [](const auto& s) { return s.force_n; },
         [](auto& s, double v) { s.force_n = v; }},
        {"pressure_kpa", 1e-3, [](const auto& s) { return s.pressure_kpa; },
         [](auto& s, double v) { s.pressure_kpa = v; }},
        {"buttons", 1.0, [](const auto& s) { return double(s.buttons); },
         [](auto& s, double v) { s.buttons = static_cast<std::uint8_t>(v); }},
        {"flags", 1.0, [](const auto& s) { return double(s.flags); },
         [](auto& s, double v) { s.flags = static_cast<std::uint8_t>(v); }},
    };
    return kColumns;
}

// Quantised values as changes, runs of equal changes as [change, count].
json delta_runs(const std::vector<std::int64_t>& values) {
    json out = json::array();
    std::int64_t previous = 0;
    std::size_t i = 0;
    while (i < values.size()) {
        const std::int64_t delta = values[i] - previous;
        std::size_t run = 1;
        while (i + run < values.size() && values[i + run] - values[i + run - 1] == delta)
            ++run;
        if (run >= 3) {
            out.push_back(json::array({delta, run}));
        } else {
            run = 1;
            out.push_back(delta);
        }
        previous = values[i + run - 1];
        i += run;
    }
    return out;
}

} // namespace

std::string compact_trace_json(const records::RawTrace& trace) {
    json doc = {{"encoding", "delta-runs-1"}, {"n", trace.samples.size()}};
    json& cols = doc["columns"] = json::object();
    for (const Column& c : columns()) {
        std::vector<std::int64_t> q;
        q.reserve(trace.samples.size());
        for (const auto& s : trace.samples)
            q.push_back(static_cast<std::int64_t>(std::llround(c.get(s) / c.scale)));
        cols[c.name] = {{"scale", c.scale}, {"deltas", delta_runs(q)}};
    }
    // One line would be megabytes long; a break after a comma every ~200 characters keeps the
    // file readable by line-based tools (JSON allows whitespace between values).
    const std::string flat = algoinput::json_text(doc);
    std::string out;
    out.reserve(flat.size() + flat.size() / 200 + 1);
    std::size_t line = 0;
    bool in_string = false;
    for (const char c : flat) {
        out += c;
        ++line;
        if (c == '"') in_string = !in_string;
        if (c == ',' && !in_string && line >= kTraceLineChars) {
            out += '\n';
            line = 0;
        }
    }
    return out;
}

records::RawTrace decode_compact_trace_json(const std::string& json_text) {
    records::RawTrace out;
    const json doc = json::parse(json_text, nullptr, false);
    if (doc.is_discarded() || !doc.contains("n") || !doc.contains("columns")) return out;
    out.samples.resize(doc["n"].get<std::size_t>());
    for (const Column& c : columns()) {
        const json& col = doc["columns"][c.name];
        std::int64_t value = 0;
        std::size_t i = 0;
        for (const json& d : col["deltas"]) {
            const std::int64_t delta =
                d.is_array() ? d[0].get<std::int64_t>() : d.get<std::int64_t>();
            const std::size_t run = d.is_array() ? d[1].get<std::size_t>() : 1;
            for (std::size_t k = 0; k < run && i < out.samples.size(); ++k, ++i) {
                value += delta;
                c.set(out.samples[i], static_cast<double>(value) * c.scale);
            }
        }
    }
    return out;
}

} // namespace algocore::exporting
