#pragma once
// What the GUI/CLI parity tests share: the same samples cut into display frames, a workbench
// clock that always says the same time, and the stored rows of two databases compared as text
// (every column of every row a query returns but the record's uuid, REALs as hex floats —
// every bit, not 15 digits — and BLOBs as bytes).
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "algocore/Sample.h"
#include "algocore/session/Workbench.h"

namespace parity {

/// The visit's rows, the same for every workflow: subjects, operators, sessions (ids left out).
inline const std::vector<std::string>& visit_queries() {
    static const std::vector<std::string> queries{
        "SELECT code, sex, age_band, dominant_side, notes FROM subjects ORDER BY id",
        "SELECT name, role FROM operators ORDER BY id",
        "SELECT s.code AS subject, o.name AS operator, started_utc, device_serial, "
        "calibration_id, probe_cm2, x.notes FROM sessions x JOIN subjects s ON s.id = "
        "x.subject_id LEFT JOIN operators o ON o.id = x.operator_id ORDER BY x.id"};
    return queries;
}

inline std::string hex_float(double value) {
    char text[64];
    std::snprintf(text, sizeof text, "%a", value);
    return text;
}

inline std::vector<std::string> rows(const std::string& path, const std::string& sql) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    SQLite::Statement st(db, sql);
    std::vector<std::string> out;
    while (st.executeStep()) {
        std::string row;
        for (int c = 0; c < st.getColumnCount(); ++c) {
            // Each front end's record is a record of its own, with an identity of its own.
            if (std::string(st.getColumnName(c)) == "uuid") continue;
            const SQLite::Column column = st.getColumn(c);
            row += std::string(st.getColumnName(c)) + "=";
            if (column.isNull())
                row += "NULL";
            else if (column.isBlob())
                row += std::string(static_cast<const char*>(column.getBlob()),
                                   static_cast<std::size_t>(column.getBytes()));
            else if (column.isFloat())
                row += hex_float(column.getDouble());
            else
                row += column.getString();
            row += "|";
        }
        out.push_back(row);
    }
    return out;
}

/// The first way the two databases differ under the queries (an empty query result counts:
/// nothing stored proves nothing), or empty when every row of every query is identical.
inline std::string first_difference(const std::string& gui_db, const std::string& cli_db,
                                    const std::vector<std::string>& queries) {
    for (const std::string& sql : queries) {
        const auto gui = rows(gui_db, sql);
        const auto cli = rows(cli_db, sql);
        if (gui.empty()) return sql + "\n nothing stored";
        if (gui.size() != cli.size())
            return sql + "\n gui: " + std::to_string(gui.size()) +
                   " rows, cli: " + std::to_string(cli.size());
        for (std::size_t i = 0; i < gui.size(); ++i)
            if (gui[i] != cli[i])
                return sql + "\n gui: " + gui[i].substr(0, 600) +
                       "\n cli: " + cli[i].substr(0, 600);
    }
    return {};
}

/// The samples in display frames of per_frame samples each (the last may be shorter).
inline std::vector<std::vector<algocore::Sample>>
frames_of(const std::vector<algocore::Sample>& samples, std::size_t per_frame) {
    std::vector<std::vector<algocore::Sample>> frames;
    for (std::size_t i = 0; i < samples.size(); i += per_frame)
        frames.emplace_back(
            samples.begin() + static_cast<std::ptrdiff_t>(i),
            samples.begin() + static_cast<std::ptrdiff_t>(std::min(samples.size(), i + per_frame)));
    return frames;
}

/// A workbench whose wall clock always reads utc (both front ends stamp the same times).
inline algocore::session::WorkbenchOptions fixed_clock(const char* utc) {
    algocore::session::WorkbenchOptions options;
    options.utc_now = [utc] { return std::string(utc); };
    return options;
}

} // namespace parity
