#include "algocore/export/StudyFilter.h"

#include <algorithm>
#include <set>

#include "algocore/history/SessionReactionTime.h"

namespace algocore::exporting {

using records::RecordId;

bool StudyFilter::keeps(const records::Session& session, const std::string& code) const {
    if (subject_code && code != *subject_code) return false;
    if (session_id && session.id != *session_id) return false;
    // ISO 8601 dates compare as text; the day is the first ten characters.
    const std::string day = session.started_utc.substr(0, 10);
    if (from_date && day < *from_date) return false;
    if (to_date && day > *to_date) return false;
    return true;
}

namespace {
// The reaction time every session's thresholds are adjusted with, from the whole study (a
// test of an earlier visit applies to a later one).
std::map<RecordId, double> reaction_times(const records::StudyData& data) {
    std::map<RecordId, double> out;
    if (data.reaction_tests.empty()) return out;
    for (const records::Session& s : data.sessions)
        if (const auto ms = history::reaction_ms_for(data.reaction_tests, data.sessions, s.id))
            out[s.id] = *ms;
    return out;
}
} // namespace

records::StudyData filter_study(const records::StudyData& data, const StudyFilter& filter) {
    if (filter.selects_everything()) {
        records::StudyData all = data;
        all.reaction_ms_by_session = reaction_times(data);
        return all;
    }
    records::StudyData out;
    const std::map<RecordId, double> reaction_ms = reaction_times(data);
    // The site library and the lab's own MDCs belong to no session: they come whole, so the
    // verdicts of whatever was kept can be checked against the MDC that judged them.
    out.sites = data.sites;
    out.site_mdc = data.site_mdc;
    std::set<RecordId> sessions, subjects, operators, templates, trials, holds, plans;
    for (const records::Session& s : data.sessions) {
        const records::Subject* subject = data.subject(s.subject_id);
        if (!filter.keeps(s, subject ? subject->code : std::string())) continue;
        out.sessions.push_back(s);
        sessions.insert(s.id);
        subjects.insert(s.subject_id);
        operators.insert(s.operator_id);
    }
    const auto kept = [&](RecordId session_id) { return sessions.count(session_id) > 0; };
    for (const auto& t : data.trials)
        if (kept(t.session_id)) out.trials.push_back(t), trials.insert(t.id);
    for (const auto& h : data.holds)
        if (kept(h.session_id)) out.holds.push_back(h), holds.insert(h.id);
    for (const auto& r : data.reaction_tests)
        if (kept(r.session_id)) out.reaction_tests.push_back(r);
    for (const auto& f : data.findings)
        if (kept(f.session_id)) out.findings.push_back(f);
    for (const auto& [session_id, ms] : reaction_ms)
        if (kept(session_id)) out.reaction_ms_by_session[session_id] = ms;
    for (const auto& s : data.training_scores)
        if (kept(s.session_id)) out.training_scores.push_back(s), operators.insert(s.student_id);
    for (const auto& p : data.training_plans)
        if (kept(p.session_id)) out.training_plans.push_back(p), plans.insert(p.id);
    // A template recorded in another session still belongs to the plans that use it.
    for (const auto& p : out.training_plans)
        templates.insert(p.template_id);
    for (const auto& t : data.templates)
        if (kept(t.session_id) || templates.count(t.id)) out.templates.push_back(t);
    for (const auto& s : data.subjects)
        if (subjects.count(s.id)) out.subjects.push_back(s);
    for (const auto& o : data.operators)
        if (operators.count(o.id)) out.operators.push_back(o);
    for (const auto& a : data.audit_log) {
        const bool keep = (a.table == "sessions" && sessions.count(a.row_id)) ||
                          (a.table == "trials" && trials.count(a.row_id)) ||
                          (a.table == "holds" && holds.count(a.row_id)) ||
                          (a.table == "subjects" && subjects.count(a.row_id));
        if (keep) out.audit_log.push_back(a);
    }
    return out;
}

std::vector<records::SiteSummary> filter_summaries(const std::vector<records::SiteSummary>& all,
                                                   const records::StudyData& filtered) {
    std::vector<records::SiteSummary> out;
    for (const auto& s : all)
        if (filtered.session(s.session_id)) out.push_back(s);
    return out;
}

} // namespace algocore::exporting
