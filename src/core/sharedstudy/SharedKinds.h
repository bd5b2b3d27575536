#pragma once
// How each kind of record travels from a station's SQLite file to the study's server: the
// one place that names, per kind, the station's expression of every column (references turned
// into UUIDs, sites into their keys, traces as their stored blobs) and the server's column it
// fills. The outbox reader builds its SELECTs from it and the push its INSERTs.
#include <string>
#include <vector>

namespace algocore::sharedstudy {

/// How a value is read from SQLite and handed to PostgreSQL.
enum class ValueKind { Text, Integer, Real, Boolean, Bytes };

/// One column: its name on the server and its expression over the station's row `r`.
struct SharedColumn {
    const char* server;
    const char* station;
    ValueKind kind;
};

/// One kind of record: the table (same name on both sides) and its columns, besides the
/// record's uuid, its station and its sequence number, which every kind has.
struct SharedKind {
    const char* table;
    std::vector<SharedColumn> columns;
};

/// Every kind, in the order a record may refer to the kinds before it.
const std::vector<SharedKind>& shared_kinds();
/// The kind of a station table; nullptr for a table that does not travel.
const SharedKind* shared_kind(const std::string& table);

/// What a correction (an audit row) changes on the server: the server's column for a
/// station's (table, field), or nullptr when that field cannot be corrected.
const char* corrected_column(const std::string& table, const std::string& field);

} // namespace algocore::sharedstudy
