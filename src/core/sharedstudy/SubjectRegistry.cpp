#include "algocore/sharedstudy/SubjectRegistry.h"

#include <map>
#include <set>

#include "algocore/sharedstudy/ServerSchema.h"

namespace algocore::sharedstudy {

std::string merge_root(const std::vector<SharedSubject>& subjects, const std::string& uuid) {
    std::map<std::string, std::string> into;
    for (const SharedSubject& s : subjects)
        if (s.merged_into) into[s.uuid] = *s.merged_into;
    std::string at = uuid;
    // Merges only join subjects that were not merged themselves, so chains are short and
    // acyclic; the bound guards against a hand-edited table.
    for (std::size_t hops = 0; hops <= subjects.size(); ++hops) {
        const auto next = into.find(at);
        if (next == into.end()) return at;
        at = next->second;
    }
    return at;
}

SubjectList list_subjects(ServerConnection& server) {
    SubjectList list;
    if (StudyCheck check = check_study(server); check.error) {
        list.error = check.error;
        return list;
    }
    ServerReply r =
        server.exec("SELECT s.uuid::text, s.code, st.name, m.kept_uuid::text, "
                    "(SELECT count(*) FROM algoscope.sessions x WHERE x.subject_uuid = s.uuid) "
                    "FROM algoscope.subjects s JOIN algoscope.stations st ON st.id = s.station_id "
                    "LEFT JOIN algoscope.subject_merges m ON m.merged_uuid = s.uuid "
                    "ORDER BY s.code, s.id");
    if (!r.ok()) {
        list.error = r.error;
        return list;
    }
    for (int i = 0; i < r.rows.size(); ++i) {
        SharedSubject s;
        s.uuid = r.rows.text(i, 0);
        s.code = r.rows.text(i, 1);
        s.station = r.rows.text(i, 2);
        if (!r.rows.is_null(i, 3)) s.merged_into = r.rows.text(i, 3);
        s.sessions = static_cast<int>(r.rows.integer(i, 4));
        list.subjects.push_back(std::move(s));
    }
    // A clash: one code, more than one subject once merges are followed.
    std::map<std::string, std::set<std::string>> roots_of_code;
    for (const SharedSubject& s : list.subjects)
        roots_of_code[s.code].insert(merge_root(list.subjects, s.uuid));
    for (SharedSubject& s : list.subjects)
        s.clash = roots_of_code[s.code].size() > 1;
    return list;
}

namespace {

ServerError merge_checked(ServerConnection& server, const std::string& keep,
                          const std::string& other, const std::string& reason) {
    SubjectList list = list_subjects(server);
    if (list.error) return list.error;
    const SharedSubject* kept = nullptr;
    const SharedSubject* merged = nullptr;
    for (const SharedSubject& s : list.subjects) {
        if (s.uuid == keep) kept = &s;
        if (s.uuid == other) merged = &s;
    }
    if (!kept || !merged)
        return {ServerProblem::Refused,
                "no subject with the UUID " + (kept ? other : keep) +
                    " in this study (algoscope-cli subjects --server ADDRESS lists them)",
                {}};
    if (keep == other)
        return {ServerProblem::Refused, "a subject cannot be merged into itself", {}};
    for (const SharedSubject* s : {kept, merged})
        if (s->merged_into)
            return {ServerProblem::Refused,
                    "subject " + s->uuid + " (" + s->code + ", " + s->station +
                        ") was already merged into " + *s->merged_into +
                        "; merge with that one instead",
                    {}};
    ServerReply added =
        server.exec("INSERT INTO algoscope.subject_merges (kept_uuid, merged_uuid, "
                    "reason) VALUES ($1, $2, $3)",
                    {ServerParam::text(keep), ServerParam::text(other), ServerParam::text(reason)});
    if (!added.ok() && added.error.sqlstate == "23505")
        return {ServerProblem::Refused, "subject " + other + " was merged meanwhile", "23505"};
    return added.error;
}

} // namespace

ServerError merge_subjects(ServerConnection& server, const std::string& keep,
                           const std::string& other, const std::string& reason) {
    // Merges are checked and made one at a time, so two people merging A into B and B into A
    // at once cannot make a loop.
    if (ServerReply begin = server.exec("BEGIN"); !begin.ok()) return begin.error;
    ServerError error = server.exec("SELECT pg_advisory_xact_lock(4702300518)").error;
    if (!error) error = merge_checked(server, keep, other, reason);
    if (!error) error = server.exec("COMMIT").error;
    if (error && server.connected()) server.exec("ROLLBACK");
    return error;
}

} // namespace algocore::sharedstudy
