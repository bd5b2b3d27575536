#pragma once
// The native-protocol emulator from tests/support behind a pseudo-terminal, run in real time
// on its own thread, so the benchmark can stream at rates the simulated firmware does not
// offer (up to 20 kHz).
#include <atomic>
#include <memory>
#include <string>
#include <thread>

#include "algosim/VirtualSerialPort.h"
#include "algotest/NativeEmulator.h"

namespace acqbench {

class PtyNativeDevice {
public:
    explicit PtyNativeDevice(algotest::NativeEmulator::Options options);
    ~PtyNativeDevice();
    std::string path() const { return port_ ? port_->device_path() : std::string(); }
    const std::string& error() const { return error_; }

private:
    void run();
    algotest::NativeEmulator device_;
    std::unique_ptr<algosim::VirtualSerialPort> port_;
    std::string error_;
    std::atomic<bool> running_{true};
    std::thread thread_;
};

} // namespace acqbench
