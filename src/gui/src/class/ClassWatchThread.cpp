#include "algogui/class/ClassWatchThread.h"

#include <QTimer>
#include <chrono>

#include "algocore/sharedstudy/ClassWatcher.h"

namespace algogui::classview {

using algocore::sharedstudy::ClassWatcher;
using algocore::sharedstudy::StationProgress;

namespace {
// How long one step of the watcher waits for notifications: also how long stopping can take.
constexpr std::chrono::milliseconds kStepWait{200};
} // namespace

ClassWatchThread::ClassWatchThread(const std::string& address, const std::string& class_name,
                                   QObject* parent)
    : QObject(parent) {
    tick_ = new QTimer(this);
    tick_->setInterval(1000 / kRedrawsPerSecond);
    connect(tick_, &QTimer::timeout, this, &ClassWatchThread::deliver);
    tick_->start();
    thread_ = std::thread([this, address, class_name] { run(address, class_name); });
}

ClassWatchThread::~ClassWatchThread() {
    stop_ = true;
    thread_.join();
}

void ClassWatchThread::run(std::string address, std::string class_name) {
    ClassWatcher watcher(std::move(address), std::move(class_name));
    bool first = true;
    while (!stop_) {
        const std::vector<StationProgress> heard = watcher.step(kStepWait);
        const std::string problem = watcher.error().message;
        std::lock_guard<std::mutex> lock(mutex_);
        if (!heard.empty() || first) {
            newest_ = watcher.stations();
            changed_ = true;
        }
        if (problem != problem_ || first) {
            problem_ = problem;
            problem_changed_ = true;
        }
        first = false;
    }
}

void ClassWatchThread::deliver() {
    std::vector<StationProgress> stations;
    QString problem;
    bool changed = false;
    bool problem_changed = false;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        changed = changed_;
        problem_changed = problem_changed_;
        if (changed) stations = newest_;
        if (problem_changed) problem = QString::fromStdString(problem_);
        changed_ = problem_changed_ = false;
    }
    if (problem_changed) Q_EMIT problemChanged(problem);
    if (changed) Q_EMIT stationsChanged(stations);
}

} // namespace algogui::classview
