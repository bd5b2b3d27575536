#pragma once
// Lock-free single-producer/single-consumer ring: the only way samples cross from the I/O
// thread to a consumer (GUI tick, recorder). Fixed capacity, no allocation after construction.
#include <atomic>
#include <cstddef>
#include <memory>
#include <new>
#include <optional>
#include <type_traits>
#include <utility>

namespace algocore {

/// Bounded SPSC queue. push() is called by exactly one thread, pop()/drain() by exactly
/// one other. A full ring refuses the push (the producer counts the drop); it never blocks.
template <typename T> class SpscRing {
public:
    /// capacity is rounded up to a power of two.
    explicit SpscRing(std::size_t capacity)
        : mask_(round_up(capacity) - 1), slots_(new T[mask_ + 1]) {}

    SpscRing(const SpscRing&) = delete;
    SpscRing& operator=(const SpscRing&) = delete;

    std::size_t capacity() const { return mask_ + 1; }

    /// Producer side. Returns false (and leaves the ring unchanged) when full.
    bool push(T value) {
        const std::size_t head = head_.load(std::memory_order_relaxed);
        if (head - tail_cache_ > mask_) {
            tail_cache_ = tail_.load(std::memory_order_acquire);
            if (head - tail_cache_ > mask_) return false;
        }
        slots_[head & mask_] = std::move(value);
        head_.store(head + 1, std::memory_order_release);
        return true;
    }

    /// Consumer side. Empty optional when nothing is waiting.
    std::optional<T> pop() {
        const std::size_t tail = tail_.load(std::memory_order_relaxed);
        if (tail == head_cache_) {
            head_cache_ = head_.load(std::memory_order_acquire);
            if (tail == head_cache_) return std::nullopt;
        }
        std::optional<T> out(std::move(slots_[tail & mask_]));
        tail_.store(tail + 1, std::memory_order_release);
        return out;
    }

    /// Consumer side: hands every waiting element to fn, oldest first; returns how many.
    template <typename Fn>
    std::size_t drain(Fn&& fn, std::size_t max_items = static_cast<std::size_t>(-1)) {
        const std::size_t tail = tail_.load(std::memory_order_relaxed);
        const std::size_t head = head_.load(std::memory_order_acquire);
        std::size_t n = head - tail;
        if (n > max_items) n = max_items;
        for (std::size_t i = 0; i < n; ++i)
            fn(std::move(slots_[(tail + i) & mask_]));
        tail_.store(tail + n, std::memory_order_release);
        return n;
    }

    /// Approximate number of waiting elements (exact when called by either side alone).
    std::size_t size() const {
        return head_.load(std::memory_order_acquire) - tail_.load(std::memory_order_acquire);
    }

private:
    static std::size_t round_up(std::size_t n) {
        std::size_t p = 2;
        while (p < n)
            p <<= 1;
        return p;
    }

    // Producer and consumer indices on separate cache lines so they do not false-share.
    static constexpr std::size_t kLine = 64;
    const std::size_t mask_;
    std::unique_ptr<T[]> slots_;
    alignas(kLine) std::atomic<std::size_t> head_{0};
    std::size_t tail_cache_ = 0; // producer's view of tail_
    alignas(kLine) std::atomic<std::size_t> tail_{0};
    std::size_t head_cache_ = 0; // consumer's view of head_
};

} // namespace algocore
