#include "algogui/reliability/ReliabilityDemo.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>

namespace algogui {

namespace {
// A tiny linear congruential generator: the same numbers on every platform, unlike
// std::normal_distribution.
struct FixedNoise {
    std::uint32_t state = 20261;
    double uniform() {
        state = state * 1664525u + 1013904223u;
        return (state >> 8) / 16777216.0;
    }
    double roughly_normal() { // sum of 12 uniforms - 6: mean 0, SD 1
        double sum = 0.0;
        for (int i = 0; i < 12; ++i)
            sum += uniform();
        return sum - 6.0;
    }
};
} // namespace

std::vector<algocore::analysis::TidyRow> reliability_demo_rows() {
    FixedNoise noise;
    std::vector<algocore::analysis::TidyRow> rows;
    for (int s = 1; s <= 24; ++s) {
        const double true_kpa = 320.0 * std::pow(10.0, 0.15 * noise.roughly_normal());
        char code[8];
        std::snprintf(code, sizeof code, "D%02d", s);
        rows.push_back(
            {code, "1", std::round(10 * (true_kpa + 28 * noise.roughly_normal())) / 10, 0});
        rows.push_back(
            {code, "2", std::round(10 * (true_kpa + 9 + 28 * noise.roughly_normal())) / 10, 0});
    }
    return rows;
}

} // namespace algogui
