// algoscope-bench-migration [--trials N] [--samples-per-trial N] [--dir PATH]
// Opening a schema-3 study (traces in the first format) migrates it to the current schema in
// one transaction: new tables and columns, every trace re-encoded, every record given its
// uuid. The figure is the time of that open (and the file sizes before and after). Default:
// 3000 trials of 2000 samples, 6e6 samples.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <string>

#include "algocore/storage/SqliteStorage.h"
#include "algotest/OldDatabases.h"

using namespace algocore::storage;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
    int trials = 3000;
    int samples_per_trial = 2000;
    std::string dir = std::filesystem::temp_directory_path().string();
    for (int i = 1; i < argc; i += 2) {
        const std::string arg = argv[i];
        if (arg != "--trials" && arg != "--samples-per-trial" && arg != "--dir") {
            std::fprintf(stderr,
                         "unknown argument '%s' (use --trials N, --samples-per-trial N, "
                         "--dir PATH)\n",
                         arg.c_str());
            return 2;
        }
        if (i + 1 >= argc) {
            std::fprintf(stderr, "%s needs a value\n", arg.c_str());
            return 2;
        }
        if (arg == "--trials")
            trials = std::atoi(argv[i + 1]);
        else if (arg == "--samples-per-trial")
            samples_per_trial = std::atoi(argv[i + 1]);
        else
            dir = argv[i + 1];
    }
    if (trials <= 0 || samples_per_trial <= 0) {
        std::fprintf(stderr, "--trials and --samples-per-trial must be positive\n");
        return 2;
    }
    std::error_code error;
    if (!std::filesystem::is_directory(dir, error)) {
        std::fprintf(stderr,
                     "--dir %s: no such folder (the study is written there; create it first)\n",
                     dir.c_str());
        return 2;
    }
    const std::string path = dir + "/algoscope-bench-migration.db";
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path + suffix);
    try {
        algotest::write_version3_database(path, trials, samples_per_trial);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "cannot write the schema-3 study %s: %s\n", path.c_str(), e.what());
        return 1;
    }
    const auto old_bytes = std::filesystem::file_size(path);

    const auto start = Clock::now();
    auto opened = SqliteStorage::open(path);
    const auto migrated = Clock::now();
    if (!opened.storage) {
        std::fprintf(stderr, "%s\n", opened.error.c_str());
        return 1;
    }
    opened.storage->close();
    const double seconds = std::chrono::duration<double>(migrated - start).count();
    const double samples = static_cast<double>(trials) * samples_per_trial;
    std::printf("migrated schema 3 -> %d: %d trials, %.0f samples in %.2f s (%.2f M samples/s); "
                "file %.1f MB before, %.1f MB after\n",
                kSchemaVersion, trials, samples, seconds, samples / seconds / 1e6,
                static_cast<double>(old_bytes) / 1e6,
                static_cast<double>(std::filesystem::file_size(path)) / 1e6);
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path + suffix);
    return 0;
}
