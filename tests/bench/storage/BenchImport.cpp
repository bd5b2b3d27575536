// algoscope-bench-import [--megabytes N] [--dir PATH]
// Importing a rescue file: a recording whose disk filled leaves its samples in a rescue file
// of about N MB (default 200); the figure is the time import_rescue takes to merge it into
// the database by identity (new ids, references rewritten, every trace decoded and checked),
// and the process's peak memory.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "algocore/storage/SqliteStorage.h"

using namespace algocore::storage;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
    double megabytes = 200.0;
    std::string dir = std::filesystem::temp_directory_path().string();
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        if (arg == "--megabytes")
            megabytes = std::atof(argv[i + 1]);
        else if (arg == "--dir")
            dir = argv[i + 1];
    }
    if (megabytes <= 0) {
        std::fprintf(stderr, "--megabytes must be positive\n");
        return 2;
    }
    const std::string folder = dir + "/algoscope-bench-import";
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    const std::string path = folder + "/study.sqlite";

    std::string rescue;
    {
        SqliteOptions options;
        options.retry_interval = std::chrono::milliseconds(50);
        auto opened = SqliteStorage::open(path, options);
        if (!opened.storage) {
            std::fprintf(stderr, "%s\n", opened.error.c_str());
            return 1;
        }
        auto& db = *opened.storage;
        SessionOpening o;
        o.subject.code = "BENCH";
        const RecordId session = db.open_session(o).id;
        db.flush(std::chrono::seconds(10));
        db.set_max_page_count(1); // the disk is full: everything below stays pending
        // Trials of noisy 1 kHz samples (a real gauge's noise keeps the compact format near
        // 5 B/sample).
        const RecordId site = db.find_site("upper_trapezius")->id;
        RawTrace chunk;
        chunk.samples.resize(1000);
        unsigned noise = 12345;
        double written_mb = 0.0;
        for (long n = 0; written_mb < megabytes; ++n) {
            for (std::size_t k = 0; k < chunk.samples.size(); ++k) {
                noise = noise * 1103515245u + 12345u;
                auto& s = chunk.samples[k];
                s.t_s = 0.001 * static_cast<double>(n * 1000 + static_cast<long>(k));
                s.raw_counts = static_cast<std::int32_t>(100000 + (noise >> 8) % 4000);
                s.force_n = 0.001 * s.raw_counts;
                s.pressure_kpa = 10.0 * s.force_n;
            }
            Trial t;
            t.session_id = session;
            t.site_id = site;
            t.index = static_cast<int>(n + 1);
            t.outcome = "signalled";
            db.record_trial(t, chunk);
            written_mb += 5.0 * 1000 / 1e6;
        }
        db.close(std::chrono::milliseconds(100));
        rescue = db.rescue_path();
    }
    if (rescue.empty()) {
        std::fprintf(stderr, "no rescue file was written\n");
        return 1;
    }
    const double rescue_mb = static_cast<double>(std::filesystem::file_size(rescue)) / 1e6;

    // The import runs in a child process of its own, so its peak memory is its own (not the
    // memory that made the rescue file).
    const pid_t child = ::fork();
    if (child == 0) {
        auto opened = SqliteStorage::open(path);
        if (!opened.storage) {
            std::fprintf(stderr, "%s\n", opened.error.c_str());
            ::_exit(1);
        }
        std::string summary;
        const auto start = Clock::now();
        const std::string problem = opened.storage->import_rescue(rescue, &summary);
        const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        opened.storage->close();
        if (!problem.empty()) {
            std::fprintf(stderr, "%s\n", problem.c_str());
            ::_exit(1);
        }
        std::printf("imported a %.1f MB rescue file (%s) in %.2f s", rescue_mb, summary.c_str(),
                    seconds);
        std::fflush(stdout);
        ::_exit(0);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    rusage usage{};
    ::getrusage(RUSAGE_CHILDREN, &usage);
    std::printf("; peak memory of the importing process %.1f MB\n",
                static_cast<double>(usage.ru_maxrss) / 1024.0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return 1;
    std::filesystem::remove_all(folder);
    return 0;
}
