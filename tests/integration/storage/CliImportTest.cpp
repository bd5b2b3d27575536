// `algoscope-cli import` into a database another Algoscope is recording into stores nothing
// and exits 4 (not stored: try again), like a database that cannot be written, not 2 (bad
// input); the rescue file is unchanged (issue 19 item 11, the import part).
#include <CLI/CLI.hpp>
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "algocore/storage/OpenStorage.h"
#include "algocore/storage/SqliteStorage.h"

void register_import_command(CLI::App& app);

using namespace algocore;
using namespace std::chrono_literals;

namespace {

// Runs `algoscope-cli import --db db rescue` in this process; its exit code.
int import_command(const std::string& db, const std::string& rescue) {
    CLI::App app;
    register_import_command(app);
    try {
        app.parse(std::vector<std::string>{rescue, db, "--db", "import"});
    } catch (const CLI::ParseError& e) {
        return e.get_exit_code();
    }
    return 0;
}

std::string contents(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

TEST(CliImport, ImportIntoADatabaseBeingRecordedIntoExitsFourAndChangesNothing) {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("algoscope-cli-import-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::string db_path = (dir / "study.sqlite").string();
    std::string rescue;
    {
        storage::SqliteOptions options;
        options.retry_interval = 20ms;
        auto opened = storage::SqliteStorage::open(db_path, options);
        ASSERT_TRUE(opened.storage) << opened.error;
        ASSERT_TRUE(opened.storage->flush(5s));
        opened.storage->set_max_page_count(1); // the disk is full
        records::SessionOpening o;
        o.subject.code = "S-1";
        records::Trial t;
        t.session_id = opened.storage->open_session(o).id;
        t.site_id = opened.storage->find_site("masseter")->id;
        t.outcome = "signalled";
        records::RawTrace trace; // gauge noise: it does not compress, so it needs new pages
        unsigned noise = 2463534242u;
        for (int i = 0; i < 20000; ++i) {
            noise ^= noise << 13;
            noise ^= noise >> 17;
            noise ^= noise << 5;
            const auto counts = static_cast<std::int32_t>(100000 + noise % 50000);
            trace.samples.push_back({0.001 * i, counts, 0.001 * counts, 0.01 * counts, 0, 0});
        }
        opened.storage->record_trial(t, trace);
        ASSERT_GE(opened.storage->close(200ms), 1u);
        rescue = opened.storage->rescue_path();
    }
    ASSERT_FALSE(rescue.empty());
    const std::string rescue_before = contents(rescue);

    auto recording = storage::open(db_path); // another Algoscope records into it
    ASSERT_TRUE(recording.storage) << recording.error;
    const auto busy = storage::open(db_path);
    EXPECT_FALSE(busy.storage);
    EXPECT_TRUE(busy.busy) << busy.error;
    EXPECT_EQ(import_command(db_path, rescue), 4);
    EXPECT_EQ(contents(rescue), rescue_before);
    const auto trials_of_s1 = [](storage::Storage& db) {
        std::size_t n = 0;
        if (const auto s = db.find_subject("S-1"))
            for (const auto& session : db.sessions_of(s->id))
                n += db.trials_of(session.id).size();
        return n;
    };
    EXPECT_EQ(trials_of_s1(*recording.storage), 0u);
    recording.storage->close();

    // Once it is free, the same command imports.
    EXPECT_EQ(import_command(db_path, rescue), 0);
    auto after = storage::open(db_path);
    ASSERT_TRUE(after.storage) << after.error;
    EXPECT_EQ(trials_of_s1(*after.storage), 1u);
    after.storage->close();
    std::filesystem::remove_all(dir);
}
