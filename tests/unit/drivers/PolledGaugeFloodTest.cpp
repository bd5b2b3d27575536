// Issue 19 item 10: a polled gauge driver under an unsolicited flood of valid lines (a gauge
// left in continuous mode, 10^4 lines in 10 ms here) sent a new poll for every line, which on
// a port the other side does not read queued writes without bound (about 60 MB/s at 10^6
// lines/s). Every line is still a reading; the polls stay at the rate a gauge could answer.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>

#include "algocore/drivers/DriverFactory.h"
#include "algotest/ImadaEmulator.h"
#include "algotest/Mark10Emulator.h"
#include "algotest/RecordingLink.h"
#include "algotest/ShimpoEmulator.h"
#include "algotest/WagnerEmulator.h"

using namespace algocore;

namespace {

struct Dialect {
    const char* driver;
    std::string poll;
    std::string line;
};

int count_of(const std::string& text, const std::string& what) {
    int n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

class PolledGaugeFlood : public ::testing::TestWithParam<int> {};

Dialect dialect(int i) {
    switch (i) {
    case 0: return {"mark10", "?\r", algotest::Mark10Emulator{}.receive("?\r")};
    case 1: return {"wagner", "?\r", algotest::WagnerEmulator{}.receive("?\r")};
    case 2: return {"imada", "D\r", algotest::ImadaEmulator{}.receive("D\r")};
    default: return {"shimpo", "BA\r", algotest::ShimpoEmulator{false}.receive("BA\r")};
    }
}

TEST_P(PolledGaugeFlood, SendsNoPollPerUnsolicitedLine) {
    const Dialect d = dialect(GetParam());
    DriverOptions options;
    options.baud = 115200;
    std::string error;
    std::unique_ptr<Driver> driver = make_driver(d.driver, options, &error);
    ASSERT_TRUE(driver) << d.driver << ": " << error;
    algotest::RecordingLink link;
    const SteadyTime t0{};
    driver->start(t0, link);
    ASSERT_EQ(count_of(link.sent, d.poll), 1) << d.driver;
    // 10,000 lines, one every microsecond: 10 ms of flood.
    constexpr int kLines = 10000;
    for (int i = 1; i <= kLines; ++i) {
        const auto* bytes = reinterpret_cast<const std::uint8_t*>(d.line.data());
        driver->on_bytes({t0 + std::chrono::microseconds(i), {bytes, d.line.size()}}, link);
    }
    EXPECT_EQ(link.samples.size(), static_cast<std::size_t>(kLines))
        << d.driver << ": " << link.event_log();
    // At most one poll per millisecond of flood (no gauge answers sooner), not one per line.
    EXPECT_LE(count_of(link.sent, d.poll), 11) << d.driver;
}

INSTANTIATE_TEST_SUITE_P(MarkTenWagnerImadaShimpo, PolledGaugeFlood, ::testing::Range(0, 4));

} // namespace
