// The reaction-time session: device cues asked through the workbench's hook and answered by
// link events on the device's clock; host cues handed to the view and answered by a key or
// the patient button on the samples.
#include "algocore/session/ReactionTimeSession.h"

#include <gtest/gtest.h>

#include <vector>

using namespace algocore;
using namespace algocore::session;

namespace {

protocols::ReactionTimeConfig short_test() {
    protocols::ReactionTimeConfig config;
    config.trials = 3;
    config.practice = 1;
    return config;
}

LinkEvent device_event(LinkEvent::Kind kind, std::uint32_t device_t_us, std::uint16_t cue_id = 0) {
    LinkEvent e;
    e.kind = kind;
    e.device_t_us = device_t_us;
    e.has_device_time = true;
    e.cue_id = cue_id;
    e.button = kPatientButton;
    e.pressed = true;
    return e;
}

} // namespace

TEST(ReactionTimeSession, DeviceCuesAreMeasuredOnTheDevicesClockAcrossItsWrap) {
    std::vector<std::uint16_t> asked;
    ReactionTimeSession session([&](std::uint16_t id, double duration_s) {
        EXPECT_DOUBLE_EQ(duration_s, 0.2);
        asked.push_back(id);
        return true;
    });
    std::vector<ReactionTimeResult> finished;
    session.set_on_finished([&](const ReactionTimeResult& r) { finished.push_back(r); });
    ASSERT_EQ(session.start(0.0, short_test(), true), "");
    EXPECT_EQ(session.source(), protocols::CueSource::Device);

    // The device clock starts just before its 2^32 µs wrap; host and device clocks disagree.
    std::uint32_t device_us = 0xFFFFFFFFu - 3'000'000u;
    const std::vector<std::uint32_t> reactions_us{400'000, 250'000, 260'000, 240'000};
    double now = 0.0;
    for (std::uint32_t reaction : reactions_us) {
        const std::size_t before = asked.size();
        while (asked.size() == before) {
            now += 0.01;
            device_us += 10'000;
            session.tick(now);
        }
        session.on_link_event(device_event(LinkEvent::Kind::Cue, device_us, asked.back()), now);
        session.on_link_event(device_event(LinkEvent::Kind::Button, device_us + reaction), now);
        EXPECT_EQ(session.take_host_cue(), std::nullopt);
    }
    ASSERT_EQ(finished.size(), 1u);
    const auto& result = finished.front();
    EXPECT_EQ(result.summary.n, 3);
    EXPECT_NEAR(*result.summary.median_ms, 250.0, 1e-9);
    EXPECT_EQ(result.summary.cue_source, protocols::CueSource::Device);
    EXPECT_EQ(result.cues.front().outcome, protocols::CueOutcome::Practice);
    EXPECT_NEAR(*result.cues.front().reaction_ms, 400.0, 1e-9);
    EXPECT_EQ(session.take_new_lines().size(), 4u);
    EXPECT_FALSE(session.running());
}

TEST(ReactionTimeSession, ADeviceThatCannotCueGetsAHostCueAnsweredByTheButtonOnTheSamples) {
    ReactionTimeSession session([](std::uint16_t, double) { return true; });
    ASSERT_EQ(session.start(0.0, short_test(), false), "");
    EXPECT_EQ(session.source(), protocols::CueSource::Host);
    double t = 0.0;
    int answered = 0;
    while (session.running() && t < 60.0) {
        t += 0.001;
        session.tick(t);
        if (const auto id = session.take_host_cue()) {
            session.host_cue_shown(*id, t);
            // 300 ms later the patient button goes down for 100 ms.
            for (int i = 0; i < 400; ++i) {
                t += 0.001;
                Sample s;
                s.t_s = t;
                s.buttons = (i >= 300) ? kPatientButton : 0;
                session.feed(s);
            }
            Sample up;
            up.t_s = t;
            session.feed(up);
            ++answered;
        }
    }
    EXPECT_EQ(answered, 4);
    ASSERT_TRUE(session.result());
    EXPECT_EQ(session.result()->summary.cue_source, protocols::CueSource::Host);
    EXPECT_NEAR(*session.result()->summary.median_ms, 301.0, 1.0);
    EXPECT_DOUBLE_EQ(session.result()->summary.uncertainty_ms, 60.0);
    EXPECT_NE(session.result()->timing_note.find("host cue"), std::string::npos);
}

TEST(ReactionTimeSession, DeviceEventsDoNotAnswerAHostCueAndKeysDoNotAnswerADeviceCue) {
    ReactionTimeSession session([](std::uint16_t, double) { return true; });
    ASSERT_EQ(session.start(0.0, short_test(), true), "");
    session.host_press(5.0);
    EXPECT_TRUE(session.test()->cues().empty());

    ReactionTimeSession host([](std::uint16_t, double) { return true; });
    ASSERT_EQ(host.start(0.0, short_test(), false), "");
    host.on_link_event(device_event(LinkEvent::Kind::Button, 1000), 1.0);
    EXPECT_TRUE(host.test()->cues().empty());
}

TEST(ReactionTimeSession, StoppingEarlyKeepsWhatWasAnswered) {
    ReactionTimeSession session;
    ASSERT_EQ(session.start(0.0, short_test(), false), "");
    session.host_press(0.5); // a false start
    session.stop();
    ASSERT_TRUE(session.result());
    EXPECT_FALSE(session.result()->summary.complete);
    EXPECT_EQ(session.result()->summary.anticipations, 1);
}

TEST(ReactionTimeSession, RefusesAnUnusableSetting) {
    ReactionTimeSession session;
    protocols::ReactionTimeConfig config;
    config.trials = 0;
    EXPECT_NE(session.start(0.0, config, false), "");
    EXPECT_FALSE(session.running());
}
