#pragma once
// Runs a byte-level gauge emulator behind a pseudo-terminal on its own thread, in real time,
// so the host side can open it as a serial port.
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "algosim/PseudoTerminal.h"
#include "algotest/GaugeEmulator.h"

namespace algotest {

/// An emulator on a pty. The emulator is touched only under the lock (with_device()).
class PtyGauge {
public:
    explicit PtyGauge(std::unique_ptr<GaugeEmulator> device);
    ~PtyGauge();
    PtyGauge(const PtyGauge&) = delete;
    PtyGauge& operator=(const PtyGauge&) = delete;

    /// Empty when the pty opened; else why not.
    const std::string& error() const { return error_; }
    /// Path the host opens.
    std::string path() const;

    /// Run fn(emulator) under the lock, e.g. to change the force or power-cycle it.
    template <typename Fn> void with_device(Fn&& fn) {
        std::lock_guard lock(mutex_);
        fn(*device_);
    }
    /// Bytes to send towards the host as if the device had sent them.
    void inject(const std::string& bytes);

private:
    void run();
    void write_all(const std::string& bytes);

    std::unique_ptr<GaugeEmulator> device_;
    std::unique_ptr<algosim::VirtualSerialPort> port_;
    std::string error_;
    std::mutex mutex_;
    std::string injected_;
    std::atomic<bool> running_{false};
    std::thread thread_;
};

} // namespace algotest
