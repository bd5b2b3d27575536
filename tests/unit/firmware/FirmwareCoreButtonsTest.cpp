#include <gtest/gtest.h>

#include "FakeHal.h"

namespace algoproto {
namespace {

using test::Bench;

TEST(FirmwareCoreButtons, IgnoresBouncesShorterThanTheDebounceTime) {
    Bench bench;
    bench.boot();
    // Contact bounce: 5 ms pulses, never stable for 20 ms.
    for (int i = 0; i < 10; ++i) {
        bench.hal.buttons = (i % 2 == 0) ? kOperatorButton : 0;
        bench.run_for(5000, 500);
    }
    EXPECT_TRUE(bench.host.of_type(MessageType::Event).empty());
    EXPECT_EQ(bench.core->buttons(), 0);
}

TEST(FirmwareCoreButtons, SendsOnePressAndOneReleaseEventWithTheSampleIndex) {
    Bench bench;
    bench.boot();
    bench.command(Start{1000, 10});
    bench.run_for(30000, 500);
    // Press with bounce, then hold.
    bench.hal.buttons = kPatientButton;
    bench.run_for(2000, 500);
    bench.hal.buttons = 0;
    bench.run_for(1000, 500);
    bench.hal.buttons = kPatientButton;
    const std::uint32_t stable_from = bench.hal.now_us;
    bench.run_for(100000, 500);
    bench.hal.buttons = 0;
    bench.run_for(50000, 500);

    const auto events = bench.host.of_type(MessageType::Event);
    ASSERT_EQ(events.size(), 2u);
    const auto press = events[0].as<Event>();
    EXPECT_EQ(press.button, kPatientButton);
    EXPECT_EQ(press.pressed, 1);
    EXPECT_EQ(press.buttons, kPatientButton);
    // Accepted 20 ms after the level settled (within one poll step).
    EXPECT_GE(press.t_us - stable_from, 20000u);
    EXPECT_LE(press.t_us - stable_from, 20500u);
    const auto release = events[1].as<Event>();
    EXPECT_EQ(release.pressed, 0);
    EXPECT_EQ(release.buttons, 0);
    EXPECT_GT(release.index, press.index);

    // Frames wholly before press.index lack the patient flag; the frame holding it has it.
    bool at_seen = false;
    for (const auto& f : bench.host.of_type(MessageType::Samples)) {
        const auto s = f.as<Samples>();
        if (s.first_index + s.count <= press.index) {
            EXPECT_EQ(s.flags & kFlagPatientButton, 0) << s.first_index;
        } else if (press.index >= s.first_index) {
            EXPECT_NE(s.flags & kFlagPatientButton, 0);
            at_seen = true;
        }
    }
    EXPECT_TRUE(at_seen);
}

TEST(FirmwareCoreButtons, DebouncesEachButtonOnItsOwn) {
    Bench bench;
    bench.boot();
    // Operator held steadily while the patient button chatters.
    for (int i = 0; i < 20; ++i) {
        bench.hal.buttons =
            static_cast<std::uint8_t>(kOperatorButton | ((i % 2) ? kPatientButton : 0));
        bench.run_for(3000, 500);
    }
    const auto events = bench.host.of_type(MessageType::Event);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].as<Event>().button, kOperatorButton);
}

TEST(FirmwareCoreButtons, EventsAreSentEvenWhenNotStreaming) {
    Bench bench;
    bench.boot();
    bench.hal.buttons = kOperatorButton;
    bench.run_for(30000, 1000);
    EXPECT_EQ(bench.host.of_type(MessageType::Event).size(), 1u);
    EXPECT_EQ(bench.core->buttons(), kOperatorButton);
}

} // namespace
} // namespace algoproto
