// The contact pressure has one home (ProbeContact.h); these pin its value and check that the
// engines which start or count at contact all take it from there.
#include <gtest/gtest.h>

#include "SyntheticTraces.h"
#include "algocore/protocols/DoseMetrics.h"
#include "algocore/protocols/PptPreset.h"
#include "algocore/protocols/PptTrial.h"
#include "algocore/protocols/ProbeContact.h"

using namespace algocore;
using namespace algocore::protocols;

using synth::sample_at;

TEST(ProbeContact, TheProbeIsOnTheSkinFromTenKpaAndLiftedBelowFive) {
    EXPECT_EQ(kProbeOnSkinKpa, 10.0);
    EXPECT_EQ(kProbeLiftedKpa, 5.0);
}

TEST(ProbeContact, EveryPresetStartsItsRampAtTheContactPressureFromTheLiftedProbe) {
    for (const PptPreset& preset :
         {PptPreset{}, PptPreset::dfns(), PptPreset::fischer(), PptPreset::pain_tolerance()}) {
        EXPECT_EQ(preset.contact_kpa, kProbeOnSkinKpa) << preset.name;
        EXPECT_EQ(preset.baseline_kpa, kProbeLiftedKpa) << preset.name;
    }
}

TEST(ProbeContact, ARampStartsAtTheContactPressureAndNotJustBelowIt) {
    PptTrial trial(PptPreset::dfns());
    trial.arm();
    trial.feed(sample_at(0.0, 0.0));
    trial.feed(sample_at(0.1, kProbeOnSkinKpa - 0.01));
    EXPECT_FALSE(trial.ramp_started());
    trial.feed(sample_at(0.2, kProbeOnSkinKpa));
    EXPECT_TRUE(trial.ramp_started());
    EXPECT_DOUBLE_EQ(trial.result().ramp_start_t_s, 0.2);
}

TEST(ProbeContact, AHoldCountsContactTimeFromTheContactPressure) {
    // 1 s just below contact, then 2 s at contact: only the 2 s count.
    const std::vector<Sample> trace{sample_at(0.0, kProbeOnSkinKpa - 0.01),
                                    sample_at(1.0, kProbeOnSkinKpa),
                                    sample_at(2.0, kProbeOnSkinKpa), sample_at(3.0, 0.0)};
    const DoseMetrics m = measure_dose(trace, PressureBand{5.0, 20.0}, 0.5);
    EXPECT_DOUBLE_EQ(m.contact_s, 2.0);
    EXPECT_DOUBLE_EQ(m.mean_kpa, kProbeOnSkinKpa);
}
