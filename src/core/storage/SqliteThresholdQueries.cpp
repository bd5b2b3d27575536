// Threshold queries. A point's threshold is the mean of the counted trials of its latest
// session, which is what a therapist compares against and what relative prescriptions are
// built on.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cmath>

#include "SqliteQueries.h"

namespace algocore::storage::queries {

std::optional<PointThreshold> threshold(SQLite::Database& db, RecordId subject_id, RecordId site_id,
                                        BodySide side, TrialMeasure measure,
                                        RecordId before_session_id) {
    SQLite::Statement st(
        db, "SELECT s.id, s.started_utc, COUNT(*), AVG(t.ppt_kpa) FROM trials t "
            "JOIN sessions s ON s.id = t.session_id "
            "WHERE s.subject_id = ?1 AND t.site_id = ?2 AND t.side = ?3 AND t.measure = ?4 "
            "AND " +
                trial_counts_sql("t.") +
                " AND (?5 = 0 OR (s.started_utc, s.id) < "
                "(SELECT started_utc, id FROM sessions WHERE id = ?5)) "
                "GROUP BY s.id ORDER BY s.started_utc DESC, s.id DESC LIMIT 1");
    st.bind(1, subject_id);
    st.bind(2, site_id);
    st.bind(3, to_letter(side));
    st.bind(4, to_string(measure));
    st.bind(5, before_session_id);
    if (!st.executeStep()) return std::nullopt;
    PointThreshold p;
    p.subject_id = subject_id;
    p.site_id = site_id;
    p.side = side;
    p.measure = measure;
    p.session_id = st.getColumn(0).getInt64();
    p.session_started_utc = st.getColumn(1).getString();
    p.n = st.getColumn(2).getInt();
    p.mean_kpa = st.getColumn(3).getDouble();
    return p;
}

std::vector<SiteSummary> site_summaries(SQLite::Database& db, RecordId subject_id) {
    SQLite::Statement st(
        db,
        "SELECT s.id, subj.code, s.started_utc, site.key, site.name, t.side, t.measure, " +
            trial_counts_sql("t.") +
            ", t.ppt_kpa FROM trials t JOIN sessions s ON s.id = t.session_id "
            "JOIN subjects subj ON subj.id = s.subject_id JOIN sites site ON site.id = t.site_id "
            "WHERE ?1 = 0 OR s.subject_id = ?1 "
            "ORDER BY subj.code, s.started_utc, s.id, site.key, t.side, t.measure, t.id");
    st.bind(1, subject_id);
    std::vector<SiteSummary> out;
    std::vector<std::vector<double>> values;
    while (st.executeStep()) {
        SiteSummary key;
        key.session_id = st.getColumn(0).getInt64();
        key.subject_code = st.getColumn(1).getString();
        key.session_started_utc = st.getColumn(2).getString();
        key.site_key = st.getColumn(3).getString();
        key.site_name = st.getColumn(4).getString();
        key.side = side_of(st.getColumn(5).getString());
        parse_measure(st.getColumn(6).getString(), key.measure);
        if (out.empty() || out.back().session_id != key.session_id ||
            out.back().site_key != key.site_key || out.back().side != key.side ||
            out.back().measure != key.measure) {
            out.push_back(key);
            values.emplace_back();
        }
        ++out.back().n_all;
        if (st.getColumn(7).getInt() != 0) values.back().push_back(st.getColumn(8).getDouble());
    }
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto& v = values[i];
        SiteSummary& s = out[i];
        s.n = static_cast<int>(v.size());
        if (v.empty()) continue;
        double sum = 0.0;
        s.min_kpa = v.front();
        s.max_kpa = v.front();
        for (double x : v) {
            sum += x;
            s.min_kpa = std::min(s.min_kpa, x);
            s.max_kpa = std::max(s.max_kpa, x);
        }
        s.mean_kpa = sum / static_cast<double>(v.size());
        if (v.size() > 1) {
            double ss = 0.0;
            for (double x : v)
                ss += (x - s.mean_kpa) * (x - s.mean_kpa);
            s.sd_kpa = std::sqrt(ss / static_cast<double>(v.size() - 1));
        }
        if (s.mean_kpa > 0.0) s.cv_pct = s.sd_kpa / s.mean_kpa * 100.0;
    }
    return out;
}

RecordId subject_id_of(SQLite::Database& db, const std::string& code) {
    SQLite::Statement st(db, "SELECT id FROM subjects WHERE code = ?");
    st.bind(1, code);
    return st.executeStep() ? st.getColumn(0).getInt64() : kNoRecord;
}

std::vector<PointThreshold> thresholds_of(SQLite::Database& db, RecordId subject_id,
                                          TrialMeasure measure) {
    // Per point, the newest session that has counted trials there.
    SQLite::Statement st(
        db, "SELECT t.site_id, t.side, s.id, s.started_utc, COUNT(*), AVG(t.ppt_kpa) "
            "FROM trials t JOIN sessions s ON s.id = t.session_id "
            "WHERE s.subject_id = ?1 AND t.measure = ?2 AND " +
                trial_counts_sql("t.") +
                " "
                "GROUP BY t.site_id, t.side, s.id ORDER BY t.site_id, t.side, s.started_utc DESC, "
                "s.id DESC");
    st.bind(1, subject_id);
    st.bind(2, to_string(measure));
    std::vector<PointThreshold> out;
    while (st.executeStep()) {
        const RecordId site_id = st.getColumn(0).getInt64();
        const BodySide side = side_of(st.getColumn(1).getString());
        if (!out.empty() && out.back().site_id == site_id && out.back().side == side) continue;
        PointThreshold p;
        p.subject_id = subject_id;
        p.site_id = site_id;
        p.side = side;
        p.measure = measure;
        p.session_id = st.getColumn(2).getInt64();
        p.session_started_utc = st.getColumn(3).getString();
        p.n = st.getColumn(4).getInt();
        p.mean_kpa = st.getColumn(5).getDouble();
        out.push_back(p);
    }
    return out;
}

} // namespace algocore::storage::queries
