// Schema version 5 rewrites traces of the first format (30 bytes per sample) in the compact
// one. The old database is made the way version 4 left it: the schema without site_mdc, trace
// blobs in ALT1, no record identities, user_version 4.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>

#include "OlderSchema.h"
#include "TempDir.h"
#include "algocore/storage/SqliteStorage.h"
#include "algocore/storage/TraceBlob.h"
#include "algotest/SimulatedTraces.h"

using namespace algocore::storage;

namespace {

RawTrace simulated(std::uint64_t seed, const char* scenario) {
    algotest::SimulatedTraceOptions o;
    o.seed = seed;
    o.scenario = scenario;
    o.duration_s = 5.0;
    return to_trace(algotest::simulated_native_samples(o));
}

// Writes trials and a hold with the current code, then turns the file back into version 4.
void write_version4_file(const std::string& path, const std::vector<RawTrace>& traces) {
    {
        auto opened = SqliteStorage::open(path);
        ASSERT_TRUE(opened.storage) << opened.error;
        auto& db = *opened.storage;
        const RecordId subject = db.add_subject({0, "OLD-1", {}, {}, {}, ""}).id;
        Session session;
        session.subject_id = subject;
        const RecordId session_id = db.begin_session(session).id;
        const RecordId site = db.find_site("upper_trapezius")->id;
        for (std::size_t i = 0; i + 1 < traces.size(); ++i) {
            Trial t;
            t.session_id = session_id;
            t.site_id = site;
            t.index = static_cast<int>(i + 1);
            t.outcome = "signalled";
            db.record_trial(t, traces[i]);
        }
        Hold h;
        h.session_id = session_id;
        h.site_id = site;
        h.outcome = "complete";
        h.prescription = "{}";
        db.record_hold(h, traces.back());
        ASSERT_EQ(db.close(), 0u);
    }
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    algotest::undo_record_identities(db);
    db.exec("DROP TRIGGER trial_traces_immutable; DROP TRIGGER hold_traces_immutable; "
            "DROP TRIGGER site_mdc_immutable; DROP TABLE site_mdc; "
            "ALTER TABLE trials DROP COLUMN excluded_reason");
    SQLite::Statement trials(db, "UPDATE trial_traces SET samples = ? WHERE trial_id = ?");
    for (std::size_t i = 0; i + 1 < traces.size(); ++i) {
        const auto old_blob = encode_trace_v1(traces[i]);
        trials.reset();
        trials.bind(1, old_blob.data(), static_cast<int>(old_blob.size()));
        trials.bind(2, static_cast<std::int64_t>(i + 1));
        ASSERT_EQ(trials.exec(), 1);
    }
    const auto hold_blob = encode_trace_v1(traces.back());
    SQLite::Statement hold(db, "UPDATE hold_traces SET samples = ?");
    hold.bind(1, hold_blob.data(), static_cast<int>(hold_blob.size()));
    ASSERT_EQ(hold.exec(), 1);
    db.exec("PRAGMA user_version = 4; VACUUM");
}

// Room the trace tables take in the file (pages, not only blob bytes: overflow pages count).
std::int64_t trace_pages_bytes(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    return db
        .execAndGet("SELECT SUM(pgsize) FROM dbstat WHERE name IN ('trial_traces', "
                    "'hold_traces')")
        .getInt64();
}

bool identical(const RawTrace& a, const RawTrace& b) {
    if (a.samples.size() != b.samples.size()) return false;
    for (std::size_t i = 0; i < a.samples.size(); ++i) {
        const auto& x = a.samples[i];
        const auto& y = b.samples[i];
        if (std::memcmp(&x.t_s, &y.t_s, 8) || std::memcmp(&x.force_n, &y.force_n, 8) ||
            std::memcmp(&x.pressure_kpa, &y.pressure_kpa, 8) || x.raw_counts != y.raw_counts ||
            x.buttons != y.buttons || x.flags != y.flags)
            return false;
    }
    return true;
}

} // namespace

TEST(TraceMigration, Version4TracesAreRewrittenCompactAndReadBackIdentical) {
    algotest::TempDir dir;
    const std::string path = dir.file("v4.db");
    const std::vector<RawTrace> traces = {simulated(1, "ppt-ramp"), simulated(2, "ppt-ramp"),
                                          simulated(3, "sustained-hold")};
    write_version4_file(path, traces);
    const std::int64_t old_trace_pages_bytes = trace_pages_bytes(path);
    {
        SQLite::Database before(path);
        EXPECT_EQ(
            before.execAndGet("SELECT substr(samples, 1, 4) FROM trial_traces LIMIT 1").getString(),
            "ALT1");
    }
    {
        auto opened = SqliteStorage::open(path);
        ASSERT_TRUE(opened.storage) << opened.error;
        auto& db = *opened.storage;
        for (RecordId id = 1; id <= 2; ++id) {
            const auto back = db.trial_trace(id);
            ASSERT_TRUE(back);
            EXPECT_TRUE(identical(*back, traces[static_cast<std::size_t>(id - 1)])) << id;
        }
        const auto hold = db.hold_trace(1);
        ASSERT_TRUE(hold);
        EXPECT_TRUE(identical(*hold, traces.back()));
        db.close();
    }
    {
        SQLite::Database after(path, SQLite::OPEN_READWRITE);
        EXPECT_EQ(after.execAndGet("PRAGMA user_version").getInt(), kSchemaVersion);
        EXPECT_EQ(after
                      .execAndGet("SELECT COUNT(*) FROM trial_traces WHERE "
                                  "CAST(substr(samples, 1, 4) AS TEXT) = 'ALT2'")
                      .getInt(),
                  2);
        EXPECT_EQ(after.execAndGet("SELECT CAST(substr(samples, 1, 4) AS TEXT) FROM hold_traces")
                      .getString(),
                  "ALT2");
        // The 30-byte blobs are gone: the traces take a fraction of their old room.
        const std::int64_t stored =
            after.execAndGet("SELECT SUM(length(samples)) FROM trial_traces").getInt64();
        EXPECT_LT(stored, static_cast<std::int64_t>(2 * 5000 * 6));
        // And traces are append-only again.
        EXPECT_THROW(after.exec("UPDATE trial_traces SET samples = x'00'"), SQLite::Exception);
        after.exec("PRAGMA journal_mode = DELETE; VACUUM");
    }
    EXPECT_LT(trace_pages_bytes(path), old_trace_pages_bytes / 3);
}

TEST(TraceMigration, ADamagedOldBlobIsLeftAsItIsAndStillNamedOnReading) {
    algotest::TempDir dir;
    const std::string path = dir.file("v4-damaged.db");
    write_version4_file(path, {simulated(4, "ppt-ramp"), simulated(5, "ppt-ramp")});
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        db.exec("UPDATE trial_traces SET samples = substr(samples, 1, 100)");
    }
    auto opened = SqliteStorage::open(path);
    ASSERT_TRUE(opened.storage) << opened.error;
    EXPECT_THROW(opened.storage->trial_trace(1), std::exception);
    EXPECT_TRUE(opened.storage->hold_trace(1));
}
