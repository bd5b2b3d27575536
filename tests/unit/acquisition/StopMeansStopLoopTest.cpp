// Issue 12, item 8, at the acquisition loop: after the driver's goodbye nothing more reaches
// the device, whatever the driver would answer to bytes still arriving.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "algocore/acquisition/Acquisition.h"
#include "algocore/acquisition/FakeTransport.h"

namespace {

using namespace algocore;
using namespace std::chrono_literals;

// A device dialect that re-arms the device whenever it hears from it (as a native driver
// answers an unasked DEVICE_INFO with START).
class RearmingDriver final : public Driver {
public:
    std::string_view name() const override { return "rearming"; }
    void start(SteadyTime, DriverLink& link) override { link.send_text("ARM\n"); }
    void on_bytes(const ByteChunk&, DriverLink& link) override { link.send_text("ARM\n"); }
    void on_tick(SteadyTime, DriverLink&) override {}
    void stop(DriverLink& link) override { link.send_text("STOP\n"); }
    std::optional<DeviceIdentity> identity() const override { return std::nullopt; }
    DriverStats stats() const override { return {}; }
};

TEST(StopMeansStopLoop, BytesArrivingAfterTheGoodbyeAreNotAnswered) {
    auto line = std::make_shared<FakeLine>();
    AcquisitionConfig config;
    config.opener = std::make_shared<FakeOpener>(line);
    config.driver_factory = [] { return std::make_unique<RearmingDriver>(); };
    Acquisition acquisition(config);
    ASSERT_TRUE(acquisition.start(nullptr));
    while (!line->is_open())
        std::this_thread::sleep_for(1ms);

    // The device keeps talking through the whole stop.
    std::atomic<bool> talking{true};
    std::thread device([&] {
        while (talking) {
            line->feed_text("status\n");
            std::this_thread::sleep_for(1ms);
        }
    });
    std::this_thread::sleep_for(20ms);
    acquisition.stop();
    talking = false;
    device.join();

    const std::string written = line->written_text();
    const auto goodbye = written.find("STOP\n");
    ASSERT_NE(goodbye, std::string::npos) << written;
    EXPECT_EQ(written.substr(goodbye), "STOP\n")
        << "sent after the goodbye: " << written.substr(goodbye);
}

} // namespace
