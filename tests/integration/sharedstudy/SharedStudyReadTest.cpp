// Reading the whole study back from the server through the Storage interface: two stations'
// sessions of one subject, a code clash refused until a person merges, raters across stations
// as one operator by name, traces decoded from the server's copy.
#include "StationRecords.h"
#include "TestServer.h"
#include "algocore/sharedstudy/ServerSchema.h"
#include "algocore/sharedstudy/SharedStudyStorage.h"
#include "algocore/sharedstudy/StationPush.h"
#include "algocore/sharedstudy/SubjectRegistry.h"
#include "algocore/storage/OpenStorage.h"
#include "algocore/storage/SqliteStorage.h"

namespace {

using namespace algocore;
using namespace algocore::sharedstudy;
using algotest::RecordedSession;
using algotest::ServerTest;

class SharedStudyReadTest : public ServerTest {
protected:
    void SetUp() override {
        ServerTest::SetUp();
        if (HasFatalFailure()) return;
        auto admin = ServerConnection::open(admin_url());
        ASSERT_TRUE(admin.connection) << admin.error.message;
        ASSERT_FALSE(init_study(*admin.connection, "knee-oa").error);
    }

    // A station records `sessions` sessions of `code` by `examiner`, then pushes.
    void station(const std::string& name, const std::string& code, const std::string& examiner,
                 int sessions, int first_day, double ppt_kpa) {
        const std::string db = file(name + ".sqlite");
        {
            auto opened = storage::SqliteStorage::open(db);
            ASSERT_TRUE(opened.storage) << opened.error;
            for (int i = 0; i < sessions; ++i) {
                RecordedSession s;
                s.subject_code = code;
                s.operator_name = examiner;
                s.started_utc = "2027-04-" + std::to_string(10 + first_day + i) + "T09:00:00Z";
                s.ppt_kpa = ppt_kpa + 5.0 * i;
                s.holds = 1;
                algotest::record_session(*opened.storage, s);
            }
            opened.storage->close();
        }
        auto file_open = StationFile::open(db);
        auto server = ServerConnection::open(admin_url());
        PushOptions options;
        options.station_name = name;
        const PushReport report = push_station(*file_open.file, *server.connection, options);
        ASSERT_FALSE(report.error) << report.error.message;
    }

    std::unique_ptr<storage::Storage> study() {
        SharedStudyOpen opened = open_shared_study(admin_url());
        EXPECT_TRUE(opened.storage) << opened.error;
        return std::move(opened.storage);
    }

    void merge_all(const std::string& code) {
        auto server = ServerConnection::open(admin_url());
        const SubjectList list = list_subjects(*server.connection);
        std::vector<std::string> uuids;
        for (const SharedSubject& s : list.subjects)
            if (s.code == code) uuids.push_back(s.uuid);
        for (std::size_t i = 1; i < uuids.size(); ++i)
            ASSERT_FALSE(merge_subjects(*server.connection, uuids[0], uuids[i], "same person"));
    }
};

TEST_F(SharedStudyReadTest, ACodeMadeOnTwoStationsIsFlaggedAndRefusedUntilMerged) {
    station("room A", "S-017", "Anna", 2, 0, 400.0);
    station("room B", "S-017", "Bert", 1, 5, 420.0);
    {
        auto server = ServerConnection::open(admin_url());
        const SubjectList list = list_subjects(*server.connection);
        ASSERT_EQ(list.subjects.size(), 2u);
        for (const SharedSubject& s : list.subjects) {
            EXPECT_EQ(s.code, "S-017");
            EXPECT_TRUE(s.clash);
            EXPECT_FALSE(s.merged_into);
        }
        EXPECT_EQ(list.subjects[0].station, "room A");
        EXPECT_EQ(list.subjects[0].sessions, 2);
        EXPECT_EQ(list.subjects[1].station, "room B");
    }
    auto s = study();
    try {
        s->history_of("S-017");
        ADD_FAILURE() << "a clash must be refused";
    } catch (const std::exception& e) {
        EXPECT_NE(std::string(e.what()).find("2 subjects of the shared study have the code "
                                             "'S-017'"),
                  std::string::npos)
            << e.what();
    }

    merge_all("S-017");
    {
        auto server = ServerConnection::open(admin_url());
        const SubjectList list = list_subjects(*server.connection);
        EXPECT_FALSE(list.subjects[0].clash);
        EXPECT_FALSE(list.subjects[1].clash);
        EXPECT_EQ(*list.subjects[1].merged_into, list.subjects[0].uuid);
        auto audit = server.connection->exec("SELECT merged_by, reason FROM "
                                             "algoscope.subject_merges");
        EXPECT_EQ(audit.rows.text(0, 0), "algoscope_admin");
        EXPECT_EQ(audit.rows.text(0, 1), "same person");
    }
    const auto records = s->history_of("S-017");
    ASSERT_TRUE(records);
    ASSERT_EQ(records->sessions.size(), 3u);
    EXPECT_EQ(records->sessions[0].started_utc, "2027-04-10T09:00:00Z");
    EXPECT_EQ(records->sessions[2].started_utc, "2027-04-15T09:00:00Z");
    EXPECT_EQ(records->trials.size(), 9u);
    EXPECT_EQ(records->holds.size(), 3u);
    ASSERT_EQ(records->operators.size(), 2u);
    EXPECT_DOUBLE_EQ(records->trials.back().ppt_kpa, 420.0 + 11.0 * ((2 * 7) % 5) - 20.0);
    // A merge rewrote nothing: a second merge of the same record is refused.
    auto server = ServerConnection::open(admin_url());
    const SubjectList list = list_subjects(*server.connection);
    EXPECT_EQ(merge_subjects(*server.connection, list.subjects[0].uuid, list.subjects[1].uuid, "")
                  .problem,
              ServerProblem::Refused);
}

TEST_F(SharedStudyReadTest, TheWholeStudyReadsLikeOneFileWithRatersByName) {
    station("room A", "S-001", "Anna", 1, 0, 400.0);
    station("room B", "S-002", "Anna", 1, 1, 300.0);
    station("room C", "S-001x", "Carl", 1, 2, 350.0);
    auto s = study();
    const records::StudyData data = s->load_study();
    EXPECT_EQ(data.subjects.size(), 3u);
    EXPECT_EQ(data.sessions.size(), 3u);
    EXPECT_EQ(data.trials.size(), 9u);
    EXPECT_EQ(data.holds.size(), 3u);
    ASSERT_EQ(data.operators.size(), 2u); // Anna at two stations is one rater
    EXPECT_EQ(data.sessions[0].operator_id, data.sessions[1].operator_id);
    for (const records::Trial& t : data.trials) {
        ASSERT_TRUE(data.site(t.site_id));
        EXPECT_EQ(data.site(t.site_id)->key, "upper_trapezius");
        ASSERT_TRUE(data.session(t.session_id));
    }
    const auto trace = s->trial_trace(data.trials.front().id);
    ASSERT_TRUE(trace);
    EXPECT_EQ(trace->samples.size(), 500u);
    EXPECT_DOUBLE_EQ(trace->samples[100].pressure_kpa,
                     algotest::ramp_trace(500, 50.0).samples[100].pressure_kpa);
    const auto summaries = s->site_summaries(records::kNoRecord);
    ASSERT_EQ(summaries.size(), 3u);
    EXPECT_EQ(summaries[0].n, 3);
    EXPECT_EQ(s->correct({"trials", data.trials[0].id, "counted", "0", "x", "y"}).ok, false);
}

TEST_F(SharedStudyReadTest, AStudyThatIsNotThereIsSaid) {
    const std::string other = database_ + "_empty";
    ASSERT_EQ(server_.recreate_database(other), "");
    SharedStudyOpen opened = open_shared_study(server_.admin_url(other));
    EXPECT_FALSE(opened.storage);
    EXPECT_NE(opened.error.find("holds no Algoscope study"), std::string::npos) << opened.error;
    server_.admin_sql("postgres", "DROP DATABASE " + other + " WITH (FORCE)");
}

TEST_F(SharedStudyReadTest, OpenedWithoutWaitingItConnectsAtTheFirstReadAndSaysWhyNot) {
    station("room A", "S-001", "Anna", 1, 0, 400.0);
    const storage::OpenOptions later_options{.writable = false, .connect_at_first_read = true};
    auto later = storage::open_server(admin_url(), later_options);
    ASSERT_TRUE(later.storage) << later.error;
    const auto records = later.storage->history_of("S-001");
    ASSERT_TRUE(records);
    EXPECT_EQ(records->sessions.size(), 1u);

    auto nowhere =
        storage::open_server("postgresql://x@127.0.0.1:1/y?connect_timeout=2", later_options);
    ASSERT_TRUE(nowhere.storage) << nowhere.error;
    try {
        nowhere.storage->subjects();
        ADD_FAILURE() << "a read without a server must fail";
    } catch (const std::exception& e) {
        EXPECT_NE(std::string(e.what()).find("127.0.0.1"), std::string::npos) << e.what();
    }
}

TEST_F(SharedStudyReadTest, TheStorageFactoryOpensTheSharedStudyForReadingOnly) {
    station("room A", "S-001", "Anna", 2, 0, 400.0);
    // A postgresql:// location, as any front end passes it.
    storage::Opened by_uri = storage::open(admin_url(), {.writable = false});
    ASSERT_TRUE(by_uri.storage) << by_uri.error;
    EXPECT_EQ(by_uri.storage->location(), admin_url());
    EXPECT_EQ(by_uri.storage->history_of("S-001")->sessions.size(), 2u);
    EXPECT_NE(by_uri.storage->check_writable().find("read here"), std::string::npos);
    EXPECT_EQ(by_uri.storage->close(), 0u);

    // A libpq connection string is a server too when the caller says so (--server).
    const std::string conninfo = "host=" + server_.socket_dir() +
                                 " port=" + std::to_string(server_.port()) +
                                 " dbname=" + database_ + " user=algoscope_admin";
    storage::Opened by_conninfo = storage::open_server(conninfo, {.writable = false});
    ASSERT_TRUE(by_conninfo.storage) << by_conninfo.error;
    EXPECT_EQ(by_conninfo.storage->subjects().size(), 1u);

    // Recording into the server is refused before anything connects.
    storage::Opened for_recording = storage::open(admin_url());
    EXPECT_FALSE(for_recording.storage);
    EXPECT_NE(for_recording.error.find("never recorded into"), std::string::npos)
        << for_recording.error;
}

} // namespace
