// A subject's history in one read. Every statement is keyed on the subject: sessions by
// sessions_by_subject, their trials and holds by trials_by_session and holds_by_session, so
// opening one subject costs the same however many other subjects the database holds. Traces
// are not read here; the history reads one when the user asks for it. The lab's MDC rows come
// along for the sites the subject was measured at.
#include <SQLiteCpp/SQLiteCpp.h>

#include "ReactionTestSql.h"
#include "SiteMdcSql.h"
#include "SqliteQueries.h"
#include "TriggerPointFindingsSql.h"
#include "algocore/protocols/ThresholdSeries.h"

namespace algocore::storage::queries {

std::optional<SubjectRecords> history_of(SQLite::Database& db, const std::string& subject_code) {
    const auto subject = find_subject(db, subject_code);
    if (!subject) return std::nullopt;
    SubjectRecords out;
    out.subject = *subject;
    out.sessions = sessions(db, subject->id);

    SQLite::Statement ops(db, "SELECT DISTINCT o.id, o.name, o.role, o.uuid FROM sessions s "
                              "JOIN operators o ON o.id = s.operator_id WHERE s.subject_id = ?1 "
                              "ORDER BY o.id");
    ops.bind(1, subject->id);
    while (ops.executeStep()) {
        out.operators.push_back({ops.getColumn(0).getInt64(), ops.getColumn(1).getString(),
                                 ops.getColumn(2).getString(), ops.getColumn(3).getString()});
    }

    SQLite::Statement trials(db, "SELECT " + trial_columns("t.") +
                                     " FROM sessions s JOIN trials t ON t.session_id = s.id "
                                     "WHERE s.subject_id = ?1 ORDER BY s.started_utc, s.id, t.id");
    trials.bind(1, subject->id);
    while (trials.executeStep())
        out.trials.push_back(read_trial(trials));
    protocols::apply_threshold_rule(out.trials);

    SQLite::Statement holds(db, "SELECT " + hold_columns("h.") +
                                    " FROM sessions s JOIN holds h ON h.session_id = s.id "
                                    "WHERE s.subject_id = ?1 ORDER BY s.started_utc, s.id, h.id");
    holds.bind(1, subject->id);
    while (holds.executeStep())
        out.holds.push_back(read_hold(holds));

    out.sites = sites(db);
    // Read here, with the trials, so the history's verdicts use the lab's MDC of this very
    // snapshot of the file.
    out.site_mdc = site_mdc_of_subject(db, subject->id);
    out.reaction_tests = reaction_tests_of_subject(db, subject->id);
    out.findings = findings_of_subject(db, subject->id);
    return out;
}

} // namespace algocore::storage::queries
