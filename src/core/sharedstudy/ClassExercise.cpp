#include "algocore/sharedstudy/ClassExercise.h"

#include "algocore/storage/TraceBlob.h"

namespace algocore::sharedstudy {

ClassFound find_class(ServerConnection& server, const std::string& name) {
    ClassFound found;
    ServerReply r =
        server.exec("SELECT id FROM algoscope.classes WHERE name = $1", {ServerParam::text(name)});
    if (!r.ok()) {
        found.error = r.error;
    } else if (r.rows.size() == 0) {
        found.error = {ServerProblem::Refused,
                       "the study has no class named '" + name +
                           "' (a teacher makes it with algoscope-cli class assign)",
                       {}};
    } else {
        found.id = r.rows.integer(0, 0);
    }
    return found;
}

ClassFound assign_exercise(ServerConnection& server, const std::string& class_name,
                           const std::string& template_uuid, const std::string& schedule_json) {
    ClassFound out;
    if (class_name.empty()) {
        out.error = {ServerProblem::Refused, "the class needs a name", {}};
        return out;
    }
    // One statement, so a class made here and its first exercise commit together; two teachers
    // making the same class at once both end up assigning to the one that exists.
    ServerReply r =
        server.exec("WITH made AS (INSERT INTO algoscope.classes (name) VALUES ($1::text) "
                    "ON CONFLICT (name) DO NOTHING RETURNING id), "
                    "class AS (SELECT id FROM made UNION ALL "
                    "SELECT id FROM algoscope.classes WHERE name = $1) "
                    "INSERT INTO algoscope.class_exercises (class_id, template_uuid, schedule) "
                    "SELECT id, $2::uuid, $3::text FROM class LIMIT 1 RETURNING class_id",
                    {ServerParam::text(class_name), ServerParam::text(template_uuid),
                     ServerParam::text(schedule_json)});
    if (!r.ok()) {
        out.error = r.error;
        if (out.error.problem == ServerProblem::PermissionDenied)
            out.error.message = "only a teacher's role (member of algoscope_teacher) hands out "
                                "exercises (" +
                                out.error.message + ")";
        else if (out.error.sqlstate == "23503")
            out.error.message = "the template " + template_uuid + " is not on the server";
        return out;
    }
    if (r.rows.size() != 1) {
        out.error = {ServerProblem::Failed, "the class '" + class_name + "' was not made", {}};
        return out;
    }
    out.id = r.rows.integer(0, 0);
    return out;
}

ClassExerciseRead read_current_exercise(ServerConnection& server, const std::string& class_name) {
    ClassExerciseRead out;
    const ClassFound found = find_class(server, class_name);
    if (found.error) {
        out.error = found.error;
        return out;
    }
    ServerReply r = server.exec(
        "SELECT e.template_uuid::text, t.name, t.kind, t.band_low_kpa, t.band_high_kpa, "
        "e.schedule, t.samples FROM algoscope.class_exercises e "
        "JOIN algoscope.expert_templates t ON t.uuid = e.template_uuid "
        "WHERE e.class_id = $1 ORDER BY e.id DESC LIMIT 1",
        {ServerParam::integer(found.id)});
    if (!r.ok()) {
        out.error = r.error;
        return out;
    }
    if (r.rows.size() == 0) {
        out.error = {ServerProblem::Refused,
                     "the class '" + class_name + "' has no exercise yet (the teacher assigns one)",
                     {}};
        return out;
    }
    ClassExercise e;
    e.class_id = found.id;
    e.template_uuid = r.rows.text(0, 0);
    e.name = r.rows.text(0, 1);
    e.kind = r.rows.text(0, 2);
    if (!r.rows.is_null(0, 3)) e.band_low_kpa = r.rows.real(0, 3);
    if (!r.rows.is_null(0, 4)) e.band_high_kpa = r.rows.real(0, 4);
    e.schedule = r.rows.text(0, 5);
    std::string error;
    const std::vector<std::uint8_t> blob =
        r.rows.is_null(0, 6) ? std::vector<std::uint8_t>{} : r.rows.bytes(0, 6);
    if (blob.empty() || !storage::decode_trace(blob.data(), blob.size(), e.trace, error)) {
        out.error = {ServerProblem::Failed,
                     "the template of the class '" + class_name +
                         "' cannot be read from the server: " +
                         (blob.empty() ? std::string("it has no samples") : error),
                     {}};
        return out;
    }
    out.exercise = std::move(e);
    return out;
}

} // namespace algocore::sharedstudy
