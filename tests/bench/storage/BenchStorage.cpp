// algoscope-bench-storage [--samples N] [--chunk N] [--dir PATH]
// Raw sample ingest: the recorder hands trials whose traces hold chunks of 1 kHz samples to
// the storage, which commits them in batched transactions (WAL, synchronous=FULL). The figure
// is samples/s from the first enqueue until everything is committed and fsynced. Also
// measures trials with 10 s traces.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "algocore/storage/SqliteStorage.h"

using namespace algocore::storage;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
    long total = 2'000'000;
    long chunk = 1000;
    std::string dir = std::filesystem::temp_directory_path().string();
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        if (arg == "--samples")
            total = std::atol(argv[i + 1]);
        else if (arg == "--chunk")
            chunk = std::atol(argv[i + 1]);
        else if (arg == "--dir")
            dir = argv[i + 1];
    }
    if (total <= 0 || chunk <= 0) {
        std::fprintf(stderr, "--samples and --chunk must be positive\n");
        return 2;
    }
    const std::string path = dir + "/algoscope-bench-storage.db";
    std::filesystem::remove(path);
    auto opened = SqliteStorage::open(path);
    if (!opened.storage) {
        std::fprintf(stderr, "%s\n", opened.error.c_str());
        return 1;
    }
    auto& db = *opened.storage;
    const RecordId subject = db.add_subject({0, "BENCH", {}, {}, {}, ""}).id;
    Session session;
    session.subject_id = subject;
    const RecordId session_id = db.begin_session(session).id;
    const RecordId site = db.find_site("upper_trapezius")->id;

    RawTrace stream;
    stream.samples.resize(static_cast<std::size_t>(chunk));
    const auto start = Clock::now();
    int stream_index = 0;
    for (long done = 0; done < total; done += chunk) {
        for (long k = 0; k < chunk; ++k) {
            auto& s = stream.samples[static_cast<std::size_t>(k)];
            s.t_s = 0.001 * static_cast<double>(done + k);
            s.force_n = 0.01 * static_cast<double>(k);
            s.pressure_kpa = 0.1 * static_cast<double>(k);
            s.raw_counts = static_cast<std::int32_t>(k);
        }
        Trial t;
        t.session_id = session_id;
        t.site_id = site;
        t.index = ++stream_index;
        t.outcome = "signalled";
        db.record_trial(t, stream);
    }
    const auto enqueued = Clock::now();
    if (!db.flush(std::chrono::minutes{5})) {
        std::fprintf(stderr, "not committed: %s\n", db.status().message.c_str());
        return 1;
    }
    const double stream_s = std::chrono::duration<double>(Clock::now() - start).count();
    const double enqueue_s = std::chrono::duration<double>(enqueued - start).count();

    // Trials with 10 s traces at 1 kHz, each committed as one record.
    const int trials = 100;
    const int per_trial = 10000;
    RawTrace trace;
    for (int k = 0; k < per_trial; ++k) {
        trace.samples.push_back({0.001 * k, k, 0.05 * k, 0.5 * k, 0, 0});
    }
    const auto trial_start = Clock::now();
    for (int i = 1; i <= trials; ++i) {
        Trial t;
        t.session_id = session_id;
        t.site_id = site;
        t.index = i;
        t.outcome = "signalled";
        db.record_trial(t, trace);
    }
    db.flush(std::chrono::minutes{5});
    const double trial_s = std::chrono::duration<double>(Clock::now() - trial_start).count();
    const auto bytes = std::filesystem::file_size(path);
    db.close();
    std::filesystem::remove(path);
    std::filesystem::remove(path + "-wal");
    std::filesystem::remove(path + "-shm");
    std::printf("{\"stream_samples\":%ld,\"chunk\":%ld,\"stream_samples_per_s\":%.0f,"
                "\"enqueue_samples_per_s\":%.0f,\"trial_samples_per_s\":%.0f,"
                "\"trials_per_s\":%.1f,\"db_bytes\":%llu}\n",
                total, chunk, static_cast<double>(total) / stream_s,
                static_cast<double>(total) / enqueue_s,
                static_cast<double>(trials) * per_trial / trial_s, trials / trial_s,
                static_cast<unsigned long long>(bytes));
    return 0;
}
