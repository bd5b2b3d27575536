#include "PtyNativeDevice.h"

#include <chrono>

namespace acqbench {

PtyNativeDevice::PtyNativeDevice(algotest::NativeEmulator::Options options) : device_(options) {
    algosim::OpenPortResult opened = algosim::open_virtual_serial_port({});
    if (!opened.port) {
        error_ = opened.error;
        return;
    }
    port_ = std::move(opened.port);
    thread_ = std::thread([this] { run(); });
}

PtyNativeDevice::~PtyNativeDevice() {
    running_ = false;
    if (thread_.joinable()) thread_.join();
}

void PtyNativeDevice::run() {
    const auto start = std::chrono::steady_clock::now();
    std::string pending; // bytes the pty did not take yet
    std::uint8_t buffer[512];
    while (running_) {
        // Answer what the host sent, then emit what is due by now.
        for (;;) {
            const auto r = port_->read(buffer);
            if (r.status != algosim::PortIoStatus::Ok || r.bytes == 0) break;
            pending +=
                device_.receive(std::string_view(reinterpret_cast<const char*>(buffer), r.bytes));
        }
        const double t_s =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        pending += device_.advance_to(t_s);
        while (!pending.empty()) {
            const auto w = port_->write(
                {reinterpret_cast<const std::uint8_t*>(pending.data()), pending.size()});
            if (w.status != algosim::PortIoStatus::Ok || w.bytes == 0) break;
            pending.erase(0, w.bytes);
        }
        port_->wait_readable(std::chrono::milliseconds(1));
    }
}

} // namespace acqbench
