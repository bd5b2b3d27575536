#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <random>

#include "algocore/storage/SqliteStorage.h"

using namespace algocore::storage;

namespace {

struct Child {
    pid_t pid = -1;
    FILE* out = nullptr;
};

Child start_recorder(const std::string& db_path) {
    int fds[2];
    if (pipe(fds) != 0) return {};
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        execl(ALGOSCOPE_RECORDER, ALGOSCOPE_RECORDER, db_path.c_str(), nullptr);
        _exit(127);
    }
    close(fds[1]);
    return {pid, fdopen(fds[0], "r")};
}

} // namespace

TEST(CrashTest, EveryReportedTrialSurvivesSigkillMidSession) {
    const auto dir =
        std::filesystem::temp_directory_path() / ("algoscope-crash-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "crash.db").string();
    std::mt19937 random(std::random_device{}());
    // Three rounds: kill after a different number of committed trials each time, and keep
    // recording into the same file, as a therapist would after restarting the program.
    std::map<long long, double> reported;
    for (int round = 0; round < 3; ++round) {
        const int kill_after = 5 + static_cast<int>(random() % 20);
        Child child = start_recorder(path);
        ASSERT_GT(child.pid, 0);
        ASSERT_NE(child.out, nullptr);
        long long id = 0;
        double ppt = 0.0;
        int seen = 0;
        while (seen < kill_after &&
               std::fscanf(child.out, "committed %lld %lf\n", &id, &ppt) == 2) {
            reported[id] = ppt;
            ++seen;
        }
        ASSERT_EQ(seen, kill_after) << "the recorder stopped early";
        // Mid-session: the child is writing its next trial right now.
        kill(child.pid, SIGKILL);
        // Lines already in the pipe were committed too.
        while (std::fscanf(child.out, "committed %lld %lf\n", &id, &ppt) == 2)
            reported[id] = ppt;
        int status = 0;
        waitpid(child.pid, &status, 0);
        fclose(child.out);
        ASSERT_TRUE(WIFSIGNALED(status));
    }
    {
        SQLite::Database check(path);
        EXPECT_EQ(check.execAndGet("PRAGMA integrity_check").getString(), "ok");
    }
    auto opened = SqliteStorage::open(path);
    ASSERT_TRUE(opened.storage) << opened.error;
    std::map<long long, double> stored;
    for (const auto& session : opened.storage->load_study().sessions) {
        for (const auto& t : opened.storage->trials_of(session.id))
            stored[t.id] = t.ppt_kpa;
    }
    for (const auto& [trial_id, ppt_kpa] : reported) {
        ASSERT_TRUE(stored.count(trial_id)) << "committed trial " << trial_id << " was lost";
        EXPECT_NEAR(stored[trial_id], ppt_kpa, 0.005);
        const auto trace = opened.storage->trial_trace(trial_id);
        ASSERT_TRUE(trace);
        EXPECT_EQ(trace->samples.size(), 2000u);
    }
    std::printf("%zu committed trials checked after 3 SIGKILLs; %zu trials in the file\n",
                reported.size(), stored.size());
    opened.storage->close();
    std::filesystem::remove_all(dir);
}
