#pragma once
// The real PostgreSQL server the shared-study tests run against, started by ctest's fixture
// `postgres` (scripts/pg-test-server.sh; its state folder is in ALGOSCOPE_TEST_SERVER_DIR).
// A test derived from ServerTest gets its own fresh database and role names, and FAILS (never
// skips) when no server is there.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace algotest {

/// The running test server.
class TestServer {
public:
    /// Reads the state folder; empty error when a server is recorded there.
    static TestServer from_environment(std::string& error);
    /// The server recorded in a state folder of scripts/pg-test-server.sh.
    static TestServer from_state_dir(const std::string& dir, std::string& error);

    /// The superuser's address of a database over the Unix socket.
    std::string admin_url(const std::string& database) const;
    /// A role's address of a database over the Unix socket (password from PGPASSFILE).
    std::string url(const std::string& database, const std::string& role) const;
    /// The same over TCP on 127.0.0.1.
    std::string tcp_url(const std::string& database, const std::string& role) const;
    /// Runs SQL as the superuser; empty, or the error.
    std::string admin_sql(const std::string& database, const std::string& sql) const;
    /// Drops and creates a database.
    std::string recreate_database(const std::string& database) const;
    /// Creates (or resets) a login role with a password, member of `group` when not empty.
    std::string create_login_role(const std::string& role, const std::string& password,
                                  const std::string& group) const;

    const std::string& state_dir() const { return state_dir_; }
    const std::string& socket_dir() const { return socket_dir_; }
    int port() const { return port_; }

private:
    std::string state_dir_;
    std::string socket_dir_;
    int port_ = 0;
};

/// A test on its own database of the test server; roles it makes start with role_prefix().
class ServerTest : public ::testing::Test {
protected:
    void SetUp() override;
    void TearDown() override;

    /// A name for this test's roles: role_prefix() + name.
    std::string role(const std::string& name) const { return role_prefix_ + name; }
    /// Makes a login role (member of group when given) and adds its password to PGPASSFILE.
    void make_role(const std::string& name, const std::string& password,
                   const std::string& group = {});
    /// The superuser's address of this test's database.
    std::string admin_url() const { return server_.admin_url(database_); }
    /// A role's address of this test's database (the role made with make_role(name)).
    std::string url_as(const std::string& name) const { return server_.url(database_, role(name)); }
    /// SQL as the superuser in this test's database; fails the test on error.
    void admin_sql(const std::string& sql) const;
    /// A file in this test's temporary folder.
    std::string file(const std::string& name) const { return (temp_ / name).string(); }

    TestServer server_;
    std::string database_;
    std::string role_prefix_;
    std::filesystem::path temp_;

private:
    std::string pgpass_lines_;
};

} // namespace algotest
