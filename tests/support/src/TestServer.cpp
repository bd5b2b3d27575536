#include "TestServer.h"

#include <cstdlib>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>

#include "algocore/sharedstudy/ServerConnection.h"

namespace algotest {

using algocore::sharedstudy::ServerConnection;

namespace {

std::string read_line(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::string line;
    std::getline(in, line);
    return line;
}

std::string quoted_identifier(const std::string& name) {
    return "\"" + name + "\"";
}

} // namespace

TestServer TestServer::from_environment(std::string& error) {
    TestServer server;
    const char* dir = std::getenv("ALGOSCOPE_TEST_SERVER_DIR");
    if (!dir || !*dir) {
        error = "ALGOSCOPE_TEST_SERVER_DIR is not set: run this test through ctest, whose "
                "fixture postgres starts the test server (scripts/pg-test-server.sh)";
        return server;
    }
    return from_state_dir(dir, error);
}

TestServer TestServer::from_state_dir(const std::string& dir, std::string& error) {
    TestServer server;
    server.state_dir_ = dir;
    server.socket_dir_ = read_line(server.state_dir_ + "/socket_dir");
    const std::string port = read_line(server.state_dir_ + "/port");
    if (server.socket_dir_.empty() || port.empty()) {
        error = std::string("no test PostgreSQL server is running (nothing recorded in ") + dir +
                "): the fixture postgres.server.start failed or did not run";
        return server;
    }
    server.port_ = std::stoi(port);
    return server;
}

std::string TestServer::admin_url(const std::string& database) const {
    return url(database, "algoscope_admin");
}

std::string TestServer::url(const std::string& database, const std::string& role) const {
    return "postgresql://" + role + "@/" + database + "?host=" + socket_dir_ +
           "&port=" + std::to_string(port_);
}

std::string TestServer::tcp_url(const std::string& database, const std::string& role) const {
    return "postgresql://" + role + "@127.0.0.1:" + std::to_string(port_) + "/" + database;
}

std::string TestServer::admin_sql(const std::string& database, const std::string& sql) const {
    auto opened = ServerConnection::open(admin_url(database));
    if (!opened.connection) return opened.error.message;
    auto reply = opened.connection->exec(sql);
    return reply.ok() ? std::string{} : reply.error.message;
}

std::string TestServer::recreate_database(const std::string& database) const {
    if (auto e = admin_sql("postgres", "DROP DATABASE IF EXISTS " + quoted_identifier(database) +
                                           " WITH (FORCE)");
        !e.empty())
        return e;
    return admin_sql("postgres", "CREATE DATABASE " + quoted_identifier(database));
}

std::string TestServer::create_login_role(const std::string& role, const std::string& password,
                                          const std::string& group) const {
    std::string sql = "DROP ROLE IF EXISTS " + quoted_identifier(role) + "; CREATE ROLE " +
                      quoted_identifier(role) + " LOGIN PASSWORD '" + password + "'";
    if (!group.empty()) sql += " IN ROLE " + quoted_identifier(group);
    return admin_sql("postgres", sql);
}

void ServerTest::SetUp() {
    std::string error;
    server_ = TestServer::from_environment(error);
    ASSERT_TRUE(error.empty()) << error;
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    const std::string full = std::string(info->test_suite_name()) + "." + info->name();
    std::ostringstream tag;
    tag << std::hex << (std::hash<std::string>{}(full)&0xffffffffffULL);
    database_ = "t_" + tag.str();
    role_prefix_ = "r" + tag.str() + "_";
    ASSERT_EQ(server_.recreate_database(database_), "");
    std::random_device rd;
    temp_ = std::filesystem::temp_directory_path() /
            ("algoscope-server-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(temp_);
    // Passwords only ever come from this file, as they would for a station.
    const std::string pgpass = file("pgpass");
    std::ofstream(pgpass).close();
    std::filesystem::permissions(pgpass, std::filesystem::perms::owner_read |
                                             std::filesystem::perms::owner_write);
    ::setenv("PGPASSFILE", pgpass.c_str(), 1);
    ::unsetenv("PGPASSWORD");
}

void ServerTest::TearDown() {
    std::error_code ec;
    if (!temp_.empty()) std::filesystem::remove_all(temp_, ec);
}

void ServerTest::make_role(const std::string& name, const std::string& password,
                           const std::string& group) {
    ASSERT_EQ(server_.create_login_role(role(name), password, group), "");
    pgpass_lines_ += "*:*:*:" + role(name) + ":" + password + "\n";
    std::ofstream(file("pgpass"), std::ios::trunc) << pgpass_lines_;
}

void ServerTest::admin_sql(const std::string& sql) const {
    const std::string error = server_.admin_sql(database_, sql);
    ASSERT_EQ(error, "") << sql;
}

} // namespace algotest
