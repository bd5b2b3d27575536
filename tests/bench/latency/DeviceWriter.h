#pragma once
// The device side of the benchmark, run in a child process so its CPU time is not counted
// against the GUI: writes one ASCII reading per sample to the pseudo-terminal at a fixed
// rate, stamping each sample with the monotonic clock just before its write().
#include <cstddef>
#include <cstdint>

namespace algosim {
class VirtualSerialPort;
}

namespace bench {

/// Write times, shared with the parent (mmap'd before fork).
struct WriteLog {
    std::int64_t* write_ns = nullptr; ///< index = sample number
    std::size_t capacity = 0;
};

/// Sample k reads (k mod kPatternLength) / 100 N: a 0–50 N sawtooth that also tells the
/// parent which sample it is looking at.
inline constexpr std::int64_t kPatternLength = 5000;

/// Writes samples at rate_hz, batch lines per write(), until `count` samples were written.
/// Returns the number written.
std::size_t run_device_writer(algosim::VirtualSerialPort& port, double rate_hz, unsigned batch,
                              std::size_t count, WriteLog log);

/// CLOCK_MONOTONIC in nanoseconds (the same clock in both processes).
std::int64_t monotonic_ns();

} // namespace bench
