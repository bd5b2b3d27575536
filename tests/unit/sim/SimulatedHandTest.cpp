#include "algosim/SimulatedHand.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

namespace {

using algosim::HandSteadiness;
using algosim::SimulatedHand;

constexpr double kRateHz = 1000.0;

// Deviation of the applied pressure from a steady intended pressure, sampled at kRateHz.
std::vector<double> hold_deviation_kpa(double intended_kpa, double duration_s, std::uint64_t seed) {
    SimulatedHand hand(HandSteadiness{}, seed);
    std::vector<double> deviation;
    for (int i = 0; i < static_cast<int>(duration_s * kRateHz); ++i) {
        deviation.push_back(hand.applied_kpa(i / kRateHz, intended_kpa) - intended_kpa);
    }
    return deviation;
}

// Remove the slow drift: subtract a centred 1 s moving average.
std::vector<double> high_pass(const std::vector<double>& x) {
    const int half = static_cast<int>(kRateHz / 2);
    std::vector<double> out;
    for (int i = half; i + half < static_cast<int>(x.size()); ++i) {
        double sum = 0;
        for (int j = i - half; j < i + half; ++j)
            sum += x[j];
        out.push_back(x[i] - sum / (2 * half));
    }
    return out;
}

double spectral_peak_hz(const std::vector<double>& x) {
    double best_hz = 0, best_power = 0;
    for (double f = 1.0; f <= 30.0; f += 0.1) {
        double re = 0, im = 0;
        for (std::size_t i = 0; i < x.size(); ++i) {
            const double phase = 2 * std::numbers::pi * f * static_cast<double>(i) / kRateHz;
            re += x[i] * std::cos(phase);
            im += x[i] * std::sin(phase);
        }
        if (re * re + im * im > best_power) {
            best_power = re * re + im * im;
            best_hz = f;
        }
    }
    return best_hz;
}

double rms(const std::vector<double>& x) {
    double sum = 0;
    for (double v : x)
        sum += v * v;
    return std::sqrt(sum / static_cast<double>(x.size()));
}

TEST(SimulatedHand, TremorDuringAHoldIsPhysiologicalEightToTwelveHertz) {
    for (std::uint64_t seed : {1u, 2u, 3u}) {
        const auto tremor = high_pass(hold_deviation_kpa(300.0, 12.0, seed));
        const double peak_hz = spectral_peak_hz(tremor);
        EXPECT_GE(peak_hz, 8.0) << "seed " << seed;
        EXPECT_LE(peak_hz, 12.0) << "seed " << seed;
    }
}

TEST(SimulatedHand, TremorAtThreeHundredKpaIsAFewKpa) {
    // Peak amplitude 0.8 + 1.2 % of 300 = 4.4 kPa (0.44 N on 1 cm²): RMS about 3 kPa.
    const double tremor_rms = rms(high_pass(hold_deviation_kpa(300.0, 12.0, 4)));
    EXPECT_GT(tremor_rms, 2.0);
    EXPECT_LT(tremor_rms, 4.5);
}

TEST(SimulatedHand, DriftWandersSlowlyByAFewPercent) {
    // Drift standard deviation 1 + 1.5 % of 300 = 5.5 kPa; over 60 s its mean square is
    // within a factor of ~2 of that (correlation time 4 s).
    const auto deviation = hold_deviation_kpa(300.0, 60.0, 5);
    const double total_rms = rms(deviation);
    EXPECT_GT(total_rms, 3.0);
    EXPECT_LT(total_rms, 11.0);
}

TEST(SimulatedHand, NoTremorOrDriftWithoutContact) {
    SimulatedHand hand(HandSteadiness{}, 1);
    for (int i = 0; i < 2000; ++i)
        EXPECT_EQ(hand.applied_kpa(i / kRateHz, 0.0), 0.0);
}

TEST(SimulatedHand, TheSameSeedAndTimesGiveTheSamePressure) {
    EXPECT_EQ(hold_deviation_kpa(250.0, 2.0, 11), hold_deviation_kpa(250.0, 2.0, 11));
    EXPECT_NE(hold_deviation_kpa(250.0, 2.0, 11), hold_deviation_kpa(250.0, 2.0, 12));
}

} // namespace
