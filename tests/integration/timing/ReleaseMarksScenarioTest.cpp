// release-eval's known answer: the simulator's release-marks scenario, with its load cell,
// played through the treatment session (the operator button marks "release felt") and the
// detector scored against the marks. The expected sensitivity, PPV and latency follow from
// the scenario's timing and the detector's thresholds, not from running the detector.
#include <gtest/gtest.h>

#include "algocore/Inbox.h"
#include "algocore/analysis/ReleaseEvaluation.h"
#include "algocore/session/TreatmentSession.h"
#include "algosim/BuiltinScenarios.h"
#include "algosim/LoadCell.h"
#include "algosim/ReleaseScenario.h"

namespace {

using namespace algocore;

// One sample per millisecond of the scenario, through the simulated load cell (noise
// included) and back to force and pressure on a 1 cm² tip.
std::vector<Sample> play(algosim::Scenario& scenario, double seconds) {
    algosim::LoadCell cell(algosim::LoadCellSpec{}, 3);
    std::vector<Sample> out;
    for (long i = 0; 0.001 * static_cast<double>(i) < seconds; ++i) {
        const double t = 0.001 * static_cast<double>(i);
        const algosim::ScenarioState state = scenario.state_at(t);
        const auto reading = cell.convert(algosim::force_n_from_pressure(state.pressure_kpa, 1.0));
        Sample s;
        s.t_s = t;
        s.force_n = cell.force_n_from_counts(reading.counts);
        s.pressure_kpa = algosim::pressure_kpa_from_force(s.force_n, 1.0);
        s.buttons = state.operator_button ? kOperatorButton : 0;
        out.push_back(s);
    }
    return out;
}

TEST(ReleaseMarksScenario, TheDetectorScoresWhatTheScenarioImplies) {
    const algosim::ReleaseMarksCycle cycle = algosim::release_marks_cycle();
    auto scenario = algosim::make_builtin_scenario("release-marks", 1);
    const auto samples = play(*scenario, cycle.target_reached_s() + cycle.lift_at_s);

    session::Recorder recorder;
    Inbox inbox;
    session::TreatmentSession treatment(recorder, inbox);
    records::Site site;
    site.id = 1;
    site.key = "upper_trapezius";
    treatment.select_point(site, records::BodySide::Left);
    const auto prescription = protocols::Prescription::absolute(300.0, 400.0, 60.0);
    treatment.set_prescription(prescription);
    ASSERT_EQ(treatment.start(0.0), "");
    for (const Sample& s : samples)
        treatment.feed(s);
    ASSERT_TRUE(treatment.pending());
    const protocols::HoldRecord& hold = treatment.pending()->hold;
    EXPECT_EQ(hold.end, protocols::HoldState::Complete);

    // Every mark of the scenario falls inside the 60 s in band; so does every release.
    const double h0 = cycle.target_reached_s();
    ASSERT_EQ(hold.release_marks_s.size(), cycle.marks_s.size());
    for (std::size_t i = 0; i < cycle.marks_s.size(); ++i)
        EXPECT_NEAR(hold.release_marks_s[i], h0 + cycle.marks_s[i], 0.002);

    // The detector needs a drop of min_drop_pct at fall_pct_per_s, held confirm_s: each
    // release is found that long after it begins; a mark 0.5 s after the onset pairs with it.
    const protocols::ReleaseDetectorConfig detector;
    const double found_after_s = detector.min_drop_pct / cycle.fall_pct_per_s + detector.confirm_s;
    const double expected_latency_s =
        found_after_s - (cycle.marks_s[0] - cycle.release_onsets_s[0]);
    ASSERT_EQ(hold.release_detections_s.size(), cycle.release_onsets_s.size());
    for (std::size_t i = 0; i < cycle.release_onsets_s.size(); ++i)
        EXPECT_NEAR(hold.release_detections_s[i], h0 + cycle.release_onsets_s[i] + found_after_s,
                    0.02);

    const analysis::ReleaseScore score =
        analysis::score_releases(hold.release_marks_s, hold.release_detections_s);
    // 3 of the 4 marks were releases; 3 of the 4 releases were marked.
    EXPECT_EQ(score.paired, 3);
    EXPECT_DOUBLE_EQ(*score.sensitivity, 0.75);
    EXPECT_DOUBLE_EQ(*score.ppv, 0.75);
    EXPECT_NEAR(*score.latency_median_s, expected_latency_s, 0.02);
    EXPECT_NEAR(*score.latency_p90_s, expected_latency_s, 0.02);
    EXPECT_NEAR(expected_latency_s, 1.8, 1e-9);

    // Found again from the recorded trace alone, as release-eval does.
    const auto config = protocols::hold_config_for(prescription, treatment.pending()->band);
    EXPECT_EQ(protocols::detect_releases(config, hold.trace), hold.release_detections_s);
}

} // namespace
