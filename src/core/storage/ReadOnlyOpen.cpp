#include "ReadOnlyOpen.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdio>
#include <filesystem>

namespace algocore::storage {

namespace {

// "file:" URI of a path, with the characters a URI gives meaning to percent-encoded.
std::string file_uri(const std::string& path) {
    std::string uri = "file:";
    char code[4];
    for (unsigned char c : path) {
        if (c == '%' || c == '?' || c == '#' || c < 0x21 || c > 0x7E) {
            std::snprintf(code, sizeof code, "%%%02X", c);
            uri += code;
        } else {
            uri += static_cast<char>(c);
        }
    }
    return uri;
}

} // namespace

std::string reopen_immutable_when_unreadable(std::unique_ptr<SQLite::Database>& db,
                                             const std::string& path, int busy_timeout_ms) {
    // A WAL database on read-only media (a CD, a write-protected stick, a folder we may not
    // write) cannot be opened even for reading: SQLite needs to create its -shm file. An
    // export opens it as immutable instead; what is only in a leftover -wal file (records
    // of a program that did not close the file) cannot be read that way, and we say so.
    try {
        db->execAndGet("SELECT count(*) FROM sqlite_master");
        return {};
    } catch (const SQLite::Exception&) {
    }
    db.reset();
    db = std::make_unique<SQLite::Database>(
        file_uri(path) + "?immutable=1", SQLite::OPEN_READONLY | SQLite::OPEN_URI, busy_timeout_ms);
    std::error_code ec;
    const auto wal_bytes = std::filesystem::file_size(path + "-wal", ec);
    if (!ec && wal_bytes > 0)
        return "opened read-only as immutable; its write-ahead log " + path + "-wal (" +
               std::to_string(wal_bytes) +
               " bytes) cannot be read there, so the latest records "
               "may be missing: copy the database with its -wal file to a writable folder";
    return {};
}

} // namespace algocore::storage
