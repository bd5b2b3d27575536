// A site's own MDC: append-only rows, the latest of a site and side in force. "both" stands
// for an MDC computed without regard to side (and applies to midline points too).
#include <SQLiteCpp/SQLiteCpp.h>

#include "RecordUuid.h"
#include "SiteMdcSql.h"

namespace algocore::storage {

namespace {

constexpr const char* kBothSides = "both";
constexpr const char* kRowColumns =
    "SELECT m.id, s.key, m.side, m.mdc_kpa, m.sem_kpa, m.icc_form, "
    "m.n_subjects, m.source, m.computed_utc, m.uuid FROM site_mdc m "
    "JOIN sites s ON s.id = m.site_id ";

SiteMdcRecord read_row(SQLite::Statement& st) {
    SiteMdcRecord r;
    r.id = st.getColumn(0).getInt64();
    r.site_key = st.getColumn(1).getString();
    BodySide stored{};
    if (parse_side(st.getColumn(2).getString(), stored)) r.side = stored;
    r.mdc_kpa = st.getColumn(3).getDouble();
    r.sem_kpa = st.getColumn(4).getDouble();
    r.icc_form = st.getColumn(5).getString();
    r.n_subjects = st.getColumn(6).getInt();
    r.source = st.getColumn(7).getString();
    r.computed_utc = st.getColumn(8).getString();
    r.uuid = st.getColumn(9).getString();
    return r;
}

} // namespace

void insert(SQLite::Database& db, const SiteMdcRecord& mdc) {
    SQLite::Statement st(db, "INSERT INTO site_mdc (site_id, side, mdc_kpa, sem_kpa, icc_form, "
                             "n_subjects, source, computed_utc, uuid) SELECT id, ?, ?, ?, ?, ?, "
                             "?, ?, ? FROM sites WHERE key = ?");
    st.bind(1, mdc.side ? to_letter(*mdc.side) : kBothSides);
    st.bind(2, mdc.mdc_kpa);
    st.bind(3, mdc.sem_kpa);
    st.bind(4, mdc.icc_form);
    st.bind(5, mdc.n_subjects);
    st.bind(6, mdc.source);
    st.bind(7, mdc.computed_utc);
    bind_record_uuid(st, 8, mdc.uuid);
    st.bind(9, mdc.site_key);
    st.exec();
}

std::optional<SiteMdcRecord> queries::site_mdc(SQLite::Database& db, const std::string& site_key,
                                               BodySide side) {
    // The side's own row wins over a both-sides row, whichever is newer.
    SQLite::Statement st(db, std::string(kRowColumns) +
                                 "WHERE s.key = ? AND m.side IN (?, 'both') "
                                 "ORDER BY m.side = 'both', m.id DESC LIMIT 1");
    st.bind(1, site_key);
    st.bind(2, to_letter(side));
    if (!st.executeStep()) return std::nullopt;
    return read_row(st);
}

std::vector<SiteMdcRecord> queries::site_mdc_of_subject(SQLite::Database& db, RecordId subject_id) {
    // The newest row of each site and stored side, at the sites the subject was measured at;
    // choosing between a side's own row and a both-sides row is left to the reader
    // (history::MdcLookup), which applies the same rule as site_mdc() above.
    SQLite::Statement st(db, std::string(kRowColumns) +
                                 "WHERE m.id IN (SELECT MAX(id) FROM site_mdc "
                                 "GROUP BY site_id, side) AND m.site_id IN "
                                 "(SELECT DISTINCT t.site_id FROM sessions se "
                                 "JOIN trials t ON t.session_id = se.id WHERE se.subject_id = ?1) "
                                 "ORDER BY s.key, m.side");
    st.bind(1, subject_id);
    std::vector<SiteMdcRecord> out;
    while (st.executeStep())
        out.push_back(read_row(st));
    return out;
}

std::vector<SiteMdcRecord> queries::all_site_mdc(SQLite::Database& db) {
    SQLite::Statement st(db, std::string(kRowColumns) + "ORDER BY m.id");
    std::vector<SiteMdcRecord> out;
    while (st.executeStep())
        out.push_back(read_row(st));
    return out;
}

} // namespace algocore::storage
