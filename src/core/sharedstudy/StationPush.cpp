#include "algocore/sharedstudy/StationPush.h"

#include <SQLiteCpp/SQLiteCpp.h>

#if defined(_WIN32)
#include <cstdlib>
#else
#include <unistd.h>
#endif

#include <algorithm>
#include <map>

#include "SharedKinds.h"
#include "algocore/WallClock.h"
#include "algocore/sharedstudy/ServerSchema.h"
#include "algocore/storage/SqliteStorage.h"

namespace algocore::sharedstudy {

namespace {

std::string insert_of(const SharedKind& kind) {
    std::string columns = "uuid, station_id, seq";
    std::string values = "$1, $2, $3";
    int n = 3;
    for (const SharedColumn& c : kind.columns) {
        columns += std::string(", ") + c.server;
        values += ", $" + std::to_string(++n);
    }
    return std::string("INSERT INTO algoscope.") + kind.table + " (" + columns + ") VALUES (" +
           values + ") ON CONFLICT (uuid) DO NOTHING";
}

const std::string& cached_insert(const SharedKind& kind) {
    static const std::map<const SharedKind*, std::string> inserts = [] {
        std::map<const SharedKind*, std::string> made;
        for (const SharedKind& k : shared_kinds())
            made[&k] = insert_of(k);
        return made;
    }();
    return inserts.at(&kind);
}

ServerParam param_of(const RecordValue& v, ValueKind kind) {
    if (v.null) return ServerParam::null();
    if (kind == ValueKind::Bytes) return ServerParam::bytes(v.bytes.data(), v.bytes.size());
    return ServerParam::text(v.text);
}

// An audit row the server did not have yet changes the corrected record on the server too, as
// it did on the station; the audit row stays beside it.
ServerError apply_correction(ServerConnection& server, const OutgoingRecord& audit) {
    const std::string& table = audit.values[2].text;
    const std::string& field = audit.values[4].text;
    const RecordValue& row_uuid = audit.values[3];
    const RecordValue& value = audit.values[6];
    const char* column = corrected_column(table, field);
    if (!column || row_uuid.null) return {};
    // The station stores an empty correction as NULL, except for free text.
    const bool clears =
        value.null || (value.text.empty() && field != "notes" && field != "landmark");
    ServerReply r =
        server.exec("UPDATE algoscope." + table + " SET " + column + " = $1 WHERE uuid = $2",
                    {clears ? ServerParam::null() : ServerParam::text(value.text),
                     ServerParam::text(row_uuid.text)});
    return r.error;
}

struct ServerStation {
    std::int64_t id = 0;
    std::int64_t acknowledged_seq = 0;
    std::string acknowledged_uuid;
};

// Locks the station's row for this transaction (a second push of the same station waits),
// registering the station on its first push.
ServerError lock_station(ServerConnection& server, const StationIdentity& station,
                         ServerStation& out) {
    const char* select = "SELECT id, acknowledged_seq, COALESCE(acknowledged_uuid::text, '') "
                         "FROM algoscope.stations WHERE uuid = $1 FOR UPDATE";
    ServerReply found = server.exec(select, {ServerParam::text(station.uuid)});
    if (!found.ok()) return found.error;
    if (found.rows.size() == 0) {
        ServerReply added =
            server.exec("INSERT INTO algoscope.stations (uuid, name) VALUES "
                        "($1, $2)",
                        {ServerParam::text(station.uuid), ServerParam::text(station.name)});
        if (!added.ok()) {
            ServerError e = added.error;
            if (e.sqlstate == "23505")
                e = {ServerProblem::StationClash,
                     "the study already has a station named '" + station.name +
                         "' (another station's file); give this one its own name with "
                         "--station (or in its settings); nothing was sent",
                     e.sqlstate};
            return e;
        }
        found = server.exec(select, {ServerParam::text(station.uuid)});
        if (!found.ok()) return found.error;
    }
    out.id = found.rows.integer(0, 0);
    out.acknowledged_seq = found.rows.integer(0, 1);
    out.acknowledged_uuid = found.rows.text(0, 2);
    return {};
}

// The server's acknowledged record must be the station's record of that number: otherwise the
// file is an older copy (restored from a backup) or another station's copy, and pushing it
// would lose or mix records.
ServerError check_not_behind(StationFile& file, const StationIdentity& station,
                             const ServerStation& on_server) {
    if (on_server.acknowledged_seq == 0) return {};
    const std::int64_t last = file.last_seq();
    if (last < on_server.acknowledged_seq)
        return {ServerProblem::StationBehind,
                "station '" + station.name + "': " + file.path() + " holds records up to " +
                    std::to_string(last) + " but the server has acknowledged " +
                    std::to_string(on_server.acknowledged_seq) +
                    " from this station: the file is an older copy (restored from a backup?); "
                    "nothing was sent and nothing was overwritten",
                {}};
    if (file.uuid_at(on_server.acknowledged_seq) != on_server.acknowledged_uuid)
        return {ServerProblem::StationBehind,
                "station '" + station.name + "': record " +
                    std::to_string(on_server.acknowledged_seq) + " of " + file.path() +
                    " is not the one the server acknowledged from this station: the file is an "
                    "older copy that recorded on, or a copy of another station's file; nothing "
                    "was sent and nothing was overwritten",
                {}};
    return {};
}

void rollback(ServerConnection& server) {
    if (server.connected()) server.exec("ROLLBACK");
}

} // namespace

std::string default_station_name() {
#if defined(_WIN32)
    const char* name = std::getenv("COMPUTERNAME");
    return name && *name ? name : "station";
#else
    char name[256] = {};
    if (::gethostname(name, sizeof name - 1) != 0 || !name[0]) return "station";
    return name;
#endif
}

PushReport push_station(StationFile& file, ServerConnection& server, const PushOptions& options) {
    PushReport report;
    const StudyCheck study = check_study(server);
    if (study.error) {
        report.error = study.error;
        return report;
    }
    report.study = study.study.name;
    try {
        const auto memory = file.sync_memory();
        if (memory && memory->study_uuid != study.study.uuid) {
            report.error = {ServerProblem::WrongStudy,
                            file.path() + " belongs to the study '" + memory->study_name + "' (" +
                                memory->study_uuid + "); " + server.describe() +
                                " holds the study '" + study.study.name + "' (" + study.study.uuid +
                                "): nothing was sent",
                            {}};
            return report;
        }
        auto existing = file.station();
        if (existing && !options.station_name.empty() && existing->name != options.station_name) {
            report.error = {ServerProblem::StationClash,
                            file.path() + " is the station '" + existing->name + "'; --station '" +
                                options.station_name +
                                "' names another (a file is one station): nothing was sent",
                            {}};
            return report;
        }
        const StationIdentity station =
            existing ? *existing
                     : file.make_station(options.station_name.empty() ? default_station_name()
                                                                      : options.station_name);
        report.station = station.name;
        report.acknowledged_seq = memory ? memory->acknowledged_seq : 0;

        for (;;) {
            if (ServerReply begin = server.exec("BEGIN"); !begin.ok()) {
                report.error = begin.error;
                break;
            }
            ServerStation on_server;
            ServerError e = lock_station(server, station, on_server);
            if (!e) e = check_not_behind(file, station, on_server);
            if (e) {
                report.error = e;
                rollback(server);
                break;
            }
            report.acknowledged_seq = on_server.acknowledged_seq;
            const auto batch = file.records_after(on_server.acknowledged_seq, options.batch_records,
                                                  options.batch_bytes);
            if (batch.empty()) {
                server.exec("COMMIT");
                break;
            }
            std::int64_t fresh = 0;
            for (const OutgoingRecord& record : batch) {
                std::vector<ServerParam> params{ServerParam::text(record.uuid),
                                                ServerParam::integer(on_server.id),
                                                ServerParam::integer(record.seq)};
                for (std::size_t i = 0; i < record.values.size(); ++i)
                    params.push_back(param_of(record.values[i], record.kind->columns[i].kind));
                ServerReply added = server.exec(cached_insert(*record.kind), params);
                if (!added.ok()) {
                    e = added.error;
                    e.message = "record " + std::to_string(record.seq) + " (" + record.kind->table +
                                " " + record.uuid + "): " + e.message;
                    break;
                }
                const bool is_new = added.rows.affected() == 1;
                fresh += is_new ? 1 : 0;
                if (is_new && std::string(record.kind->table) == "audit_log")
                    if ((e = apply_correction(server, record))) break;
            }
            if (!e) {
                ServerReply advanced = server.exec(
                    "UPDATE algoscope.stations SET acknowledged_seq = $1, acknowledged_uuid = $2, "
                    "pushed_utc = now() WHERE id = $3",
                    {ServerParam::integer(batch.back().seq), ServerParam::text(batch.back().uuid),
                     ServerParam::integer(on_server.id)});
                if (!advanced.ok()) {
                    e = advanced.error;
                } else if (advanced.rows.affected() != 1) {
                    e = {ServerProblem::PermissionDenied,
                         "the station '" + station.name +
                             "' is registered to another PostgreSQL role; connect as that role",
                         {}};
                }
            }
            if (!e) {
                if (ServerReply commit = server.exec("COMMIT"); !commit.ok()) e = commit.error;
            }
            if (e) {
                report.error = e;
                rollback(server);
                break;
            }
            report.sent += static_cast<std::int64_t>(batch.size());
            report.already_there += static_cast<std::int64_t>(batch.size()) - fresh;
            report.acknowledged_seq = batch.back().seq;
            ++report.batches;
            file.remember_sync(
                {study.study.uuid, study.study.name, report.acknowledged_seq, utc_now_iso8601()});
        }
        if (!report.error && report.sent == 0)
            file.remember_sync(
                {study.study.uuid, study.study.name, report.acknowledged_seq, utc_now_iso8601()});
        report.pending = std::max<std::int64_t>(0, file.last_seq() - report.acknowledged_seq);
    } catch (const SQLite::Exception& e) {
        rollback(server);
        report.error = {ServerProblem::Failed,
                        "reading " + file.path() + " failed: " + e.what() +
                            "; nothing more was sent",
                        {}};
    }
    return report;
}

} // namespace algocore::sharedstudy
