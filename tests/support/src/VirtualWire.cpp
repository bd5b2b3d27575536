#include "algotest/VirtualWire.h"

#include <algorithm>
#include <chrono>
#include <cstdint>

namespace algotest {

VirtualWire::VirtualWire(algocore::Driver& driver, GaugeEmulator& device, Options options)
    : driver_(driver), device_(device), options_(options), random_(options.seed) {}

algocore::SteadyTime VirtualWire::host_time(double t_s) const {
    // An arbitrary, fixed epoch so host times look like real steady_clock values.
    return algocore::SteadyTime{} + std::chrono::hours(100) +
           std::chrono::duration_cast<algocore::SteadyClock::duration>(
               std::chrono::duration<double>(t_s));
}

void VirtualWire::start() {
    driver_.start(host_time(now_s_), link_);
}

void VirtualWire::inject_to_host(const std::string& bytes) {
    to_host_.push_back({now_s_, bytes});
}

void VirtualWire::deliver_to_host(const std::string& bytes) {
    if (bytes.empty()) return;
    double delay = options_.to_host_delay_s;
    if (options_.to_host_jitter_s > 0) {
        std::exponential_distribution<double> jitter(1.0 / options_.to_host_jitter_s);
        delay += jitter(random_);
    }
    // A serial line keeps order: a later chunk never overtakes an earlier one.
    const double due = std::max(now_s_ + delay, last_host_due_s_);
    last_host_due_s_ = due;
    to_host_.push_back({due, bytes});
}

void VirtualWire::run_for(double seconds) {
    const double end_s = now_s_ + seconds;
    while (now_s_ < end_s - 1e-12) {
        now_s_ += options_.step_s;
        // Host → device.
        const std::string sent = link_.take_sent();
        if (!sent.empty()) to_device_.push_back({now_s_ + options_.to_device_delay_s, sent});
        while (!to_device_.empty() && to_device_.front().due_s <= now_s_) {
            deliver_to_host(device_.receive(to_device_.front().bytes));
            to_device_.pop_front();
        }
        deliver_to_host(device_.advance_to(now_s_));
        // Device → host, stamped with the arrival time.
        std::string due;
        while (!to_host_.empty() && to_host_.front().due_s <= now_s_) {
            due += to_host_.front().bytes;
            to_host_.pop_front();
        }
        const std::size_t chunk = options_.max_chunk_bytes ? options_.max_chunk_bytes : due.size();
        for (std::size_t at = 0; at < due.size(); at += chunk) {
            const std::string piece = due.substr(at, chunk);
            algocore::ByteChunk c;
            c.arrival = host_time(now_s_);
            c.bytes = {reinterpret_cast<const std::uint8_t*>(piece.data()), piece.size()};
            driver_.on_bytes(c, link_);
        }
        driver_.on_tick(host_time(now_s_), link_);
    }
}

} // namespace algotest
