// The libpq wrapper on a real server: values travel exactly (every byte of a blob, every bit
// of a double), passwords come only from PGPASSFILE, and each failure is a kind and one line.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>

#include "TestServer.h"
#include "algocore/sharedstudy/ServerConnection.h"

namespace {

using namespace algocore::sharedstudy;
using algotest::ServerTest;

class ServerConnectionTest : public ServerTest {
protected:
    std::unique_ptr<ServerConnection> connect(const std::string& address) {
        ServerOpen opened = ServerConnection::open(address);
        EXPECT_FALSE(opened.error) << opened.error.message;
        return std::move(opened.connection);
    }
};

// A TCP port on 127.0.0.1 that nothing listens on: bound, read, closed.
int closed_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    ::close(fd);
    return ntohs(address.sin_port);
}

TEST_F(ServerConnectionTest, BinaryParametersCarryEveryByteOfABlob) {
    auto server = connect(admin_url());
    ASSERT_TRUE(server);
    ASSERT_TRUE(server->exec("CREATE TABLE blobs (b bytea)").ok());
    std::vector<std::uint8_t> blob;
    for (int round = 0; round < 3; ++round)
        for (int v = 0; v < 256; ++v)
            blob.push_back(static_cast<std::uint8_t>(v));
    auto inserted = server->exec("INSERT INTO blobs VALUES ($1)",
                                 {ServerParam::bytes(blob.data(), blob.size())});
    ASSERT_TRUE(inserted.ok()) << inserted.error.message;
    auto read = server->exec("SELECT b, length(b) FROM blobs");
    ASSERT_TRUE(read.ok());
    EXPECT_EQ(read.rows.integer(0, 1), 768);
    EXPECT_EQ(read.rows.bytes(0, 0), blob);
}

TEST_F(ServerConnectionTest, RealsRoundTripToTheLastBit) {
    auto server = connect(admin_url());
    ASSERT_TRUE(server);
    ASSERT_TRUE(server->exec("CREATE TABLE reals (r double precision)").ok());
    const double values[] = {0.1 + 0.2, 1e-300, 415.123456789012345, -0.0, 4.4482216152605};
    for (double v : values)
        ASSERT_TRUE(server->exec("INSERT INTO reals VALUES ($1)", {ServerParam::real(v)}).ok());
    auto read = server->exec("SELECT r FROM reals");
    ASSERT_EQ(read.rows.size(), 5);
    for (int i = 0; i < 5; ++i) {
        const double back = read.rows.real(i, 0);
        EXPECT_EQ(std::signbit(back), std::signbit(values[i]));
        EXPECT_EQ(back, values[i]);
    }
}

TEST_F(ServerConnectionTest, AddressWithAPasswordIsRefusedBeforeConnecting) {
    for (const std::string& address :
         {std::string("postgresql://someone:s3cret@/db?host=/tmp"),
          std::string("host=/tmp dbname=db user=someone password=s3cret")}) {
        ServerOpen opened = ServerConnection::open(address);
        EXPECT_FALSE(opened.connection);
        EXPECT_EQ(opened.error.problem, ServerProblem::BadAddress);
        EXPECT_NE(opened.error.message.find("~/.pgpass"), std::string::npos);
        EXPECT_EQ(opened.error.message.find("s3cret"), std::string::npos);
    }
}

TEST_F(ServerConnectionTest, SetPgpasswordIsRefused) {
    ::setenv("PGPASSWORD", "s3cret", 1);
    ServerOpen opened = ServerConnection::open(admin_url());
    ::unsetenv("PGPASSWORD");
    EXPECT_FALSE(opened.connection);
    EXPECT_EQ(opened.error.problem, ServerProblem::BadAddress);
    EXPECT_NE(opened.error.message.find("PGPASSWORD"), std::string::npos);
}

TEST_F(ServerConnectionTest, PasswordComesFromThePgpassFile) {
    make_role("station", "right-horse");
    EXPECT_TRUE(connect(server_.tcp_url(database_, role("station"))));
    EXPECT_TRUE(connect(url_as("station")));
}

TEST_F(ServerConnectionTest, WrongPasswordIsAnAuthenticationFailureOnOneLine) {
    make_role("station", "right-horse");
    std::ofstream(file("pgpass"), std::ios::trunc) << "*:*:*:" << role("station") << ":wrong\n";
    ServerOpen opened = ServerConnection::open(server_.tcp_url(database_, role("station")));
    EXPECT_FALSE(opened.connection);
    EXPECT_EQ(opened.error.problem, ServerProblem::Authentication);
    EXPECT_NE(opened.error.message.find("password authentication failed"), std::string::npos);
    EXPECT_EQ(opened.error.message.find('\n'), std::string::npos);
}

TEST_F(ServerConnectionTest, UnreachableHostIsSaidOnOneLine) {
    const std::string address =
        "postgresql://nobody@127.0.0.1:" + std::to_string(closed_port()) + "/x?connect_timeout=3";
    ServerOpen opened = ServerConnection::open(address);
    EXPECT_FALSE(opened.connection);
    EXPECT_EQ(opened.error.problem, ServerProblem::Unreachable);
    EXPECT_NE(opened.error.message.find("127.0.0.1"), std::string::npos);
    EXPECT_EQ(opened.error.message.find('\n'), std::string::npos);
    EXPECT_TRUE(opened.error.transient());
}

TEST_F(ServerConnectionTest, SslmodeInTheAddressIsHonoured) {
    // The test server speaks no TLS: a station that requires it must not fall back to plain.
    ServerOpen opened =
        ServerConnection::open(server_.tcp_url(database_, "algoscope_admin") + "?sslmode=require");
    EXPECT_FALSE(opened.connection);
    EXPECT_NE(opened.error.message.find("SSL"), std::string::npos) << opened.error.message;
    EXPECT_TRUE(connect(server_.tcp_url(database_, "algoscope_admin") + "?sslmode=disable"));
}

TEST_F(ServerConnectionTest, ConstraintViolationIsRefusedWithItsSqlstate) {
    auto server = connect(admin_url());
    ASSERT_TRUE(server);
    ASSERT_TRUE(
        server->exec("CREATE TABLE codes (c text UNIQUE); INSERT INTO codes VALUES ('a')").ok());
    auto again = server->exec("INSERT INTO codes VALUES ($1)", {ServerParam::text("a")});
    EXPECT_EQ(again.error.problem, ServerProblem::Refused);
    EXPECT_EQ(again.error.sqlstate, "23505");
    EXPECT_TRUE(server->connected());
}

TEST_F(ServerConnectionTest, ConnectionKilledByTheServerIsUnreachable) {
    auto server = connect(admin_url());
    ASSERT_TRUE(server);
    auto pid = server->exec("SELECT pg_backend_pid()");
    admin_sql("SELECT pg_terminate_backend(" + pid.rows.text(0, 0) + ")");
    auto after = server->exec("SELECT 1");
    EXPECT_EQ(after.error.problem, ServerProblem::Unreachable) << after.error.message;
    EXPECT_FALSE(server->connected());
}

} // namespace
