// algoscope-bench-latency --rate HZ --seconds S [--batch N] [--warmup S] [--json]
//
// Drives the real main window (plot, readout, timers) with a device on a pseudo-terminal:
// a child process writes one ASCII reading per sample at HZ, stamping each just before its
// write(); the GUI reads it through the acquisition layer (ascii driver) like any serial
// port. Each paint of the live plot reports how many samples it contains, so every sample
// gets a latency = paint time − write time. Reports p50/p99 of that, the GUI process's CPU
// (% of one core, its I/O thread included) and its resident-memory growth.
#include <QApplication>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <signal.h>
#include <string>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "DeviceWriter.h"
#include "LatencyRecorder.h"
#include "algogui/LiveFeed.h"
#include "algogui/LivePanel.h"
#include "algogui/MainWindow.h"
#include "algogui/Preferences.h"
#include "algogui/PressurePlot.h"
#include "algogui/ToneOutput.h"
#include "algosim/PseudoTerminal.h"

namespace {

struct Options {
    double rate_hz = 1000;
    double seconds = 60;
    double warmup_s = 3;
    unsigned batch = 1;
    bool json = false;
};

[[noreturn]] void usage(const std::string& problem) {
    std::fprintf(stderr,
                 "algoscope-bench-latency: %s\n"
                 "usage: algoscope-bench-latency --rate HZ --seconds S [--batch N] "
                 "[--warmup S] [--json]\n",
                 problem.c_str());
    std::exit(2);
}

double number(const char* flag, const char* text, double lo, double hi) {
    char* end = nullptr;
    const double v = std::strtod(text, &end);
    if (end == text || *end != '\0' || !(v >= lo && v <= hi))
        usage(std::string(flag) + " wants a number in [" + std::to_string(lo) + ", " +
              std::to_string(hi) + "], got '" + text + "'");
    return v;
}

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> const char* {
            if (i + 1 >= argc) usage(a + " needs a value");
            return argv[++i];
        };
        if (a == "--rate")
            o.rate_hz = number("--rate", value(), 1, 5000);
        else if (a == "--seconds")
            o.seconds = number("--seconds", value(), 1, 7200);
        else if (a == "--warmup")
            o.warmup_s = number("--warmup", value(), 0, 60);
        else if (a == "--batch")
            o.batch = static_cast<unsigned>(number("--batch", value(), 1, 100));
        else if (a == "--json")
            o.json = true;
        else
            usage("unknown argument '" + a + "'");
    }
    return o;
}

double cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double rss_mb() {
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / 1048576.0;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0.0;
    const auto k = static_cast<std::size_t>(p / 100.0 * static_cast<double>(v.size() - 1));
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
    return v[k];
}

} // namespace

int main(int argc, char** argv) {
    const Options options = parse(argc, argv);
    const auto total =
        static_cast<std::size_t>(options.rate_hz * (options.seconds + options.warmup_s)) + 16;

    // Shared with the writer process: one write time per sample.
    const std::size_t bytes = total * sizeof(std::int64_t);
    void* shared = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (shared == MAP_FAILED) usage("cannot map shared memory");
    // Touch every page now: the log fills as the run goes, and pages first touched mid-run
    // would count as the GUI's memory growth (8 bytes a sample, ~29 MB over 30 min at 1 kHz).
    std::memset(shared, 0, bytes);
    bench::WriteLog log{static_cast<std::int64_t*>(shared), total};

    algosim::OpenPortResult pty = algosim::PseudoTerminal::open();
    if (!pty.port) usage("cannot open a pseudo-terminal: " + pty.error);
    const std::string device = pty.port->device_path();

    int go[2];
    if (pipe(go) != 0) usage("pipe failed");
    // Fork before Qt starts any thread.
    const pid_t writer = fork();
    if (writer == 0) {
        close(go[1]);
        char byte = 0;
        if (read(go[0], &byte, 1) != 1) _exit(1);
        bench::run_device_writer(*pty.port, options.rate_hz, options.batch, total - 16, log);
        _exit(0);
    }
    close(go[0]);

    QApplication app(argc, argv);
    QTemporaryDir scratch;
    algogui::Preferences prefs(scratch.filePath(QStringLiteral("prefs.ini")));
    algogui::MainWindow window(prefs, std::make_unique<algogui::SilentToneOutput>());
    window.resize(1280, 800);
    window.show();

    bench::LatencyRecorder recorder(log);
    QObject::connect(&window.feed(), &algogui::LiveFeed::frameReady, &window, [&] {
        recorder.on_frame(window.feed().model().samples_seen(),
                          window.feed().model().latest().force_n);
    });
    window.live_panel().plot().set_paint_observer(
        [&](std::uint64_t shown) { recorder.on_paint(shown, bench::monotonic_ns()); });

    algogui::DeviceChoice choice;
    choice.port = QString::fromStdString(device);
    choice.driver = QStringLiteral("ascii");
    if (!window.connect_device(choice)) {
        kill(writer, SIGKILL);
        waitpid(writer, nullptr, 0);
        usage("the GUI could not open " + device);
    }
    if (write(go[1], "g", 1) != 1) usage("cannot start the device writer");

    double cpu_start = 0, rss_start = 0;
    std::int64_t wall_start = 0;
    QTimer::singleShot(static_cast<int>(options.warmup_s * 1000), &app, [&] {
        recorder.set_measure_from_ns(bench::monotonic_ns());
        cpu_start = cpu_seconds();
        rss_start = rss_mb();
        wall_start = bench::monotonic_ns();
    });
    QTimer::singleShot(static_cast<int>((options.warmup_s + options.seconds) * 1000), &app,
                       [&] { app.quit(); });
    app.exec();

    const double wall_s = static_cast<double>(bench::monotonic_ns() - wall_start) / 1e9;
    const double cpu_percent = 100.0 * (cpu_seconds() - cpu_start) / wall_s;
    const double rss_growth = rss_mb() - rss_start;
    kill(writer, SIGTERM);
    waitpid(writer, nullptr, 0);

    const auto& lat = recorder.latencies_ms();
    const auto& status = window.feed().status();
    const double p50 = percentile(lat, 50), p99 = percentile(lat, 99);
    if (options.json) {
        std::printf("{\"p50_ms\":%.2f,\"p99_ms\":%.2f,\"cpu_percent\":%.1f,\"rss_growth_mb\":%.2f,"
                    "\"rate_hz\":%.0f,\"batch\":%u,\"seconds\":%.0f,\"samples_measured\":%zu,"
                    "\"frames_painted\":%llu,\"samples_received\":%llu,\"samples_lost\":%llu,"
                    "\"mismatches\":%llu,\"measured_wall_s\":%.2f}\n",
                    p50, p99, cpu_percent, rss_growth, options.rate_hz, options.batch,
                    options.seconds, lat.size(),
                    static_cast<unsigned long long>(recorder.frames_painted()),
                    static_cast<unsigned long long>(window.feed().model().samples_seen()),
                    static_cast<unsigned long long>(status.driver.samples_lost + status.ring_drops),
                    static_cast<unsigned long long>(recorder.mismatches()), wall_s);
    } else {
        std::printf("write→paint latency over %zu samples: p50 %.2f ms, p99 %.2f ms\n"
                    "GUI process CPU %.1f %% of one core, RSS growth %.2f MB over %.0f s\n",
                    lat.size(), p50, p99, cpu_percent, rss_growth, options.seconds);
    }
    window.feed().disconnect_device();
    return lat.empty() ? 1 : 0;
}
