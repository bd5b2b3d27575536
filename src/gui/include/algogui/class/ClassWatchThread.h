#pragma once
// The teacher's class watcher (algocore::sharedstudy::ClassWatcher) on a thread of its own, so
// a slow or absent server never holds up the window. The thread keeps the newest picture of
// the class; the GUI thread takes it on a display tick (at most kRedrawsPerSecond) and only
// when something changed, so thirty stations at 5 updates/s cost at most ten redraws a second.
#include <QObject>
#include <QString>
#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "algocore/sharedstudy/ClassProgress.h"

class QTimer;

namespace algogui::classview {

class ClassWatchThread : public QObject {
    Q_OBJECT
public:
    /// At most this many pictures a second reach the GUI.
    static constexpr int kRedrawsPerSecond = 10;

    /// Starts watching `class_name` on the server at `address` at once.
    ClassWatchThread(const std::string& address, const std::string& class_name,
                     QObject* parent = nullptr);
    /// Stops the thread (a step under way ends within its wait).
    ~ClassWatchThread() override;
    ClassWatchThread(const ClassWatchThread&) = delete;
    ClassWatchThread& operator=(const ClassWatchThread&) = delete;

Q_SIGNALS:
    /// Every station of the class as shown now, by station name.
    void stationsChanged(const std::vector<algocore::sharedstudy::StationProgress>& stations);
    /// The connection's problem in a sentence, or empty once connected.
    void problemChanged(const QString& problem);

private:
    void run(std::string address, std::string class_name);
    void deliver();

    std::mutex mutex_;
    std::vector<algocore::sharedstudy::StationProgress> newest_;
    std::string problem_;
    bool changed_ = false;
    bool problem_changed_ = false;
    std::atomic<bool> stop_{false};
    QTimer* tick_ = nullptr;
    std::thread thread_;
};

} // namespace algogui::classview
