#pragma once
// Stored rows as text, for tests that compare what two front ends wrote: every column of
// every row a query returns, REALs as hex floats (every bit, not 15 digits), BLOBs as bytes.
#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdio>
#include <string>
#include <vector>

namespace stored_rows {

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

} // namespace stored_rows
