#include "algogui/class/ClassWatchThread.h"

#include <QTimer>
#include <chrono>
#include <thread>

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
    std::thread(run, shared_, address, class_name).detach();
}

ClassWatchThread::~ClassWatchThread() {
    shared_->stop = true;
}

void ClassWatchThread::run(std::shared_ptr<Shared> shared, std::string address,
                           std::string class_name) {
    ClassWatcher watcher(std::move(address), std::move(class_name));
    bool first = true;
    while (!shared->stop) {
        const std::vector<StationProgress> heard = watcher.step(kStepWait);
        const std::string problem = watcher.error().message;
        std::lock_guard<std::mutex> lock(shared->mutex);
        if (!heard.empty() || first) {
            shared->newest = watcher.stations();
            shared->changed = true;
        }
        if (problem != shared->problem || first) {
            shared->problem = problem;
            shared->problem_changed = true;
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
        std::lock_guard<std::mutex> lock(shared_->mutex);
        changed = shared_->changed;
        problem_changed = shared_->problem_changed;
        if (changed) stations = shared_->newest;
        if (problem_changed) problem = QString::fromStdString(shared_->problem);
        shared_->changed = shared_->problem_changed = false;
    }
    if (problem_changed) Q_EMIT problemChanged(problem);
    if (changed) Q_EMIT stationsChanged(stations);
}

} // namespace algogui::classview
