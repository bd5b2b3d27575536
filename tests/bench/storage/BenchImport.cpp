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
#include <fstream>
#include <string>
#include <system_error>
#include <vector>

#include "algocore/storage/SqliteStorage.h"

using namespace algocore::storage;
using Clock = std::chrono::steady_clock;

namespace {

// A study whose disk filled after its session opened: `samples` noisy 1 kHz samples stay
// pending and go to a rescue file at close. Returns the rescue's path ("" with *error set).
std::string make_rescue(const std::string& path, long samples, std::string* error) {
    SqliteOptions options;
    options.retry_interval = std::chrono::milliseconds(50);
    auto opened = SqliteStorage::open(path, options);
    if (!opened.storage) {
        *error = opened.error;
        return {};
    }
    auto& db = *opened.storage;
    SessionOpening o;
    o.subject.code = "BENCH";
    const RecordId session = db.open_session(o).id;
    db.flush(std::chrono::seconds(10));
    db.set_max_page_count(1); // the disk is full: everything below stays pending
    // Trials of noisy 1 kHz samples (a real gauge's noise keeps the compact format near its
    // worst case).
    const RecordId site = db.find_site("upper_trapezius")->id;
    RawTrace chunk;
    chunk.samples.resize(1000);
    unsigned noise = 12345;
    for (long n = 0; n * 1000 < samples; ++n) {
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
    }
    db.close(std::chrono::milliseconds(100));
    if (db.rescue_path().empty()) *error = "no rescue file was written";
    return db.rescue_path();
}

} // namespace

int main(int argc, char** argv) {
    double megabytes = 200.0;
    std::string dir = std::filesystem::temp_directory_path().string();
    for (int i = 1; i < argc; i += 2) {
        const std::string arg = argv[i];
        if ((arg != "--megabytes" && arg != "--dir") || i + 1 >= argc) {
            std::fprintf(stderr, "usage: algoscope-bench-import [--megabytes N] [--dir PATH]\n");
            return 2;
        }
        if (arg == "--megabytes")
            megabytes = std::atof(argv[i + 1]);
        else
            dir = argv[i + 1];
    }
    if (megabytes <= 0) {
        std::fprintf(stderr, "--megabytes must be positive\n");
        return 2;
    }
    std::error_code missing;
    if (!std::filesystem::is_directory(dir, missing)) {
        std::fprintf(stderr, "--dir %s: no such folder\n", dir.c_str());
        return 2;
    }
    const std::string folder = dir + "/algoscope-bench-import";
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    const std::string path = folder + "/study.sqlite";

    // The rescue is made in a child process and remade larger until it reaches the size
    // asked for (a sample's cost in the file varies a little with its size; an assumed 5 B a
    // sample gave 167 MB for 200), so neither its memory nor its pages are in the figure.
    auto samples = static_cast<long>(megabytes * 1e6 / 4.5);
    std::string rescue;
    double rescue_mb = 0.0;
    for (int attempt = 0; attempt < 4 && rescue_mb < megabytes; ++attempt) {
        std::filesystem::remove_all(folder);
        std::filesystem::create_directories(folder);
        const pid_t maker = ::fork();
        if (maker == 0) {
            std::string error;
            const std::string made = make_rescue(path, samples, &error);
            if (made.empty()) std::fprintf(stderr, "%s\n", error.c_str());
            std::ofstream(folder + "/rescue-path") << made;
            std::fflush(stderr);
            ::_exit(made.empty() ? 1 : 0);
        }
        int status = 0;
        ::waitpid(maker, &status, 0);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return 1;
        rescue.clear();
        std::ifstream(folder + "/rescue-path") >> rescue;
        if (rescue.empty()) {
            std::fprintf(stderr, "no rescue file was written in %s\n", folder.c_str());
            return 1;
        }
        rescue_mb = static_cast<double>(std::filesystem::file_size(rescue)) / 1e6;
        if (rescue_mb < megabytes)
            samples =
                static_cast<long>(static_cast<double>(samples) * megabytes / rescue_mb * 1.01);
    }

    // The import runs in a child process of its own, so its peak memory is its own.
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
        std::printf("imported a %.1f MB rescue file of %ld samples (%s) in %.2f s", rescue_mb,
                    samples, summary.c_str(), seconds);
        std::fflush(stdout);
        ::_exit(0);
    }
    int status = 0;
    rusage usage{};
    ::wait4(child, &status, 0, &usage);
    std::printf("; peak memory of the importing process %.1f MB\n",
                static_cast<double>(usage.ru_maxrss) / 1024.0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return 1;
    std::filesystem::remove_all(folder);
    return 0;
}
