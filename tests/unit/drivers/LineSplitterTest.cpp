// Line assembly: any split across chunks, every line ending, over-long runs.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "algocore/drivers/LineSplitter.h"

using namespace algocore;

namespace {

std::vector<std::string> split(LineSplitter& s, const std::string& bytes,
                               int* overflows = nullptr) {
    std::vector<std::string> lines;
    s.feed(
        {reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()},
        [&](std::string_view l) { lines.emplace_back(l); },
        [&] {
            if (overflows) ++*overflows;
        });
    return lines;
}

} // namespace

TEST(LineSplitter, AcceptsCrLfAndCrlfAlike) {
    LineSplitter s;
    const auto lines = split(s, "a\rb\nc\r\nd\n\re");
    EXPECT_EQ(lines, (std::vector<std::string>{"a", "b", "c", "d"}));
    EXPECT_EQ(s.pending_bytes(), 1u);
}

TEST(LineSplitter, EveryTwoWaySplitGivesTheSameLines) {
    const std::string stream = "-18.78 lbF\r\n4.285 N\r\n";
    for (std::size_t cut = 0; cut <= stream.size(); ++cut) {
        LineSplitter s;
        auto lines = split(s, stream.substr(0, cut));
        const auto rest = split(s, stream.substr(cut));
        lines.insert(lines.end(), rest.begin(), rest.end());
        EXPECT_EQ(lines, (std::vector<std::string>{"-18.78 lbF", "4.285 N"})) << "cut " << cut;
    }
}

TEST(LineSplitter, CrOnlyEndingIgnoresLineFeeds) {
    LineSplitter s(LineEnding::CR);
    EXPECT_EQ(split(s, "1\n2\r3\r"), (std::vector<std::string>{"12", "3"}));
}

TEST(LineSplitter, OverlongRunIsDroppedOnceAndTheNextLineSurvives) {
    LineSplitter s(LineEnding::Any, 8);
    int overflows = 0;
    const auto lines = split(s, std::string(50, 'x') + "\r\n5\r\n", &overflows);
    EXPECT_EQ(overflows, 1);
    EXPECT_EQ(lines, (std::vector<std::string>{"5"}));
}

TEST(LineSplitter, SkipToNextLineDropsAFragment) {
    LineSplitter s;
    s.skip_to_next_line();
    EXPECT_EQ(split(s, "8 lbF\r\n-1.00 lbF\r\n"), (std::vector<std::string>{"-1.00 lbF"}));
}
