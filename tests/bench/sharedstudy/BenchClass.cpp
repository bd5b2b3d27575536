// algoscope-bench-class [--stations N] [--seconds S]
// The class view's figures (issue 23) on a throwaway PostgreSQL 15 over TCP on 127.0.0.1:
// N station processes (default 30), each its own role, run training attempts with the
// simulator's hand (1 kHz samples, tremor and drift) through algocore's TrainingSession and live
// view, and publish their progress as `train attempt --class` does (at most 5 updates/s); the
// teacher's watcher (this process) prints one JSON line per update as `class watch --json` does.
// Reported: stations seen and missing, updates per station per second, the time from a
// station's sample to the watcher's line (p50, p99, max), and the watcher's CPU as a share of
// one core.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "ClassBenchClass.h"
#include "ClassLines.h"
#include "algocore/sharedstudy/ClassWatcher.h"
#include "algoinput/JsonText.h"

using namespace algocore::sharedstudy;
using class_bench::process_cpu_s;
using class_bench::wall_s;
using Clock = std::chrono::steady_clock;

namespace {

[[noreturn]] void die(const std::string& message) {
    class_bench::die("algoscope-bench-class", message);
}

double quantile(std::vector<double> v, double q) {
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(q * static_cast<double>(v.size() - 1))];
}

} // namespace

int main(int argc, char** argv) {
    int stations = 30;
    double seconds = 20.0;
    for (int i = 1; i < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--stations" && i + 1 < argc)
            stations = std::clamp(std::atoi(argv[i + 1]), 1, 150);
        else if (flag == "--seconds" && i + 1 < argc)
            seconds = std::clamp(std::atof(argv[i + 1]), 3.0, 600.0);
        else
            die("unknown option " + flag +
                " (usage: algoscope-bench-class [--stations N] [--seconds S])");
    }
    class_bench::BenchClass bench("algoscope-bench-class", stations, seconds + 2.0);
    // The teacher: warm up for 2 s (stations connect), then measure.
    ClassWatcher watcher(bench.teacher_url(), "bench");
    std::FILE* out = std::fopen("/dev/null", "w");
    const auto watch = [&](double for_s, std::vector<double>* latencies,
                           std::map<std::string, int>* per_station) {
        const auto end = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                            std::chrono::duration<double>(for_s));
        while (Clock::now() < end) {
            for (const StationProgress& p : watcher.step(std::chrono::milliseconds(100))) {
                const std::string line = algoinput::json_text(cli_class::station_line(p));
                std::fputs(line.c_str(), out);
                std::fputc('\n', out);
                std::fflush(out);
                if (!latencies || p.state == StationState::Offline) continue;
                latencies->push_back((wall_s() - p.t_utc_s) * 1000.0);
                ++(*per_station)[p.station];
            }
        }
    };
    watch(2.0, nullptr, nullptr);
    std::vector<double> latencies;
    std::map<std::string, int> per_station;
    const double cpu_before = process_cpu_s();
    const auto measured_from = Clock::now();
    watch(seconds - 2.0, &latencies, &per_station);
    const double wall = std::chrono::duration<double>(Clock::now() - measured_from).count();
    const double cpu = process_cpu_s() - cpu_before;
    bench.wait_for_stations();
    std::fclose(out);

    int fewest = per_station.empty() ? 0 : per_station.begin()->second;
    for (const auto& [name, count] : per_station)
        fewest = std::min(fewest, count);
    std::printf("class of %d stations, %.1f s measured on a PostgreSQL 15 over 127.0.0.1\n",
                stations, wall);
    std::printf("  stations seen %zu, missing %d; updates %zu (%.2f/s per station, fewest %d)\n",
                per_station.size(), stations - static_cast<int>(per_station.size()),
                latencies.size(),
                static_cast<double>(latencies.size()) / (wall * std::max(1, stations)), fewest);
    std::printf("  sample -> watcher line: p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
                quantile(latencies, 0.5), quantile(latencies, 0.99), quantile(latencies, 1.0));
    std::printf("  watcher CPU %.1f %% of one core (%.2f s in %.1f s)\n", 100.0 * cpu / wall, cpu,
                wall);
    return 0;
}
