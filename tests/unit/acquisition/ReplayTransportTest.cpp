#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>

#include "algocore/acquisition/ReplayTransport.h"

namespace {

using namespace algocore;
using namespace std::chrono_literals;

std::shared_ptr<RawCaptureContents> three_chunk_capture() {
    auto capture = std::make_shared<RawCaptureContents>();
    auto add = [&](CaptureRecordKind kind, std::uint64_t t_ms, std::string text) {
        capture->records.push_back({kind, t_ms * 1'000'000, {text.begin(), text.end()}});
    };
    add(CaptureRecordKind::LinkOpened, 0, "port");
    add(CaptureRecordKind::DeviceToHost, 20, "one");
    add(CaptureRecordKind::HostToDevice, 30, "poll");
    add(CaptureRecordKind::DeviceToHost, 60, "two");
    add(CaptureRecordKind::DeviceToHost, 120, "three");
    return capture;
}

struct Delivery {
    std::string bytes;
    SteadyTime stamp;
    SteadyTime delivered;
};

TEST(ReplayTransport, PlaysDeviceBytesAtTheirRecordedTimesWithRecordedStamps) {
    boost::asio::io_context io;
    const SteadyTime start = SteadyClock::now();
    ReplayOpener opener(three_chunk_capture(), "test.algocap", start, 1.0);
    OpenedTransport opened = opener.open(io);
    ASSERT_TRUE(opened.transport) << opened.error;
    std::vector<Delivery> got;
    TransportError end = TransportError::None;
    Transport& transport = *opened.transport;
    opened.transport->start(
        [&](const ByteChunk& c) {
            got.push_back(
                {std::string(c.bytes.begin(), c.bytes.end()), c.arrival, SteadyClock::now()});
            // The driver polls after the first reply, as it did when recorded.
            if (got.size() == 1) transport.write(std::vector<std::uint8_t>{'?', '\r', 0, 0});
        },
        [&](TransportError e, const std::string&) { end = e; });
    io.run();
    ASSERT_EQ(got.size(), 3u); // host→device bytes are not played back to the driver
    EXPECT_EQ(got[0].bytes, "one");
    EXPECT_EQ(got[2].bytes, "three");
    EXPECT_EQ(got[1].stamp, start + 60ms);
    // Delivered no earlier than recorded, and not much later.
    for (const auto& d : got) {
        EXPECT_GE(d.delivered, d.stamp);
        EXPECT_LT(d.delivered - d.stamp, 50ms);
    }
    EXPECT_EQ(end, TransportError::EndOfReplay);
    EXPECT_FALSE(opener.can_reconnect());
}

TEST(ReplayTransport, SpeedZeroPlaysAtOnceButKeepsTheOriginalTimeline) {
    boost::asio::io_context io;
    const SteadyTime start = SteadyClock::now();
    ReplayOpener opener(three_chunk_capture(), "test.algocap", start, 0.0);
    OpenedTransport opened = opener.open(io);
    std::vector<SteadyTime> stamps;
    Transport& transport = *opened.transport;
    opened.transport->start(
        [&](const ByteChunk& c) {
            stamps.push_back(c.arrival);
            if (stamps.size() == 1) transport.write(std::vector<std::uint8_t>{'?', '\r', 0, 0});
        },
        [](TransportError, const std::string&) {});
    io.run();
    EXPECT_LT(SteadyClock::now() - start, 50ms);
    ASSERT_EQ(stamps.size(), 3u);
    EXPECT_EQ(stamps[2], start + 120ms);
}

TEST(ReplayTransport, AReplyWaitsForTheDriversRequestButNotForever) {
    boost::asio::io_context io;
    const SteadyTime start = SteadyClock::now();
    ReplayOpener opener(three_chunk_capture(), "test.algocap", start, 0.0);
    OpenedTransport opened = opener.open(io);
    std::vector<SteadyTime> delivered;
    opened.transport->start([&](const ByteChunk&) { delivered.push_back(SteadyClock::now()); },
                            [](TransportError, const std::string&) {});
    io.run(); // this driver never polls
    ASSERT_EQ(delivered.size(), 3u);
    EXPECT_LT(delivered[0] - start, 50ms);
    EXPECT_GE(delivered[1] - delivered[0], 450ms); // held for the missing "poll"
    EXPECT_LT(delivered[1] - delivered[0], 700ms);
}

TEST(ReplayTransport, ARecordedLinkLossEndsTheTransportAndTheNextOpenContinues) {
    auto capture = std::make_shared<RawCaptureContents>();
    capture->records.push_back({CaptureRecordKind::DeviceToHost, 1'000'000, {'a'}});
    capture->records.push_back({CaptureRecordKind::LinkLost, 2'000'000, {'x'}});
    capture->records.push_back({CaptureRecordKind::DeviceToHost, 3'000'000, {'b'}});
    boost::asio::io_context io;
    ReplayOpener opener(capture, "loss.algocap", SteadyClock::now(), 0.0);

    std::string seen;
    TransportError end = TransportError::None;
    auto first = opener.open(io);
    first.transport->start([&](const ByteChunk& c) { seen.append(c.bytes.begin(), c.bytes.end()); },
                           [&](TransportError e, const std::string&) { end = e; });
    io.run();
    EXPECT_EQ(seen, "a");
    EXPECT_EQ(end, TransportError::Vanished);
    EXPECT_TRUE(opener.can_reconnect());

    io.restart();
    auto second = opener.open(io);
    second.transport->start(
        [&](const ByteChunk& c) { seen.append(c.bytes.begin(), c.bytes.end()); },
        [&](TransportError e, const std::string&) { end = e; });
    io.run();
    EXPECT_EQ(seen, "ab");
    EXPECT_EQ(end, TransportError::EndOfReplay);
    EXPECT_TRUE(opener.open(io).permanent);
}

} // namespace
