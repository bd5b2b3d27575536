// Read queries of the stored records (thresholds and training have their own files).
#include "SqliteQueries.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "algocore/protocols/ThresholdSeries.h"
#include "algocore/storage/NameRule.h"
#include "algocore/storage/TraceBlob.h"

namespace algocore::storage::queries {

namespace {

std::optional<std::string> text_or_null(const SQLite::Column& c) {
    if (c.isNull()) return std::nullopt;
    return c.getString();
}

Subject read_subject(SQLite::Statement& st) {
    Subject s;
    s.id = st.getColumn(0).getInt64();
    s.code = st.getColumn(1).getString();
    s.sex = text_or_null(st.getColumn(2));
    s.age_band = text_or_null(st.getColumn(3));
    if (const auto side = text_or_null(st.getColumn(4))) s.dominant_side = side_of(*side);
    s.notes = st.getColumn(5).getString();
    s.uuid = st.getColumn(6).getString();
    return s;
}

Site read_site(SQLite::Statement& st) {
    Site s;
    s.id = st.getColumn(0).getInt64();
    s.key = st.getColumn(1).getString();
    s.name = st.getColumn(2).getString();
    s.region = st.getColumn(3).getString();
    s.landmark = st.getColumn(4).getString();
    s.paired = st.getColumn(5).getInt() != 0;
    if (!st.getColumn(6).isNull()) {
        s.front = BodyMapPoint{st.getColumn(6).getDouble(), st.getColumn(7).getDouble()};
    }
    if (!st.getColumn(8).isNull()) {
        s.back = BodyMapPoint{st.getColumn(8).getDouble(), st.getColumn(9).getDouble()};
    }
    s.dfns = st.getColumn(10).getInt() != 0;
    s.mdc_kpa = st.getColumn(11).getDouble();
    s.builtin = st.getColumn(12).getInt() != 0;
    s.uuid = st.getColumn(13).getString(); // NULL (empty) for built-in sites
    return s;
}

constexpr const char* kSiteColumns =
    "SELECT id, key, name, region, landmark, paired, front_x, front_y, back_x, back_y, dfns, "
    "mdc_kpa, builtin, uuid FROM sites ";

} // namespace

std::string trial_counts_sql(const std::string& alias) {
    return "(" + alias + "counted = 1 AND " + alias + "excluded_reason IS NULL)";
}

std::string trial_columns(const std::string& alias) {
    std::string out;
    for (const std::string c : {"id",
                                "session_id",
                                "site_id",
                                "side",
                                "measure",
                                "trial_index",
                                "ppt_kpa",
                                "rate_kpa_s",
                                "target_rate_kpa_s",
                                "probe_cm2",
                                "valid",
                                "counted",
                                "flags",
                                "outcome",
                                "preset",
                                "calibration_id",
                                "in_corridor_pct",
                                "ramp_start_t_s",
                                "signal_t_s",
                                "peak_kpa",
                                "rest_s",
                                "excluded_reason",
                                "uuid",
                                "rate_at_button_kpa_s",
                                "presses_while_loaded",
                                "clock_zero_utc"})
        out += (out.empty() ? "" : ", ") + (c == "counted" ? trial_counts_sql(alias) : alias + c);
    return out;
}

std::string hold_columns(const std::string& alias) {
    std::string out;
    for (const char* c : {"id",
                          "session_id",
                          "site_id",
                          "side",
                          "prescription",
                          "band_low_kpa",
                          "band_high_kpa",
                          "limit_kpa",
                          "target_hold_s",
                          "outcome",
                          "probe_cm2",
                          "calibration_id",
                          "start_t_s",
                          "duration_s",
                          "time_in_band_s",
                          "time_in_band_pct",
                          "mean_kpa",
                          "median_kpa",
                          "pti_kpa_s",
                          "peak_kpa",
                          "cv_pct",
                          "excursions",
                          "overshoots",
                          "step_ups",
                          "pain_rating",
                          "contact_s",
                          "repetition",
                          "uuid",
                          "signal_losses",
                          "release_marks"})
        out += (out.empty() ? "" : ", ") + alias + c;
    return out;
}

Trial read_trial(SQLite::Statement& st, int first_column) {
    Trial t;
    int i = first_column;
    t.id = st.getColumn(i++).getInt64();
    t.session_id = st.getColumn(i++).getInt64();
    t.site_id = st.getColumn(i++).getInt64();
    t.side = side_of(st.getColumn(i++).getString());
    parse_measure(st.getColumn(i++).getString(), t.measure);
    t.index = st.getColumn(i++).getInt();
    t.ppt_kpa = st.getColumn(i++).getDouble();
    t.rate_kpa_s = st.getColumn(i++).getDouble();
    t.target_rate_kpa_s = st.getColumn(i++).getDouble();
    t.probe_cm2 = st.getColumn(i++).getDouble();
    t.valid = st.getColumn(i++).getInt() != 0;
    t.counted = st.getColumn(i++).getInt() != 0;
    t.flags = static_cast<std::uint32_t>(st.getColumn(i++).getInt64());
    t.outcome = st.getColumn(i++).getString();
    t.preset = st.getColumn(i++).getString();
    t.calibration_id = static_cast<CalibrationId>(st.getColumn(i++).getInt64());
    t.in_corridor_pct = st.getColumn(i++).getDouble();
    t.ramp_start_t_s = st.getColumn(i++).getDouble();
    t.signal_t_s = st.getColumn(i++).getDouble();
    t.peak_kpa = st.getColumn(i++).getDouble();
    if (!st.getColumn(i).isNull()) t.rest_s = st.getColumn(i).getDouble();
    ++i;
    t.excluded_reason = st.getColumn(i++).getString(); // NULL reads as ""
    t.uuid = st.getColumn(i++).getString();
    if (!st.getColumn(i).isNull()) t.rate_at_button_kpa_s = st.getColumn(i).getDouble();
    ++i;
    if (!st.getColumn(i).isNull())
        t.presses_while_loaded = presses_while_loaded_from_json(st.getColumn(i).getString());
    ++i;
    t.clock_zero_utc = st.getColumn(i++).getString(); // NULL (no anchor) reads as ""
    return t;
}

Hold read_hold(SQLite::Statement& st) {
    Hold h;
    int i = 0;
    h.id = st.getColumn(i++).getInt64();
    h.session_id = st.getColumn(i++).getInt64();
    h.site_id = st.getColumn(i++).getInt64();
    h.side = side_of(st.getColumn(i++).getString());
    h.prescription = st.getColumn(i++).getString();
    h.band_low_kpa = st.getColumn(i++).getDouble();
    h.band_high_kpa = st.getColumn(i++).getDouble();
    const SQLite::Column limit = st.getColumn(i++);
    if (!limit.isNull()) h.limit_kpa = limit.getDouble();
    h.target_hold_s = st.getColumn(i++).getDouble();
    h.outcome = st.getColumn(i++).getString();
    h.probe_cm2 = st.getColumn(i++).getDouble();
    h.calibration_id = static_cast<CalibrationId>(st.getColumn(i++).getInt64());
    h.start_t_s = st.getColumn(i++).getDouble();
    HoldMetrics& m = h.metrics;
    m.duration_s = st.getColumn(i++).getDouble();
    m.time_in_band_s = st.getColumn(i++).getDouble();
    m.time_in_band_pct = st.getColumn(i++).getDouble();
    m.mean_kpa = st.getColumn(i++).getDouble();
    m.median_kpa = st.getColumn(i++).getDouble();
    m.pti_kpa_s = st.getColumn(i++).getDouble();
    m.peak_kpa = st.getColumn(i++).getDouble();
    m.cv_pct = st.getColumn(i++).getDouble();
    m.excursions = st.getColumn(i++).getInt();
    m.overshoots = st.getColumn(i++).getInt();
    const auto steps = nlohmann::json::parse(st.getColumn(i++).getString(), nullptr, false);
    if (steps.is_array()) {
        for (const auto& s : steps) {
            h.step_ups.push_back({s.value("t_prompt_s", 0.0), s.value("t_s", 0.0),
                                  s.value("before_kpa", 0.0), s.value("after_kpa", 0.0)});
        }
    }
    const SQLite::Column rating = st.getColumn(i++);
    if (!rating.isNull()) h.pain_rating_0_10 = rating.getInt();
    const SQLite::Column contact = st.getColumn(i++);
    m.contact_s = contact.isNull() ? m.duration_s : contact.getDouble(); // before v4: all
    h.repetition = st.getColumn(i++).getInt();
    h.uuid = st.getColumn(i++).getString();
    const SQLite::Column losses = st.getColumn(i++);
    if (!losses.isNull()) m.signal_losses = signal_losses_from_json(losses.getString());
    const SQLite::Column marks = st.getColumn(i++);
    if (!marks.isNull()) h.release_marks = release_marks_from_json(marks.getString());
    return h;
}

// By its code (NameRule.h): the exact spelling by the unique index, else the oldest subject
// whose code differs only in case (a scan, only when the exact spelling is not stored). A
// file made before codes were one without regard to case may hold both spellings: each
// exact spelling still finds its own subject.
std::optional<Subject> find_subject(SQLite::Database& db, const std::string& code) {
    SQLite::Statement st(db, "SELECT id, code, sex, age_band, dominant_side, notes, uuid "
                             "FROM subjects WHERE code = ?1");
    st.bind(1, code);
    if (st.executeStep()) return read_subject(st);
    SQLite::Statement any_case(db, std::string("SELECT id, code, sex, age_band, dominant_side, "
                                               "notes, uuid FROM subjects WHERE code = ?1 ") +
                                       kSubjectCodeNoCase + " ORDER BY id LIMIT 1");
    any_case.bind(1, code);
    if (!any_case.executeStep()) return std::nullopt;
    return read_subject(any_case);
}

std::vector<Subject> subjects(SQLite::Database& db) {
    std::vector<Subject> out;
    SQLite::Statement st(db, "SELECT id, code, sex, age_band, dominant_side, notes, uuid "
                             "FROM subjects ORDER BY id");
    while (st.executeStep())
        out.push_back(read_subject(st));
    return out;
}

std::optional<Operator> find_operator(SQLite::Database& db, const std::string& name) {
    for (auto& o : operators(db)) {
        if (o.name == name) return o;
    }
    return std::nullopt;
}

std::vector<Operator> operators(SQLite::Database& db) {
    std::vector<Operator> out;
    SQLite::Statement st(db, "SELECT id, name, role, uuid FROM operators ORDER BY id");
    while (st.executeStep()) {
        out.push_back({st.getColumn(0).getInt64(), st.getColumn(1).getString(),
                       st.getColumn(2).getString(), st.getColumn(3).getString()});
    }
    return out;
}

std::optional<Site> find_site(SQLite::Database& db, const std::string& key_or_name) {
    SQLite::Statement st(db, std::string(kSiteColumns) +
                                 "WHERE key = lower(?1) OR lower(name) = lower(?1) "
                                 "OR key = lower(replace(trim(?1), ' ', '_')) LIMIT 1");
    st.bind(1, key_or_name);
    if (!st.executeStep()) return std::nullopt;
    return read_site(st);
}

std::vector<Site> sites(SQLite::Database& db) {
    std::vector<Site> out;
    SQLite::Statement st(db, std::string(kSiteColumns) + "ORDER BY builtin DESC, id");
    while (st.executeStep())
        out.push_back(read_site(st));
    return out;
}

std::vector<Session> sessions(SQLite::Database& db, RecordId subject_id) {
    std::vector<Session> out;
    SQLite::Statement st(db, "SELECT id, subject_id, operator_id, started_utc, device_serial, "
                             "calibration_id, probe_cm2, notes, uuid FROM sessions "
                             "WHERE ?1 = 0 OR subject_id = ?1 ORDER BY started_utc, id");
    st.bind(1, subject_id);
    while (st.executeStep()) {
        Session s;
        s.id = st.getColumn(0).getInt64();
        s.subject_id = st.getColumn(1).getInt64();
        s.operator_id = st.getColumn(2).isNull() ? kNoRecord : st.getColumn(2).getInt64();
        s.started_utc = st.getColumn(3).getString();
        s.device_serial = st.getColumn(4).getString();
        s.calibration_id = static_cast<CalibrationId>(st.getColumn(5).getInt64());
        s.probe_cm2 = st.getColumn(6).getDouble();
        s.notes = st.getColumn(7).getString();
        s.uuid = st.getColumn(8).getString();
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<Trial> trials(SQLite::Database& db, RecordId session_id) {
    std::vector<Trial> out;
    SQLite::Statement st(db, "SELECT " + trial_columns("") +
                                 " FROM trials WHERE ?1 = 0 OR session_id = ?1 ORDER BY id");
    st.bind(1, session_id);
    while (st.executeStep())
        out.push_back(read_trial(st));
    protocols::apply_threshold_rule(out);
    return out;
}

std::vector<Hold> holds(SQLite::Database& db, RecordId session_id) {
    std::vector<Hold> out;
    SQLite::Statement st(db, "SELECT " + hold_columns("") +
                                 " FROM holds WHERE ?1 = 0 OR session_id = ?1 ORDER BY id");
    st.bind(1, session_id);
    while (st.executeStep())
        out.push_back(read_hold(st));
    return out;
}

std::optional<RawTrace> trace(SQLite::Database& db, const char* table, RecordId id) {
    const std::string name = table;
    const std::string key = name == "hold_traces"       ? "hold_id"
                            : name == "template_traces" ? "template_id"
                                                        : "trial_id";
    SQLite::Statement st(db,
                         "SELECT samples FROM " + std::string(table) + " WHERE " + key + " = ?");
    st.bind(1, id);
    if (!st.executeStep()) return std::nullopt;
    const SQLite::Column blob = st.getColumn(0);
    RawTrace out;
    std::string error;
    if (!decode_trace(static_cast<const std::uint8_t*>(blob.getBlob()),
                      static_cast<std::size_t>(blob.getBytes()), out, error)) {
        throw SQLite::Exception(std::string(table) + " " + std::to_string(id) + ": " + error,
                                SQLITE_CORRUPT);
    }
    return out;
}

std::vector<AuditEntry> audit_log(SQLite::Database& db, const std::string& table, RecordId row_id) {
    std::vector<AuditEntry> out;
    SQLite::Statement st(
        db, "SELECT id, who, when_utc, table_name, row_id, field, old_value, "
            "new_value, reason, uuid FROM audit_log WHERE (?1 = '' OR table_name = ?1) "
            "AND (?2 = 0 OR row_id = ?2) ORDER BY id");
    st.bind(1, table);
    st.bind(2, row_id);
    while (st.executeStep()) {
        AuditEntry a;
        a.id = st.getColumn(0).getInt64();
        a.who = st.getColumn(1).getString();
        a.when_utc = st.getColumn(2).getString();
        a.table = st.getColumn(3).getString();
        a.row_id = st.getColumn(4).getInt64();
        a.field = st.getColumn(5).getString();
        a.old_value = st.getColumn(6).getString();
        a.new_value = st.getColumn(7).getString();
        a.reason = st.getColumn(8).getString();
        a.uuid = st.getColumn(9).getString();
        out.push_back(std::move(a));
    }
    return out;
}

RecordId max_id(SQLite::Database& db, const char* table) {
    return db.execAndGet("SELECT COALESCE(MAX(id), 0) FROM " + std::string(table)).getInt64();
}

} // namespace algocore::storage::queries
