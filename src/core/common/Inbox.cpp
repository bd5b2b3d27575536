#include "algocore/Inbox.h"

#include <utility>

namespace algocore {

void Inbox::post(std::function<void()> completion) {
    std::function<void()> wake;
    {
        std::lock_guard lock(mutex_);
        queue_.push_back(std::move(completion));
        wake = wake_;
    }
    if (wake) wake();
}

std::size_t Inbox::deliver() {
    std::vector<std::function<void()>> ready;
    {
        std::lock_guard lock(mutex_);
        ready.swap(queue_);
    }
    for (auto& completion : ready)
        completion();
    return ready.size();
}

void Inbox::set_wake(std::function<void()> wake) {
    std::lock_guard lock(mutex_);
    wake_ = std::move(wake);
}

std::size_t Inbox::waiting() const {
    std::lock_guard lock(mutex_);
    return queue_.size();
}

} // namespace algocore
