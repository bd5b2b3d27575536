#pragma once
// One connection to the shared study's PostgreSQL server, through libpq (the C API), used by
// one thread at a time. Every call returns a value saying what happened; nothing throws. The
// server address is a libpq connection string or a postgresql:// URI; it never carries a
// password (libpq reads it from ~/.pgpass or PGPASSFILE), and sslmode in it is honoured.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "algocore/sharedstudy/ServerError.h"

namespace algocore::sharedstudy {

/// One query parameter: text (PostgreSQL parses it), raw bytes sent in binary (bytea, no
/// escaping, no copy), or NULL.
class ServerParam {
public:
    static ServerParam text(std::string value);
    static ServerParam bytes(const std::uint8_t* data, std::size_t size);
    static ServerParam null();
    static ServerParam integer(std::int64_t value);
    static ServerParam real(double value); ///< round-trips every double exactly
    static ServerParam boolean(bool value);
    template <typename T> static ServerParam optional(const std::optional<T>& value) {
        if (!value) return null();
        if constexpr (std::is_same_v<T, std::string>) {
            return text(*value);
        } else if constexpr (std::is_floating_point_v<T>) {
            return real(*value);
        } else {
            return integer(*value);
        }
    }

    bool is_null() const { return null_; }
    bool is_binary() const { return data_ != nullptr; }
    const char* value() const;
    int length() const;

private:
    std::string text_;
    const std::uint8_t* data_ = nullptr;
    std::size_t size_ = 0;
    bool null_ = false;
};

/// The rows a statement returned (text format), readable by row and column.
class ServerRows {
public:
    ServerRows();
    ~ServerRows();
    ServerRows(ServerRows&&) noexcept;
    ServerRows& operator=(ServerRows&&) noexcept;

    int size() const;
    bool is_null(int row, int column) const;
    std::string text(int row, int column) const;
    std::int64_t integer(int row, int column) const;
    double real(int row, int column) const;
    bool boolean(int row, int column) const;
    /// A bytea column, decoded from its text form.
    std::vector<std::uint8_t> bytes(int row, int column) const;
    /// Rows changed by an INSERT/UPDATE (0 for ON CONFLICT DO NOTHING that skipped).
    std::int64_t affected() const;

private:
    friend class ServerConnection;
    struct Result;
    std::unique_ptr<Result> result_;
};

/// A statement's rows, or why it failed.
struct ServerReply {
    ServerRows rows;
    ServerError error;
    bool ok() const { return !error; }
};

/// A notification (NOTIFY) received on a channel this connection listens to.
struct ServerNotification {
    std::string channel;
    std::string payload;
};

class ServerConnection;

/// An open connection, or why there is none.
struct ServerOpen {
    std::unique_ptr<ServerConnection> connection;
    ServerError error;
};

class ServerConnection {
public:
    /// Connects (10 s timeout unless the address sets connect_timeout). Refuses an address
    /// with a password in it and a set PGPASSWORD before trying.
    static ServerOpen open(const std::string& address);
    ~ServerConnection();
    ServerConnection(const ServerConnection&) = delete;
    ServerConnection& operator=(const ServerConnection&) = delete;

    /// One or more statements without parameters.
    ServerReply exec(const std::string& sql);
    /// One statement with parameters ($1, $2, ...).
    ServerReply exec(const std::string& sql, const std::vector<ServerParam>& params);
    /// Waits up to `timeout` for notifications on the channels this connection LISTENs to and
    /// appends those that arrived (none when the time ran out); an error when the connection
    /// is lost. Notifications that arrived during earlier statements are returned at once.
    ServerError wait_for_notifications(std::chrono::milliseconds timeout,
                                       std::vector<ServerNotification>& out);
    /// Whether the connection is still up (a failed statement may have lost it).
    bool connected() const;
    /// The address as given, for messages (it holds no password).
    const std::string& address() const { return address_; }
    /// "database algoscope on /tmp/pg:54329" for messages.
    std::string describe() const;

private:
    ServerConnection(void* conn, std::string address);
    ServerError error_of(const void* result) const;
    void* conn_; // PGconn
    std::string address_;
};

/// Empty when the address can be used; else why not (unparseable, holds a password).
ServerError check_server_address(const std::string& address);

} // namespace algocore::sharedstudy
