// UUID v7: the layout of RFC 9562, the clock in the first 48 bits, ids that keep their order
// within a millisecond and when the clock steps back, and no id ever made twice.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <set>
#include <thread>
#include <vector>

#include "algocore/Uuid.h"

using algocore::is_uuid;
using algocore::new_uuid;
using algocore::UuidV7Generator;

namespace {

// Random bytes that are all 0xff: the counter starts at its highest seed (2047).
void all_ones(std::uint8_t* out, std::size_t n) {
    std::memset(out, 0xff, n);
}

} // namespace

TEST(Uuid, NewIdsAreVersion7WithTheRfcVariant) {
    for (int i = 0; i < 100; ++i) {
        const std::string id = new_uuid();
        ASSERT_TRUE(is_uuid(id)) << id;
        EXPECT_EQ(id[14], '7') << id;
        EXPECT_NE(std::string("89ab").find(id[19]), std::string::npos) << id;
    }
}

TEST(Uuid, TheFirst48BitsAreTheClockInMilliseconds) {
    UuidV7Generator generator([] { return std::int64_t{0x0190c4e25a1b}; }, all_ones);
    const std::string id = generator.next();
    EXPECT_EQ(id.substr(0, 13), "0190c4e2-5a1b") << id;
    // Counter seed 0x7ff after the version nibble; variant bits, then the random bits.
    EXPECT_EQ(id.substr(13), "-77ff-bfff-ffffffffffff") << id;
}

TEST(Uuid, IdsMadeInOneMillisecondKeepTheirOrderAndCarryIntoTheNext) {
    UuidV7Generator generator([] { return std::int64_t{1000}; }, all_ones);
    std::vector<std::string> ids;
    for (int i = 0; i < 5000; ++i)
        ids.push_back(generator.next());
    EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
    EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), ids.size());
    // 2048 ids fit after the seed 0x7ff; the next ones borrow millisecond 1001.
    EXPECT_EQ(ids[2048].substr(0, 18), "00000000-03e8-7fff");
    EXPECT_EQ(ids[2049].substr(0, 13), "00000000-03e9");
}

TEST(Uuid, AClockThatStepsBackNeverReordersIds) {
    std::int64_t now = 5000;
    UuidV7Generator generator([&now] { return now; }, all_ones);
    const std::string before = generator.next();
    now = 4000; // NTP stepped the clock back a second
    const std::string after = generator.next();
    EXPECT_LT(before, after);
    EXPECT_EQ(after.substr(0, 13), before.substr(0, 13)); // still millisecond 5000
    now = 6000;
    EXPECT_LT(after, generator.next());
}

TEST(Uuid, ThreadsNeverGetTheSameIdAndEachSeesItsOwnInOrder) {
    constexpr int kThreads = 4;
    constexpr int kEach = 20000;
    std::vector<std::vector<std::string>> made(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&made, t] {
            for (int i = 0; i < kEach; ++i)
                made[static_cast<std::size_t>(t)].push_back(new_uuid());
        });
    for (auto& thread : threads)
        thread.join();
    std::set<std::string> all;
    for (const auto& ids : made) {
        EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
        all.insert(ids.begin(), ids.end());
    }
    EXPECT_EQ(all.size(), static_cast<std::size_t>(kThreads * kEach));
}

TEST(Uuid, TheRandomBitsDifferBetweenIds) {
    std::set<std::string> random_parts;
    for (int i = 0; i < 1000; ++i)
        random_parts.insert(new_uuid().substr(19));
    EXPECT_EQ(random_parts.size(), 1000u);
}

TEST(Uuid, OnlyTheCanonicalTextIsAUuid) {
    EXPECT_TRUE(is_uuid("0190c4e2-5a1b-7c3d-8e4f-0123456789ab"));
    EXPECT_FALSE(is_uuid("0190C4E2-5A1B-7C3D-8E4F-0123456789AB")); // stored lowercase only
    EXPECT_FALSE(is_uuid("0190c4e25a1b7c3d8e4f0123456789ab"));
    EXPECT_FALSE(is_uuid("0190c4e2-5a1b-7c3d-8e4f-0123456789a"));
    EXPECT_FALSE(is_uuid("0190c4e2-5a1b-7c3d-8e4f-0123456789ag"));
    EXPECT_FALSE(is_uuid(""));
}
