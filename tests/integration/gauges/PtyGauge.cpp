#include "PtyGauge.h"

#include <array>

namespace algotest {

PtyGauge::PtyGauge(std::unique_ptr<GaugeEmulator> device) : device_(std::move(device)) {
    auto opened = algosim::PseudoTerminal::open();
    if (!opened.port) {
        error_ = opened.error;
        return;
    }
    port_ = std::move(opened.port);
    running_ = true;
    thread_ = std::thread([this] { run(); });
}

PtyGauge::~PtyGauge() {
    running_ = false;
    if (thread_.joinable()) thread_.join();
    if (port_) port_->close();
}

std::string PtyGauge::path() const {
    return port_ ? port_->device_path() : std::string();
}

void PtyGauge::inject(const std::string& bytes) {
    std::lock_guard lock(mutex_);
    injected_ += bytes;
}

void PtyGauge::write_all(const std::string& bytes) {
    std::size_t at = 0;
    while (at < bytes.size() && running_) {
        const auto r = port_->write(
            {reinterpret_cast<const std::uint8_t*>(bytes.data()) + at, bytes.size() - at});
        if (r.status == algosim::PortIoStatus::Ok) {
            at += r.bytes;
        } else if (r.status == algosim::PortIoStatus::WouldBlock) {
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        } else {
            return; // the host side went away: drop the bytes like a real UART would
        }
    }
}

void PtyGauge::run() {
    const auto t0 = std::chrono::steady_clock::now();
    std::array<std::uint8_t, 512> buffer{};
    while (running_) {
        port_->wait_readable(std::chrono::milliseconds(1));
        std::string from_host;
        for (;;) {
            const auto r = port_->read(buffer);
            if (r.status != algosim::PortIoStatus::Ok || r.bytes == 0) break;
            from_host.append(reinterpret_cast<const char*>(buffer.data()), r.bytes);
        }
        std::string to_host;
        {
            std::lock_guard lock(mutex_);
            to_host = std::move(injected_);
            injected_.clear();
            if (!from_host.empty()) to_host += device_->receive(from_host);
            const double t_s =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            to_host += device_->advance_to(t_s);
        }
        if (!to_host.empty()) write_all(to_host);
    }
}

} // namespace algotest
