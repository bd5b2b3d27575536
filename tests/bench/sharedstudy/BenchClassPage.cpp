// algoscope-bench-class-page [--stations N] [--seconds S] [--size WxH]
// The teacher's page at a class's pace (issue 23: at most 15 % of one core with 30 stations):
// the real Class page (offscreen, 1920x1080 unless --size says otherwise) watches N station
// processes (default 30) publishing at 5 Hz into a throwaway PostgreSQL 15 on 127.0.0.1 (see
// ClassBenchClass.h). After a warm-up until every station is on the page, it measures for S
// seconds (default 20): the CPU of the whole GUI process (every thread: the GUI thread and the
// watcher's) and of the GUI thread alone, as a share of one core (getrusage over the window),
// the table's redraws per second and the pictures the watcher handed the table per second.
#include <sys/resource.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QEventLoop>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <string>

#include "ClassBenchClass.h"
#include "algogui/class/ClassPage.h"
#include "algogui/class/ClassTableModel.h"
#include "algogui/class/ClassWatchThread.h"

namespace {

constexpr const char* kBench = "algoscope-bench-class-page";

// CPU time of the calling thread, seconds.
double thread_cpu_s() {
    rusage usage{};
    ::getrusage(RUSAGE_THREAD, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// Counts the paint events a widget gets (the table's viewport: one per redraw of the rows).
class PaintCounter : public QObject {
public:
    int paints = 0;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Paint) ++paints;
        return QObject::eventFilter(watched, event);
    }
};

void run_events_for(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

int main(int argc, char** argv) {
    int stations = 30;
    double seconds = 20.0;
    int width = 1920;
    int height = 1080;
    for (int i = 1; i < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--stations" && i + 1 < argc)
            stations = std::clamp(std::atoi(argv[i + 1]), 1, 150);
        else if (flag == "--seconds" && i + 1 < argc)
            seconds = std::clamp(std::atof(argv[i + 1]), 3.0, 600.0);
        else if (flag == "--size" && i + 1 < argc &&
                 std::sscanf(argv[i + 1], "%dx%d", &width, &height) == 2)
            continue;
        else
            class_bench::die(kBench, "unknown option " + flag + " (usage: " + kBench +
                                         " [--stations N] [--seconds S] [--size WxH])");
    }
    // The stations are forked before Qt starts a thread; they publish through the warm-up too.
    constexpr double kWarmUpMostS = 10.0;
    class_bench::BenchClass bench(kBench, stations, seconds + kWarmUpMostS + 2.0);

    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    algogui::classview::ClassPage page(QString::fromStdString(bench.teacher_url()),
                                       QStringLiteral("teacher"), [] { return std::string(); });
    page.resize(width, height);
    page.show();
    PaintCounter redraws;
    page.table().viewport()->installEventFilter(&redraws);
    page.class_field().setText(QStringLiteral("bench"));
    page.watch();

    // Warm-up: until every station is on the page (they connect one by one), then 2 s more.
    QElapsedTimer warm;
    warm.start();
    while (page.model().rowCount() < stations && warm.elapsed() < kWarmUpMostS * 1000)
        run_events_for(100);
    run_events_for(2000);

    const double cpu_before = class_bench::process_cpu_s();
    const double gui_before = thread_cpu_s();
    const int pictures_before = page.pictures();
    const int paints_before = redraws.paints;
    QElapsedTimer measured;
    measured.start();
    run_events_for(static_cast<int>(seconds * 1000.0));
    const double wall = static_cast<double>(measured.nsecsElapsed()) / 1e9;
    const double cpu = class_bench::process_cpu_s() - cpu_before;
    const double gui = thread_cpu_s() - gui_before;
    const int pictures = page.pictures() - pictures_before;
    const int paints = redraws.paints - paints_before;
    int live = 0;
    for (const auto& p : page.model().stations())
        if (algocore::sharedstudy::live_pressure_kpa(p)) ++live;

    std::printf("Class page (%s, %dx%d) watching %d stations, %.1f s measured on a PostgreSQL 15 "
                "over 127.0.0.1\n",
                qPrintable(QGuiApplication::platformName()), width, height, stations, wall);
    std::printf("  rows on the page %d (with a live pressure %d)\n", page.model().rowCount(), live);
    std::printf("  GUI process CPU %.1f %% of one core (%.2f s in %.1f s); GUI thread alone "
                "%.1f %%\n",
                100.0 * cpu / wall, cpu, wall, 100.0 * gui / wall);
    std::printf("  table redraws %.1f/s; pictures from the watcher %.1f/s (at most %d/s)\n",
                paints / wall, pictures / wall,
                algogui::classview::ClassWatchThread::kRedrawsPerSecond);
    std::fflush(stdout);
    return 0;
}
