#pragma once
// A tiny driver for acquisition tests: one decimal number of newtons per LF-terminated line.
// It says "HELLO\n" at start and "BYE\n" at stop, names itself after the first valid line,
// and reports the link lost when the device sends "LOST". It can pose as a polled gauge or as a
// stream at a nominal rate (what a reconnect prices a gap at).
#include "algocore/Driver.h"

namespace acqtest {

class LineTestDriver final : public algocore::Driver {
public:
    LineTestDriver() = default;
    LineTestDriver(bool polled, double nominal_rate_hz)
        : polled_(polled), nominal_rate_hz_(nominal_rate_hz) {}
    std::string_view name() const override { return "line-test"; }
    void start(algocore::SteadyTime now, algocore::DriverLink& link) override;
    void on_bytes(const algocore::ByteChunk& chunk, algocore::DriverLink& link) override;
    void on_tick(algocore::SteadyTime, algocore::DriverLink&) override {}
    void stop(algocore::DriverLink& link) override { link.send_text("BYE\n"); }
    std::optional<algocore::DeviceIdentity> identity() const override { return identity_; }
    algocore::DriverStats stats() const override { return stats_; }

private:
    bool polled_ = false;
    double nominal_rate_hz_ = 0.0;
    std::string line_;
    std::optional<algocore::DeviceIdentity> identity_;
    algocore::DriverStats stats_;
};

} // namespace acqtest
