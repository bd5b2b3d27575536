#pragma once
// The teacher's class watcher (algocore::sharedstudy::ClassWatcher) on a thread of its own, so
// a slow or absent server never holds up the window. The thread keeps the newest picture of
// the class; the GUI thread takes it on a display tick (at most kRedrawsPerSecond) and only
// when something changed, so thirty stations at 5 updates/s cost at most ten redraws a second.
// The GUI thread never waits for the worker: a worker caught in libpq's connect (a server that
// does not answer holds it up to connect_timeout) is told to stop and left to end on its own.
#include <QObject>
#include <QString>
#include <atomic>
#include <memory>
#include <mutex>
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
    /// Tells the thread to stop and returns at once; the thread ends when its step under way
    /// does (within the step's wait, or when a connection attempt gives up).
    ~ClassWatchThread() override;
    ClassWatchThread(const ClassWatchThread&) = delete;
    ClassWatchThread& operator=(const ClassWatchThread&) = delete;

Q_SIGNALS:
    /// Every station of the class as shown now, by station name.
    void stationsChanged(const std::vector<algocore::sharedstudy::StationProgress>& stations);
    /// The connection's problem in a sentence, or empty once connected.
    void problemChanged(const QString& problem);

private:
    /// What the worker and the GUI thread share; the worker keeps it alive after this object
    /// is gone.
    struct Shared {
        std::mutex mutex;
        std::vector<algocore::sharedstudy::StationProgress> newest;
        std::string problem;
        bool changed = false;
        bool problem_changed = false;
        std::atomic<bool> stop{false};
    };
    static void run(std::shared_ptr<Shared> shared, std::string address, std::string class_name);
    void deliver();

    std::shared_ptr<Shared> shared_ = std::make_shared<Shared>();
    QTimer* tick_ = nullptr;
};

} // namespace algogui::classview
