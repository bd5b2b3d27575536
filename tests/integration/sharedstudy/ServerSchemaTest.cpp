// The study's schema on a real server: created once, migrated in place, a newer one refused
// untouched, someone else's schema left alone, and the roles' row-level security.
#include "algocore/sharedstudy/ServerSchema.h"
#include "ServerMigrations.h"
#include "TestServer.h"

namespace {

using namespace algocore::sharedstudy;
using algotest::ServerTest;

class ServerSchemaTest : public ServerTest {
protected:
    std::unique_ptr<ServerConnection> connect(const std::string& address) {
        ServerOpen opened = ServerConnection::open(address);
        EXPECT_FALSE(opened.error) << opened.error.message;
        return std::move(opened.connection);
    }
};

TEST_F(ServerSchemaTest, InitCreatesTheStudyOnceAndAgainChangesNothing) {
    auto server = connect(admin_url());
    ASSERT_TRUE(server);
    const StudyInit first = init_study(*server, "knee-oa-2027");
    ASSERT_FALSE(first.error) << first.error.message;
    EXPECT_EQ(first.from_version, 0);
    EXPECT_EQ(first.study.schema_version, kServerSchemaVersion);
    EXPECT_EQ(first.study.name, "knee-oa-2027");
    EXPECT_EQ(first.study.uuid.size(), 36u);

    const StudyInit again = init_study(*server, "another name");
    ASSERT_FALSE(again.error) << again.error.message;
    EXPECT_EQ(again.from_version, kServerSchemaVersion);
    EXPECT_EQ(again.study.uuid, first.study.uuid);
    EXPECT_EQ(again.study.name, "knee-oa-2027");

    const StudyCheck check = check_study(*server);
    EXPECT_FALSE(check.error);
    EXPECT_EQ(check.study.uuid, first.study.uuid);
}

TEST_F(ServerSchemaTest, AVersionOneStudyIsMigratedInPlaceKeepingItsStations) {
    admin_sql(kServerGroupRoles);
    admin_sql(server_migration_sql(1));
    admin_sql("INSERT INTO algoscope.study (uuid, name, schema_version) VALUES "
              "('0190f7a2-0000-7000-8000-000000000001', 'old', 1)");
    admin_sql("INSERT INTO algoscope.stations (uuid, name, acknowledged_seq) VALUES "
              "('0190f7a2-0000-7000-8000-00000000000a', 'room A', 0)");
    auto server = connect(admin_url());
    ASSERT_TRUE(server);
    EXPECT_EQ(check_study(*server).error.problem, ServerProblem::OlderSchema);

    const StudyInit init = init_study(*server, "ignored");
    ASSERT_FALSE(init.error) << init.error.message;
    EXPECT_EQ(init.from_version, 1);
    EXPECT_EQ(init.study.schema_version, kServerSchemaVersion);
    EXPECT_EQ(init.study.uuid, "0190f7a2-0000-7000-8000-000000000001");
    EXPECT_EQ(server->exec("SELECT name FROM algoscope.stations").rows.text(0, 0), "room A");
    EXPECT_TRUE(server->exec("SELECT count(*) FROM algoscope.trials").ok());
    EXPECT_FALSE(check_study(*server).error);
}

TEST_F(ServerSchemaTest, NewerSchemaIsRefusedAndLeftUntouched) {
    auto server = connect(admin_url());
    ASSERT_TRUE(server);
    ASSERT_FALSE(init_study(*server, "s").error);
    admin_sql("UPDATE algoscope.study SET schema_version = 99");

    const StudyInit init = init_study(*server, "s");
    EXPECT_EQ(init.error.problem, ServerProblem::NewerSchema);
    EXPECT_NE(init.error.message.find("version 99, newer than this Algoscope knows"),
              std::string::npos)
        << init.error.message;
    EXPECT_EQ(server->exec("SELECT schema_version FROM algoscope.study").rows.integer(0, 0), 99);
    EXPECT_EQ(check_study(*server).error.problem, ServerProblem::NewerSchema);
}

TEST_F(ServerSchemaTest, DatabaseWithoutAStudyIsNamedAndTheFixIsSaid) {
    auto server = connect(admin_url());
    ASSERT_TRUE(server);
    const StudyCheck check = check_study(*server);
    EXPECT_EQ(check.error.problem, ServerProblem::NoStudy);
    EXPECT_NE(check.error.message.find("holds no Algoscope study"), std::string::npos);
    EXPECT_NE(check.error.message.find("server init"), std::string::npos);
    EXPECT_NE(check.error.message.find(database_), std::string::npos);
}

TEST_F(ServerSchemaTest, SomeoneElsesSchemaNamedAlgoscopeIsLeftAlone) {
    admin_sql("CREATE SCHEMA algoscope; CREATE TABLE algoscope.theirs (x int)");
    auto server = connect(admin_url());
    ASSERT_TRUE(server);
    const StudyInit init = init_study(*server, "s");
    EXPECT_EQ(init.error.problem, ServerProblem::NoStudy);
    EXPECT_NE(init.error.message.find("left unchanged"), std::string::npos);
    EXPECT_TRUE(server->exec("SELECT x FROM algoscope.theirs").ok());
    EXPECT_FALSE(server->exec("SELECT 1 FROM algoscope.study").ok());
}

TEST_F(ServerSchemaTest, AStationRoleRegistersAndAdvancesOnlyItsOwnStation) {
    {
        auto admin = connect(admin_url());
        ASSERT_TRUE(admin);
        ASSERT_FALSE(init_study(*admin, "s").error);
    }
    make_role("a", "pw-a", kStationGroupRole);
    make_role("b", "pw-b", kStationGroupRole);
    auto a = connect(url_as("a"));
    auto b = connect(url_as("b"));
    ASSERT_TRUE(a && b);
    auto registered = a->exec("INSERT INTO algoscope.stations (uuid, name) VALUES "
                              "('0190f7a2-0000-7000-8000-00000000000a', 'room A')");
    ASSERT_TRUE(registered.ok()) << registered.error.message;

    // b cannot move a's watermark: the row is not b's to update.
    auto moved = b->exec("UPDATE algoscope.stations SET acknowledged_seq = 99 "
                         "WHERE name = 'room A'");
    ASSERT_TRUE(moved.ok()) << moved.error.message;
    EXPECT_EQ(moved.rows.affected(), 0);
    // ... nor register a station in a's name.
    auto forged = b->exec("INSERT INTO algoscope.stations (uuid, name, role_name) VALUES "
                          "(gen_random_uuid(), 'forged', $1)",
                          {ServerParam::text(role("a"))});
    EXPECT_EQ(forged.error.problem, ServerProblem::PermissionDenied) << forged.error.message;

    auto own = a->exec("UPDATE algoscope.stations SET acknowledged_seq = 5 WHERE name = 'room A'");
    EXPECT_EQ(own.rows.affected(), 1);
    EXPECT_EQ(a->exec("SELECT acknowledged_seq FROM algoscope.stations").rows.integer(0, 0), 5);
}

TEST_F(ServerSchemaTest, AReaderRoleOnlyReads) {
    {
        auto admin = connect(admin_url());
        ASSERT_TRUE(admin);
        ASSERT_FALSE(init_study(*admin, "s").error);
    }
    make_role("teacher", "pw-t", kReaderGroupRole);
    auto reader = connect(url_as("teacher"));
    ASSERT_TRUE(reader);
    EXPECT_TRUE(reader->exec("SELECT name FROM algoscope.study").ok());
    auto write = reader->exec("INSERT INTO algoscope.stations (uuid, name) VALUES "
                              "(gen_random_uuid(), 'mine')");
    EXPECT_EQ(write.error.problem, ServerProblem::PermissionDenied);
}

} // namespace
