// libpq behind a small value-returning interface. Statements use PQexecParams so every value
// travels as a parameter (never spliced into SQL) and trace blobs go in binary, unescaped.
#include "algocore/sharedstudy/ServerConnection.h"

#include <libpq-fe.h>
#include <poll.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace algocore::sharedstudy {

namespace {

PGconn* pg(void* conn) {
    return static_cast<PGconn*>(conn);
}

// libpq's messages span lines ("connection to server ... failed: FATAL: ..."); a person reads
// one line, so join them.
std::string one_line(const char* text) {
    std::string out;
    bool space = false;
    for (const char* p = text ? text : ""; *p; ++p) {
        if (*p == '\n' || *p == '\r' || *p == '\t' || *p == ' ') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += *p;
    }
    return out;
}

bool contains(const std::string& text, const char* part) {
    return text.find(part) != std::string::npos;
}

ServerProblem problem_of_connect_failure(const std::string& message) {
    if (contains(message, "password authentication failed") ||
        contains(message, "no password supplied") || contains(message, "authentication failed") ||
        (contains(message, "role \"") && contains(message, "does not exist")))
        return ServerProblem::Authentication;
    if (contains(message, "database \"") && contains(message, "does not exist"))
        return ServerProblem::NoStudy;
    return ServerProblem::Unreachable;
}

ServerProblem problem_of_sqlstate(const std::string& state) {
    if (state.rfind("08", 0) == 0 || state == "57P01" || state == "57P02" || state == "57P03")
        return ServerProblem::Unreachable;
    if (state == "42501") return ServerProblem::PermissionDenied;
    if (state.rfind("28", 0) == 0) return ServerProblem::Authentication;
    if (state.rfind("23", 0) == 0 || state.rfind("22", 0) == 0) return ServerProblem::Refused;
    return ServerProblem::Failed;
}

} // namespace

const char* to_string(ServerProblem problem) {
    switch (problem) {
    case ServerProblem::None: return "none";
    case ServerProblem::BadAddress: return "bad_address";
    case ServerProblem::Unreachable: return "unreachable";
    case ServerProblem::Authentication: return "authentication";
    case ServerProblem::NoStudy: return "no_study";
    case ServerProblem::NewerSchema: return "newer_schema";
    case ServerProblem::OlderSchema: return "older_schema";
    case ServerProblem::WrongStudy: return "wrong_study";
    case ServerProblem::StationBehind: return "station_behind";
    case ServerProblem::StationClash: return "station_clash";
    case ServerProblem::PermissionDenied: return "permission_denied";
    case ServerProblem::Refused: return "refused";
    case ServerProblem::Failed: return "failed";
    }
    return "failed";
}

// ---- parameters ---------------------------------------------------------------------------

ServerParam ServerParam::text(std::string value) {
    ServerParam p;
    p.text_ = std::move(value);
    return p;
}

ServerParam ServerParam::bytes(const std::uint8_t* data, std::size_t size) {
    static const std::uint8_t kEmpty = 0;
    ServerParam p;
    p.data_ = data ? data : &kEmpty;
    p.size_ = size;
    return p;
}

ServerParam ServerParam::null() {
    ServerParam p;
    p.null_ = true;
    return p;
}

ServerParam ServerParam::integer(std::int64_t value) {
    return text(std::to_string(value));
}

ServerParam ServerParam::real(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
    return text(buffer);
}

ServerParam ServerParam::boolean(bool value) {
    return text(value ? "true" : "false");
}

const char* ServerParam::value() const {
    if (null_) return nullptr;
    if (data_) return reinterpret_cast<const char*>(data_);
    return text_.c_str();
}

int ServerParam::length() const {
    return data_ ? static_cast<int>(size_) : 0;
}

// ---- rows ---------------------------------------------------------------------------------

struct ServerRows::Result {
    PGresult* result = nullptr;
    ~Result() { PQclear(result); }
};

ServerRows::ServerRows() = default;
ServerRows::~ServerRows() = default;
ServerRows::ServerRows(ServerRows&&) noexcept = default;
ServerRows& ServerRows::operator=(ServerRows&&) noexcept = default;

int ServerRows::size() const {
    return result_ ? PQntuples(result_->result) : 0;
}

bool ServerRows::is_null(int row, int column) const {
    return PQgetisnull(result_->result, row, column) != 0;
}

std::string ServerRows::text(int row, int column) const {
    const char* v = PQgetvalue(result_->result, row, column);
    return std::string(v, static_cast<std::size_t>(PQgetlength(result_->result, row, column)));
}

std::int64_t ServerRows::integer(int row, int column) const {
    return std::strtoll(PQgetvalue(result_->result, row, column), nullptr, 10);
}

double ServerRows::real(int row, int column) const {
    return std::strtod(PQgetvalue(result_->result, row, column), nullptr);
}

bool ServerRows::boolean(int row, int column) const {
    return PQgetvalue(result_->result, row, column)[0] == 't';
}

std::vector<std::uint8_t> ServerRows::bytes(int row, int column) const {
    std::size_t size = 0;
    unsigned char* raw = PQunescapeBytea(
        reinterpret_cast<const unsigned char*>(PQgetvalue(result_->result, row, column)), &size);
    if (!raw) return {};
    std::vector<std::uint8_t> out(raw, raw + size);
    PQfreemem(raw);
    return out;
}

std::int64_t ServerRows::affected() const {
    if (!result_) return 0;
    const char* n = PQcmdTuples(result_->result);
    return n && *n ? std::strtoll(n, nullptr, 10) : 0;
}

// ---- connection ---------------------------------------------------------------------------

ServerError check_server_address(const std::string& address) {
    if (address.empty()) return {ServerProblem::BadAddress, "the server address is empty", {}};
    char* parse_error = nullptr;
    PQconninfoOption* options = PQconninfoParse(address.c_str(), &parse_error);
    if (!options) {
        ServerError error{ServerProblem::BadAddress,
                          "the server address cannot be read: " + one_line(parse_error),
                          {}};
        PQfreemem(parse_error);
        return error;
    }
    bool has_password = false;
    for (PQconninfoOption* o = options; o->keyword; ++o)
        if (std::strcmp(o->keyword, "password") == 0 && o->val && *o->val) has_password = true;
    PQconninfoFree(options);
    if (has_password)
        return {ServerProblem::BadAddress,
                "the server address holds a password; remove it and put the password in "
                "~/.pgpass (or the file PGPASSFILE names)",
                {}};
    return {};
}

ServerOpen ServerConnection::open(const std::string& address) {
    ServerOpen out;
    if (ServerError bad = check_server_address(address)) {
        out.error = bad;
        return out;
    }
    if (const char* env = std::getenv("PGPASSWORD"); env && *env) {
        out.error = {ServerProblem::BadAddress,
                     "PGPASSWORD is set; Algoscope reads server passwords only from ~/.pgpass "
                     "(or the file PGPASSFILE names): unset it",
                     {}};
        return out;
    }
    // Defaults first: the address's own connect_timeout, if any, overrides ours.
    const char* keywords[] = {"connect_timeout", "fallback_application_name", "dbname", nullptr};
    const char* values[] = {"10", "algoscope", address.c_str(), nullptr};
    PGconn* conn = PQconnectdbParams(keywords, values, 1);
    if (!conn) {
        out.error = {ServerProblem::Failed, "out of memory opening a server connection", {}};
        return out;
    }
    if (PQstatus(conn) != CONNECTION_OK) {
        const std::string message = one_line(PQerrorMessage(conn));
        out.error = {problem_of_connect_failure(message), message, {}};
        PQfinish(conn);
        return out;
    }
    // Notices (e.g. "relation already exists, skipping") are not for the user's terminal.
    PQsetNoticeProcessor(
        conn, [](void*, const char*) {}, nullptr);
    out.connection.reset(new ServerConnection(conn, address));
    return out;
}

ServerConnection::ServerConnection(void* conn, std::string address)
    : conn_(conn), address_(std::move(address)) {}

ServerConnection::~ServerConnection() {
    PQfinish(pg(conn_));
}

ServerError ServerConnection::wait_for_notifications(std::chrono::milliseconds timeout,
                                                     std::vector<ServerNotification>& out) {
    PGconn* conn = pg(conn_);
    const auto take = [&] {
        std::size_t taken = 0;
        while (PGnotify* n = PQnotifies(conn)) {
            out.push_back({n->relname ? n->relname : "", n->extra ? n->extra : ""});
            PQfreemem(n);
            ++taken;
        }
        return taken;
    };
    const auto lost = [&] {
        return ServerError{ServerProblem::Unreachable,
                           "the connection to the server was lost: " +
                               one_line(PQerrorMessage(conn)),
                           {}};
    };
    if (PQstatus(conn) != CONNECTION_OK) return lost();
    if (take() > 0) return {};
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        pollfd fd{PQsocket(conn), POLLIN, 0};
        if (fd.fd < 0) return lost();
        const int ready = ::poll(&fd, 1, static_cast<int>(std::max<long long>(0, left.count())));
        if (ready < 0 && errno != EINTR) return lost();
        if (ready > 0) {
            // A closed socket reads as ready; consuming it then fails or drops the status.
            if (PQconsumeInput(conn) == 0 || PQstatus(conn) != CONNECTION_OK) return lost();
            if (take() > 0) return {};
        }
        if (std::chrono::steady_clock::now() >= deadline) return {};
    }
}

bool ServerConnection::connected() const {
    return PQstatus(pg(conn_)) == CONNECTION_OK;
}

std::string ServerConnection::describe() const {
    const char* host = PQhost(pg(conn_));
    const char* port = PQport(pg(conn_));
    return std::string("database ") + PQdb(pg(conn_)) + " on " + (host ? host : "") + ":" +
           (port ? port : "");
}

ServerError ServerConnection::error_of(const void* result) const {
    const PGresult* r = static_cast<const PGresult*>(result);
    const ExecStatusType status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return {};
    ServerError error;
    const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    const char* primary = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    error.sqlstate = state ? state : "";
    error.message = one_line(primary ? primary : PQerrorMessage(pg(conn_)));
    error.problem = problem_of_sqlstate(error.sqlstate);
    if (PQstatus(pg(conn_)) != CONNECTION_OK) error.problem = ServerProblem::Unreachable;
    if (error.message.empty()) error.message = "the server did not answer";
    return error;
}

ServerReply ServerConnection::exec(const std::string& sql) {
    ServerReply reply;
    PGresult* result = PQexec(pg(conn_), sql.c_str());
    reply.error = error_of(result);
    reply.rows.result_ = std::make_unique<ServerRows::Result>();
    reply.rows.result_->result = result;
    return reply;
}

ServerReply ServerConnection::exec(const std::string& sql, const std::vector<ServerParam>& params) {
    std::vector<const char*> values;
    std::vector<int> lengths;
    std::vector<int> formats;
    values.reserve(params.size());
    for (const ServerParam& p : params) {
        values.push_back(p.value());
        lengths.push_back(p.length());
        formats.push_back(p.is_binary() ? 1 : 0);
    }
    ServerReply reply;
    PGresult* result = PQexecParams(pg(conn_), sql.c_str(), static_cast<int>(params.size()),
                                    nullptr, values.data(), lengths.data(), formats.data(), 0);
    reply.error = error_of(result);
    reply.rows.result_ = std::make_unique<ServerRows::Result>();
    reply.rows.result_->result = result;
    return reply;
}

} // namespace algocore::sharedstudy
