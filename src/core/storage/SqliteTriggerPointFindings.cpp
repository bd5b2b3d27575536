// Trigger-point findings: one row per examination of a point, append-only like every
// measurement; the newest row of a session, site and side is the visit's findings. The
// referral zone is stored as region codes ("temple:L jaw:L", protocols::zone_codes).
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>

#include "RecordUuid.h"
#include "TriggerPointFindingsSql.h"
#include "algocore/protocols/TriggerPointCriteria.h"

namespace algocore::storage {

namespace {

constexpr const char* kColumns =
    "SELECT f.id, f.session_id, f.site_id, f.side, f.examined_utc, f.taut_band, f.tender_spot, "
    "f.local_twitch, f.jump_sign, f.familiar_pain, f.referral_zone, f.uuid "
    "FROM trigger_point_findings f ";

// Only the newest row of each session, site and side (ids only grow).
constexpr const char* kInForce =
    "f.id IN (SELECT MAX(id) FROM trigger_point_findings GROUP BY session_id, site_id, side) ";

protocols::Finding finding_of(const SQLite::Column& column) {
    protocols::Finding f = protocols::Finding::NotExamined;
    protocols::parse_finding(column.getString(), f); // CHECK allows only the three words
    return f;
}

TriggerPointFindings read_findings(SQLite::Statement& st) {
    TriggerPointFindings r;
    int i = 0;
    r.id = st.getColumn(i++).getInt64();
    r.session_id = st.getColumn(i++).getInt64();
    r.site_id = st.getColumn(i++).getInt64();
    parse_side(st.getColumn(i++).getString(), r.side);
    r.examined_utc = st.getColumn(i++).getString();
    r.exam.taut_band = finding_of(st.getColumn(i++));
    r.exam.tender_spot = finding_of(st.getColumn(i++));
    r.exam.local_twitch = finding_of(st.getColumn(i++));
    r.exam.jump_sign = finding_of(st.getColumn(i++));
    r.exam.familiar_pain = finding_of(st.getColumn(i++));
    // A region this version does not know (a newer file's) is left out rather than failing
    // the whole read; the codes are only ever written by zone_codes.
    const std::string zone = st.getColumn(i++).getString();
    if (!protocols::parse_zone(zone, r.exam.referral)) {
        std::vector<RegionRef> known;
        std::string::size_type start = 0;
        while (start < zone.size()) {
            const auto end = std::min(zone.find(' ', start), zone.size());
            RegionRef region;
            if (protocols::parse_region(zone.substr(start, end - start), region))
                known.push_back(region);
            start = end + 1;
        }
        r.exam.referral = protocols::ordered_zone(std::move(known));
    }
    r.uuid = st.getColumn(i++).getString();
    return r;
}

std::vector<TriggerPointFindings> read_all(SQLite::Statement& st) {
    std::vector<TriggerPointFindings> out;
    while (st.executeStep())
        out.push_back(read_findings(st));
    return out;
}

} // namespace

void insert(SQLite::Database& db, const TriggerPointFindings& f) {
    SQLite::Statement st(
        db, "INSERT INTO trigger_point_findings (id, session_id, site_id, side, examined_utc, "
            "taut_band, tender_spot, local_twitch, jump_sign, familiar_pain, referral_zone, uuid) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
    int i = 1;
    st.bind(i++, f.id);
    st.bind(i++, f.session_id);
    st.bind(i++, f.site_id);
    st.bind(i++, to_letter(f.side));
    st.bind(i++, f.examined_utc);
    for (const protocols::FindingField& field : protocols::finding_fields())
        st.bind(i++, protocols::to_string(f.exam.*field.member));
    st.bind(i++, protocols::zone_codes(f.exam.referral));
    bind_record_uuid(st, i++, f.uuid);
    st.exec();
}

std::vector<TriggerPointFindings> queries::findings(SQLite::Database& db, RecordId session_id) {
    SQLite::Statement st(db, std::string(kColumns) + "WHERE " + kInForce +
                                 "AND (?1 = 0 OR f.session_id = ?1) "
                                 "ORDER BY f.session_id, f.site_id, f.side");
    st.bind(1, session_id);
    return read_all(st);
}

std::vector<TriggerPointFindings> queries::findings_of_subject(SQLite::Database& db,
                                                               RecordId subject_id) {
    SQLite::Statement st(db, std::string(kColumns) +
                                 "JOIN sessions s ON s.id = f.session_id WHERE " + kInForce +
                                 "AND s.subject_id = ? "
                                 "ORDER BY s.started_utc, s.id, f.site_id, f.side");
    st.bind(1, subject_id);
    return read_all(st);
}

} // namespace algocore::storage
