#pragma once
// What went wrong talking to the shared study's server, as a value: a kind a program can act
// on (retry later, ask for the password, refuse) and one line a person can read.
#include <string>

namespace algocore::sharedstudy {

/// Kinds of failure. None means no failure.
enum class ServerProblem {
    None,
    BadAddress,       ///< the server address cannot be used (syntax, a password in it)
    Unreachable,      ///< no connection (host down, refused, timed out, connection lost)
    Authentication,   ///< the server refused the role or its password
    NoStudy,          ///< the database holds no Algoscope study (run `server init`)
    NewerSchema,      ///< the study's schema is newer than this program knows
    OlderSchema,      ///< the study's schema needs `server init` to be migrated
    WrongStudy,       ///< the station belongs to another study
    StationBehind,    ///< the station's file is older than what the server acknowledged
    StationClash,     ///< another station already uses this name
    PermissionDenied, ///< the role may not do this (row-level security, grants)
    Refused,          ///< a record or request refused (constraint, bad value)
    Failed,           ///< any other server error
};

/// "unreachable", "authentication", ... (for JSON and logs).
const char* to_string(ServerProblem problem);

/// A failure: its kind, one line of text, and PostgreSQL's SQLSTATE when the server sent one.
struct ServerError {
    ServerProblem problem = ServerProblem::None;
    std::string message;
    std::string sqlstate;

    explicit operator bool() const { return problem != ServerProblem::None; }
    /// True for failures that a later retry can cure (the network, a restarting server).
    bool transient() const { return problem == ServerProblem::Unreachable; }
};

} // namespace algocore::sharedstudy
