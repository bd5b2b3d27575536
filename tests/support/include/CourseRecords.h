#pragma once
// Finished training attempts as a station pushes them to the shared study (its students, a
// session per number, the scores), written by SQL on a connection as the station's role (or
// the superuser), for the tests of the class's course.
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "algocore/sharedstudy/ServerConnection.h"

namespace algotest {

/// One finished attempt.
struct StoredAttempt {
    const char* student;
    int session; ///< a number of the test's: a session is made on its first use
    const char* t;
    double ce, ae, ve, tib;
};

class CourseRecords {
public:
    /// Pushes `attempts` as the station `station_uuid`'s records; empty, or the first error.
    std::string push(algocore::sharedstudy::ServerConnection& c, const std::string& station_uuid,
                     const std::vector<StoredAttempt>& attempts) {
        using algocore::sharedstudy::ServerParam;
        const std::string station_id =
            "(SELECT id FROM algoscope.stations WHERE uuid = '" + station_uuid + "')";
        const auto run = [&](const std::string& sql, const std::vector<ServerParam>& params) {
            auto reply = c.exec(sql, params);
            return reply.ok() ? std::string() : reply.error.message;
        };
        for (const StoredAttempt& s : attempts) {
            const std::string key = station_uuid + "/" + s.student;
            if (!operators_.count(key)) {
                operators_[key] = uuid();
                if (auto e = run("INSERT INTO algoscope.operators (uuid, station_id, seq, name) "
                                 "VALUES ($1, " +
                                     station_id + ", $2, $3)",
                                 {ServerParam::text(operators_[key]), ServerParam::integer(++seq_),
                                  ServerParam::text(s.student)});
                    !e.empty())
                    return e;
            }
            const std::string session_key = key + "/" + std::to_string(s.session);
            if (!sessions_.count(session_key)) {
                const std::string subject = uuid();
                sessions_[session_key] = uuid();
                if (auto e = run("INSERT INTO algoscope.subjects (uuid, station_id, seq, code) "
                                 "VALUES ($1, " +
                                     station_id + ", $2, $3)",
                                 {ServerParam::text(subject), ServerParam::integer(++seq_),
                                  ServerParam::text("T-" + std::to_string(made_))});
                    !e.empty())
                    return e;
                if (auto e = run("INSERT INTO algoscope.sessions (uuid, station_id, seq, "
                                 "subject_uuid, operator_uuid, started_utc, device_serial, "
                                 "calibration_id, probe_cm2, notes) VALUES ($1, " +
                                     station_id + ", $2, $3, $4, $5, 'SIM', 1, 1.0, '')",
                                 {ServerParam::text(sessions_[session_key]),
                                  ServerParam::integer(++seq_), ServerParam::text(subject),
                                  ServerParam::text(operators_[key]), ServerParam::text(s.t)});
                    !e.empty())
                    return e;
            }
            if (auto e = run(
                    "INSERT INTO algoscope.training_scores (uuid, station_id, seq, session_uuid, "
                    "student_uuid, exercise, feedback, blind, attempted_utc, constant_error_kpa, "
                    "absolute_error_kpa, variable_error_kpa, time_in_band_pct) VALUES ($1, " +
                        station_id +
                        ", $2, $3, $4, 'trapezius 300', 'full', false, $5, $6, $7, $8, $9)",
                    {ServerParam::text(uuid()), ServerParam::integer(++seq_),
                     ServerParam::text(sessions_[session_key]), ServerParam::text(operators_[key]),
                     ServerParam::text(s.t), ServerParam::real(s.ce), ServerParam::real(s.ae),
                     ServerParam::real(s.ve), ServerParam::real(s.tib)});
                !e.empty())
                return e;
        }
        return {};
    }

private:
    std::string uuid() {
        char text[40];
        std::snprintf(text, sizeof text, "0190dddd-0000-7000-8000-%012d", ++made_);
        return text;
    }

    std::map<std::string, std::string> operators_;
    std::map<std::string, std::string> sessions_;
    int made_ = 0;
    long long seq_ = 0;
};

} // namespace algotest
