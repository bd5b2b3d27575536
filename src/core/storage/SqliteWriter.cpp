// Inserts of each record kind, and the audited correction: the old value is read and written
// to the audit log in the same transaction as the update, so no edit can lose history.
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <type_traits>

#include "ReactionTestSql.h"
#include "RecordUuid.h"
#include "Schema.h"
#include "SiteMdcSql.h"
#include "SqliteBind.h"
#include "SqliteQueries.h"
#include "TriggerPointFindingsSql.h"
#include "WriteOp.h"
#include "algocore/storage/NameRule.h"
#include "algoinput/JsonText.h"

namespace algocore::storage {

namespace {

void bind_blob(SQLite::Statement& st, int index, const std::vector<std::uint8_t>& blob) {
    st.bind(index, blob.data(), static_cast<int>(blob.size()));
}

// The three trace tables (trial_traces, hold_traces, template_traces) have one shape: the
// owning record's id, the sample count and the encoded samples, written in the owner's
// transaction. One insert for all three, so a change to the trace columns is made once.
void insert_trace(SQLite::Database& db, const char* table, const char* owner_column,
                  RecordId owner_id, std::size_t sample_count,
                  const std::vector<std::uint8_t>& blob) {
    SQLite::Statement trace(db, std::string("INSERT INTO ") + table + " (" + owner_column +
                                    ", sample_count, samples) VALUES (?,?,?)");
    trace.bind(1, owner_id);
    trace.bind(2, static_cast<std::int64_t>(sample_count));
    bind_blob(trace, 3, blob);
    trace.exec();
}

void insert(SQLite::Database& db, const Subject& s) {
    if (const auto taken = queries::find_subject(db, s.code); taken && taken->code != s.code)
        throw SQLite::Exception("the subject code '" + s.code + "' is taken by '" + taken->code +
                                    "' (codes are one without regard to case)",
                                SQLITE_CONSTRAINT);
    SQLite::Statement st(db, "INSERT INTO subjects (id, code, sex, age_band, dominant_side, notes, "
                             "uuid) VALUES (?,?,?,?,?,?,?)");
    st.bind(1, s.id);
    st.bind(2, s.code);
    bind_optional(st, 3, s.sex);
    bind_optional(st, 4, s.age_band);
    if (s.dominant_side) {
        st.bind(5, to_letter(*s.dominant_side));
    } else {
        st.bind(5);
    }
    st.bind(6, s.notes);
    bind_record_uuid(st, 7, s.uuid);
    st.exec();
}

void insert(SQLite::Database& db, const Operator& o) {
    SQLite::Statement st(db, "INSERT INTO operators (id, name, role, uuid) VALUES (?,?,?,?)");
    st.bind(1, o.id);
    st.bind(2, o.name);
    st.bind(3, o.role);
    bind_record_uuid(st, 4, o.uuid);
    st.exec();
}

void insert(SQLite::Database& db, const Site& s) {
    SQLite::Statement st(db, "INSERT INTO sites (id, key, name, region, landmark, paired, front_x, "
                             "front_y, back_x, back_y, dfns, mdc_kpa, builtin, uuid) "
                             "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,0,?)");
    st.bind(1, s.id);
    schema::bind_site_description(st, s, 2);
    bind_record_uuid(st, 13, s.uuid);
    st.exec();
}

void insert(SQLite::Database& db, const Session& s) {
    SQLite::Statement st(db, "INSERT INTO sessions (id, subject_id, operator_id, started_utc, "
                             "device_serial, calibration_id, probe_cm2, notes, uuid) "
                             "VALUES (?,?,?,?,?,?,?,?,?)");
    st.bind(1, s.id);
    st.bind(2, s.subject_id);
    if (s.operator_id != kNoRecord) {
        st.bind(3, s.operator_id);
    } else {
        st.bind(3);
    }
    st.bind(4, s.started_utc);
    st.bind(5, s.device_serial);
    st.bind(6, static_cast<std::int64_t>(s.calibration_id));
    st.bind(7, s.probe_cm2);
    st.bind(8, s.notes);
    bind_record_uuid(st, 9, s.uuid);
    st.exec();
}

void insert(SQLite::Database& db, const TrialWrite& w) {
    const Trial& t = w.trial;
    SQLite::Statement st(
        db, "INSERT INTO trials (id, session_id, site_id, side, measure, trial_index, ppt_kpa, "
            "rate_kpa_s, target_rate_kpa_s, probe_cm2, valid, counted, flags, outcome, preset, "
            "calibration_id, in_corridor_pct, ramp_start_t_s, signal_t_s, peak_kpa, rest_s, uuid, "
            "rate_at_button_kpa_s, presses_while_loaded, clock_zero_utc) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    st.bind(1, t.id);
    st.bind(2, t.session_id);
    st.bind(3, t.site_id);
    st.bind(4, to_letter(t.side));
    st.bind(5, to_string(t.measure));
    st.bind(6, t.index);
    st.bind(7, t.ppt_kpa);
    st.bind(8, t.rate_kpa_s);
    st.bind(9, t.target_rate_kpa_s);
    st.bind(10, t.probe_cm2);
    st.bind(11, t.valid ? 1 : 0);
    st.bind(12, t.counted ? 1 : 0);
    st.bind(13, static_cast<std::int64_t>(t.flags));
    st.bind(14, t.outcome);
    st.bind(15, t.preset);
    st.bind(16, static_cast<std::int64_t>(t.calibration_id));
    st.bind(17, t.in_corridor_pct);
    st.bind(18, t.ramp_start_t_s);
    st.bind(19, t.signal_t_s);
    st.bind(20, t.peak_kpa);
    bind_optional(st, 21, t.rest_s);
    bind_record_uuid(st, 22, t.uuid);
    bind_optional(st, 23, t.rate_at_button_kpa_s);
    if (t.presses_while_loaded)
        st.bind(24, presses_while_loaded_json(*t.presses_while_loaded));
    else
        st.bind(24);
    if (t.clock_zero_utc.empty())
        st.bind(25); // no anchor: the trial's session clock has no wall-clock time
    else
        st.bind(25, t.clock_zero_utc);
    st.exec();
    insert_trace(db, "trial_traces", "trial_id", t.id, w.sample_count, w.blob);
}

std::string step_ups_json(const std::vector<StepUpRecord>& steps) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& s : steps) {
        list.push_back({{"t_prompt_s", s.t_prompt_s},
                        {"t_s", s.t_s},
                        {"before_kpa", s.before_kpa},
                        {"after_kpa", s.after_kpa}});
    }
    return algoinput::json_text(list);
}

// nullopt only for a hold whose losses were not measured (NULL in the column).
std::optional<std::string> signal_losses_json(const HoldMetrics& m) {
    if (!m.signal_losses) return std::nullopt;
    return storage::signal_losses_json(*m.signal_losses);
}

// nullopt only for a hold whose marks were not recorded (NULL in the column).
std::optional<std::string> release_marks_json(const Hold& h) {
    if (!h.release_marks) return std::nullopt;
    return storage::release_marks_json(*h.release_marks);
}

void insert(SQLite::Database& db, const HoldWrite& w) {
    const Hold& h = w.hold;
    const HoldMetrics& m = h.metrics;
    SQLite::Statement st(
        db, "INSERT INTO holds (id, session_id, site_id, side, prescription, band_low_kpa, "
            "band_high_kpa, limit_kpa, target_hold_s, outcome, probe_cm2, calibration_id, "
            "start_t_s, duration_s, time_in_band_s, time_in_band_pct, mean_kpa, median_kpa, "
            "pti_kpa_s, peak_kpa, cv_pct, excursions, overshoots, step_ups, pain_rating, "
            "contact_s, repetition, uuid, signal_losses, release_marks) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    int i = 1;
    st.bind(i++, h.id);
    st.bind(i++, h.session_id);
    st.bind(i++, h.site_id);
    st.bind(i++, to_letter(h.side));
    st.bind(i++, h.prescription);
    st.bind(i++, h.band_low_kpa);
    st.bind(i++, h.band_high_kpa);
    bind_optional(st, i++, h.limit_kpa);
    st.bind(i++, h.target_hold_s);
    st.bind(i++, h.outcome);
    st.bind(i++, h.probe_cm2);
    st.bind(i++, static_cast<std::int64_t>(h.calibration_id));
    st.bind(i++, h.start_t_s);
    st.bind(i++, m.duration_s);
    st.bind(i++, m.time_in_band_s);
    st.bind(i++, m.time_in_band_pct);
    st.bind(i++, m.mean_kpa);
    st.bind(i++, m.median_kpa);
    st.bind(i++, m.pti_kpa_s);
    st.bind(i++, m.peak_kpa);
    st.bind(i++, m.cv_pct);
    st.bind(i++, m.excursions);
    st.bind(i++, m.overshoots);
    st.bind(i++, step_ups_json(h.step_ups));
    bind_optional(st, i++, h.pain_rating_0_10);
    st.bind(i++, m.contact_s);
    st.bind(i++, h.repetition);
    bind_record_uuid(st, i++, h.uuid);
    bind_optional(st, i++, signal_losses_json(m));
    bind_optional(st, i++, release_marks_json(h));
    st.exec();
    insert_trace(db, "hold_traces", "hold_id", h.id, w.sample_count, w.blob);
}

void insert(SQLite::Database& db, const TrainingScore& s) {
    // The student is the session's operator unless the score names one.
    SQLite::Statement st(
        db, "INSERT INTO training_scores (id, session_id, student_id, exercise, feedback, blind, "
            "attempted_utc, constant_error_kpa, absolute_error_kpa, variable_error_kpa, "
            "time_in_band_pct, template_id, plan_id, attempt, samples_compared, time_in_band_s, "
            "uuid) VALUES (?,?,COALESCE(?, (SELECT operator_id FROM sessions WHERE id = ?)),"
            "?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    int i = 1;
    st.bind(i++, s.id);
    if (s.session_id != kNoRecord) {
        st.bind(i++, s.session_id);
    } else {
        st.bind(i++);
    }
    if (s.student_id != kNoRecord) {
        st.bind(i++, s.student_id);
    } else {
        st.bind(i++);
    }
    st.bind(i++, s.session_id);
    st.bind(i++, s.exercise);
    st.bind(i++, s.feedback);
    st.bind(i++, s.blind ? 1 : 0);
    st.bind(i++, s.attempted_utc);
    st.bind(i++, s.constant_error_kpa);
    st.bind(i++, s.absolute_error_kpa);
    st.bind(i++, s.variable_error_kpa);
    st.bind(i++, s.time_in_band_pct);
    bind_optional(st, i++, s.template_id);
    bind_optional(st, i++, s.plan_id);
    bind_optional(st, i++, s.attempt);
    st.bind(i++, s.samples_compared);
    st.bind(i++, s.time_in_band_s);
    bind_record_uuid(st, i++, s.uuid);
    st.exec();
}

void insert(SQLite::Database& db, const TemplateWrite& w) {
    const ExpertTemplate& t = w.expert;
    SQLite::Statement st(db, "INSERT INTO expert_templates (id, session_id, name, kind, "
                             "band_low_kpa, band_high_kpa, recorded_utc, duration_s, uuid) "
                             "VALUES (?,?,?,?,?,?,?,?,?)");
    st.bind(1, t.id);
    st.bind(2, t.session_id);
    st.bind(3, t.name);
    st.bind(4, t.kind);
    bind_optional(st, 5, t.band_low_kpa);
    bind_optional(st, 6, t.band_high_kpa);
    st.bind(7, t.recorded_utc);
    st.bind(8, t.duration_s);
    bind_record_uuid(st, 9, t.uuid);
    st.exec();
    insert_trace(db, "template_traces", "template_id", t.id, w.sample_count, w.blob);
}

void insert(SQLite::Database& db, const TrainingPlan& p) {
    SQLite::Statement st(db, "INSERT INTO training_plans (id, session_id, template_id, schedule, "
                             "started_utc, uuid) VALUES (?,?,?,?,?,?)");
    st.bind(1, p.id);
    st.bind(2, p.session_id);
    st.bind(3, p.template_id);
    st.bind(4, p.schedule);
    st.bind(5, p.started_utc);
    bind_record_uuid(st, 6, p.uuid);
    st.exec();
}

// Finds the subject by code and the operator by name, adding them when new, then the
// session itself: one transaction, so a session never exists without its subject.
void insert(SQLite::Database& db, const SessionOpening& o, const IdSource& next_id) {
    Session session = o.session;
    // "p001" opens P001's session: codes are one without regard to case (NameRule.h).
    if (const auto subject = queries::find_subject(db, o.subject.code)) {
        session.subject_id = subject->id;
    } else {
        Subject added = o.subject;
        added.id = next_id(IdKind::Subject);
        insert(db, added);
        session.subject_id = added.id;
    }
    session.operator_id = kNoRecord;
    if (o.by && !o.by->name.empty()) {
        SQLite::Statement op(db, "SELECT id FROM operators WHERE name = ?");
        op.bind(1, o.by->name);
        if (op.executeStep()) {
            session.operator_id = op.getColumn(0).getInt64();
        } else {
            Operator added = *o.by;
            added.id = next_id(IdKind::Operator);
            insert(db, added);
            session.operator_id = added.id;
        }
    }
    insert(db, session);
}

// Fields a correction may change. Measured values (pressures, rates, traces) are not here:
// what the device measured is never edited, only how it is classified or attributed.
const std::map<std::string, std::set<std::string>>& correctable_fields() {
    static const std::map<std::string, std::set<std::string>> fields = {
        {"trials", {"valid", "counted", "side", "site_id", "excluded_reason"}},
        {"holds", {"pain_rating", "side", "site_id"}},
        {"sessions", {"notes", "operator_id", "device_serial", "calibration_id", "probe_cm2"}},
        {"subjects", {"sex", "age_band", "dominant_side", "notes"}},
        {"sites", {"mdc_kpa", "landmark"}},
    };
    return fields;
}

void insert(SQLite::Database& db, const CorrectionWrite& w) {
    const Correction& c = w.correction;
    // Table and field names come from the whitelist checked at enqueue, never from free text.
    SQLite::Statement old_value(db, "SELECT " + c.field + " FROM " + c.table + " WHERE id = ?");
    old_value.bind(1, c.row_id);
    if (!old_value.executeStep()) {
        throw SQLite::Exception("no " + c.table + " record with id " + std::to_string(c.row_id),
                                SQLITE_CONSTRAINT);
    }
    const SQLite::Column column = old_value.getColumn(0);
    const bool was_null = column.isNull();
    const std::string before = was_null ? std::string{} : column.getString();
    old_value.reset();
    // A correction that changes nothing (excluding an excluded trial twice, a double click)
    // would only add noise to the audit log.
    if (before == c.new_value) {
        throw SQLite::Exception(c.table + " record " + std::to_string(c.row_id) + " already has " +
                                    c.field + " " +
                                    (c.new_value.empty() ? "empty" : "'" + c.new_value + "'"),
                                SQLITE_CONSTRAINT);
    }

    SQLite::Statement audit(db, "INSERT INTO audit_log (who, when_utc, table_name, row_id, field, "
                                "old_value, new_value, reason, uuid) VALUES (?,?,?,?,?,?,?,?,?)");
    audit.bind(1, c.who);
    audit.bind(2, w.when_utc);
    audit.bind(3, c.table);
    audit.bind(4, c.row_id);
    audit.bind(5, c.field);
    if (was_null) {
        audit.bind(6);
    } else {
        audit.bind(6, before);
    }
    audit.bind(7, c.new_value);
    audit.bind(8, c.reason);
    bind_record_uuid(audit, 9, w.audit_uuid);
    audit.exec();

    SQLite::Statement update(db, "UPDATE " + c.table + " SET " + c.field + " = ? WHERE id = ?");
    if (c.new_value.empty() && c.field != "notes" && c.field != "landmark") {
        update.bind(1);
    } else {
        update.bind(1, c.new_value);
    }
    update.bind(2, c.row_id);
    update.exec();
}

} // namespace

void apply_write(SQLite::Database& db, const WriteOp& op, const IdSource& next_id) {
    std::visit(
        [&](const auto& record) {
            if constexpr (std::is_same_v<std::decay_t<decltype(record)>, SessionOpening>) {
                insert(db, record, next_id);
            } else {
                insert(db, record);
            }
        },
        op.record);
}

std::string check_correction(const Correction& c) {
    const auto& fields = correctable_fields();
    const auto table = fields.find(c.table);
    if (table == fields.end()) return "records of table '" + c.table + "' cannot be corrected";
    if (table->second.count(c.field) == 0) {
        return "field '" + c.field + "' of " + c.table + " cannot be corrected";
    }
    if (c.row_id == kNoRecord) return "a correction needs the id of the record";
    if (c.who.empty()) return "a correction needs the name of who makes it";
    if (c.field == "valid" || c.field == "counted") {
        if (c.new_value != "0" && c.new_value != "1") return c.field + " must be 0 or 1";
    }
    if (c.field == "side" || c.field == "dominant_side") {
        BodySide side{};
        if (!(c.new_value.empty() && c.field == "dominant_side") &&
            !(c.new_value.size() == 1 && parse_side(c.new_value, side))) {
            return c.field + " must be L, R or M";
        }
    }
    if (c.field == "pain_rating" && !c.new_value.empty()) {
        const bool digits = c.new_value.find_first_not_of("0123456789") == std::string::npos;
        if (!digits || c.new_value.size() > 2 || std::stoi(c.new_value) > 10) {
            return "pain rating must be a whole number 0 to 10 (empty clears it)";
        }
    }
    return {};
}

} // namespace algocore::storage
