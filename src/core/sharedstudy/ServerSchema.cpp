// Creating and migrating the study on the server (the SQL of each version is in
// ServerMigrations.cpp): one transaction, serialised with an advisory lock, a newer schema or a
// schema named algoscope that is not ours refused untouched.
#include "algocore/sharedstudy/ServerSchema.h"

#include "ServerMigrations.h"

namespace algocore::sharedstudy {

namespace {

// Two `server init` at once must not both create the schema: one waits for the other.
constexpr const char* kInitLock = "SELECT pg_advisory_xact_lock(4702300517)";

ServerError read_identity(ServerConnection& server, StudyIdentity& out) {
    ServerReply r = server.exec("SELECT uuid, name, schema_version FROM algoscope.study");
    if (!r.ok()) return r.error;
    if (r.rows.size() != 1)
        return {ServerProblem::NoStudy, "the study's identity row is missing", {}};
    out.uuid = r.rows.text(0, 0);
    out.name = r.rows.text(0, 1);
    out.schema_version = static_cast<int>(r.rows.integer(0, 2));
    return {};
}

// Whether the study's table exists, and whether a schema named algoscope does (one without
// the other is someone else's schema).
ServerReply probe(ServerConnection& server) {
    return server.exec("SELECT to_regclass('algoscope.study') IS NOT NULL, "
                       "EXISTS (SELECT FROM pg_namespace WHERE nspname = 'algoscope')");
}

ServerError fail(StudyInit& init, ServerError error, ServerConnection& server) {
    server.exec("ROLLBACK");
    init.error = std::move(error);
    return init.error;
}

} // namespace

StudyInit init_study(ServerConnection& server, const std::string& study_name) {
    StudyInit init;
    if (ServerReply roles = server.exec(kServerGroupRoles); !roles.ok()) {
        init.error = roles.error;
        if (init.error.problem == ServerProblem::PermissionDenied)
            init.error.message = "creating the roles algoscope_station and algoscope_reader "
                                 "needs a role with CREATEROLE (" +
                                 init.error.message + ")";
        return init;
    }
    if (ServerReply begin = server.exec("BEGIN"); !begin.ok()) {
        init.error = begin.error;
        return init;
    }
    if (ServerReply lock = server.exec(kInitLock); !lock.ok()) {
        fail(init, lock.error, server);
        return init;
    }
    ServerReply found = probe(server);
    if (!found.ok()) {
        fail(init, found.error, server);
        return init;
    }
    const bool has_study = found.rows.boolean(0, 0);
    const bool has_schema = found.rows.boolean(0, 1);
    if (!has_study && has_schema) {
        fail(init,
             {ServerProblem::NoStudy,
              "this database has a schema named algoscope that is not an Algoscope study; it "
              "was left unchanged",
              {}},
             server);
        return init;
    }
    int version = 0;
    if (has_study) {
        if (ServerError e = read_identity(server, init.study)) {
            fail(init, e, server);
            return init;
        }
        version = init.study.schema_version;
        if (version > kServerSchemaVersion) {
            fail(init,
                 {ServerProblem::NewerSchema,
                  "the study's schema is version " + std::to_string(version) +
                      ", newer than this Algoscope knows (" + std::to_string(kServerSchemaVersion) +
                      "); update Algoscope, nothing was changed",
                  {}},
                 server);
            return init;
        }
    }
    init.from_version = version;
    for (int next = version + 1; next <= kServerSchemaVersion; ++next) {
        if (ServerReply step = server.exec(server_migration_sql(next)); !step.ok()) {
            ServerError e = step.error;
            e.message = "creating version " + std::to_string(next) +
                        " of the study's schema "
                        "failed: " +
                        e.message;
            fail(init, e, server);
            return init;
        }
    }
    ServerReply stamp =
        version == 0 ? server.exec("INSERT INTO algoscope.study (uuid, name, schema_version) "
                                   "VALUES (gen_random_uuid(), $1, $2)",
                                   {ServerParam::text(study_name),
                                    ServerParam::integer(kServerSchemaVersion)})
                     : server.exec("UPDATE algoscope.study SET schema_version = $1",
                                   {ServerParam::integer(kServerSchemaVersion)});
    if (!stamp.ok()) {
        fail(init, stamp.error, server);
        return init;
    }
    if (ServerError e = read_identity(server, init.study)) {
        fail(init, e, server);
        return init;
    }
    if (ServerReply commit = server.exec("COMMIT"); !commit.ok()) init.error = commit.error;
    return init;
}

StudyCheck check_study(ServerConnection& server) {
    StudyCheck check;
    ServerReply found = probe(server);
    if (!found.ok()) {
        check.error = found.error;
        return check;
    }
    if (!found.rows.boolean(0, 0)) {
        check.error = {ServerProblem::NoStudy,
                       server.describe() + " holds no Algoscope study (create it with "
                                           "algoscope-cli server init --server ADDRESS)",
                       {}};
        return check;
    }
    if (ServerError e = read_identity(server, check.study)) {
        check.error = e;
        return check;
    }
    const int version = check.study.schema_version;
    if (version > kServerSchemaVersion) {
        check.error = {ServerProblem::NewerSchema,
                       "the study's schema is version " + std::to_string(version) +
                           ", newer than this Algoscope knows (" +
                           std::to_string(kServerSchemaVersion) + "); update Algoscope",
                       {}};
    } else if (version < kServerSchemaVersion) {
        check.error = {ServerProblem::OlderSchema,
                       "the study's schema is version " + std::to_string(version) +
                           ", older than this Algoscope writes (" +
                           std::to_string(kServerSchemaVersion) +
                           "); migrate it with algoscope-cli server init --server ADDRESS",
                       {}};
    }
    return check;
}

} // namespace algocore::sharedstudy
