#pragma once
// Completions waiting for their owner's thread. A storage (or any worker) thread posts a
// finished piece of work; the owner (the GUI's display tick, the CLI's loop) delivers them on
// its own thread, so no callback ever runs on a worker thread and no lock is held while one
// runs. An optional wake-up hook lets an event loop deliver promptly.
#include <cstddef>
#include <functional>
#include <mutex>
#include <vector>

namespace algocore {

class Inbox {
public:
    /// Queues `completion` (any thread). Calls the wake-up hook, if set.
    void post(std::function<void()> completion);
    /// Runs every queued completion on the calling thread, oldest first; returns how many.
    /// Completions posted while delivering wait for the next call.
    std::size_t deliver();
    /// Called (on the posting thread) after each post; e.g. a queued call into the GUI thread.
    void set_wake(std::function<void()> wake);
    std::size_t waiting() const;

private:
    mutable std::mutex mutex_;
    std::vector<std::function<void()>> queue_;
    std::function<void()> wake_;
};

} // namespace algocore
