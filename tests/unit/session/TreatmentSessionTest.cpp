#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "SessionFixture.h"
#include "algocore/Buttons.h"
#include "algocore/protocols/PrescriptionJson.h"

using namespace algocore;
using namespace algocore::session;
using records::BodySide;

namespace {

// Approach at 100 kPa/s from t0, hold at 300 kPa; the tissue releases 20 s in (2 %/s for
// 5 s) and the therapist takes up the slack at 25 s back to 300 kPa over 1 s.
std::vector<Sample> hold_with_release(double t0, double until_s) {
    std::vector<Sample> out;
    for (double t = 0.0; t < until_s; t += 0.001) {
        double p = 300.0;
        if (t < 3.0)
            p = 100.0 * t;
        else if (t >= 20.0 && t < 25.0)
            p = 300.0 * (1.0 - 0.02 * (t - 20.0));
        else if (t >= 25.0 && t < 26.0)
            p = 270.0 + 30.0 * (t - 25.0);
        out.push_back(synth::sample_at(t0 + t, p));
    }
    return out;
}

struct TreatmentFixture : ::testing::Test {
    algotest::TempDir dir;
    std::string path = dir.file("clinic.sqlite");
    Workbench wb{sessiontest::fixed_clock()};
    records::Site site;

    void SetUp() override {
        ASSERT_EQ(wb.open_database(path), "");
        Visit v;
        v.subject_code = "P042";
        v.operator_name = "Therapist T";
        v.operator_role = "therapist";
        v.probe_cm2 = 1.0;
        ASSERT_EQ(wb.begin_visit(v), "");
        site = *wb.storage()->find_site("upper_trapezius");
        wb.treatment().select_point(site, BodySide::Left);
        protocols::Prescription p = protocols::Prescription::relative_to_ppt(90.0, 110.0, 40.0);
        p.name = "custom";
        p.limit = protocols::PressureRef{protocols::PressureAnchor::Ppt, 150.0};
        wb.treatment().set_prescription(p);
    }
    void measure_ppt_300() {
        wb.thresholds().select_point(site, BodySide::Left);
        ASSERT_EQ(wb.thresholds().start_trial(0.0), "");
        double t = 0.0;
        for (int i = 0; i < 3; ++i) {
            if (i > 0) {
                sessiontest::feed(wb, sessiontest::idle(t, t + 31.0));
                t += 31.0;
            }
            const auto ramp = sessiontest::ramp(t, 300.0);
            sessiontest::feed(wb, ramp);
            t = ramp.back().t_s;
        }
        sessiontest::settle(wb);
    }
};

} // namespace

TEST_F(TreatmentFixture, ARelativeBandIsRefusedUntilThePointsPptIsStoredThenResolved) {
    sessiontest::settle(wb);
    EXPECT_TRUE(wb.treatment().thresholds_known());
    EXPECT_EQ(wb.treatment().resolved().missing, algocore::protocols::StoredThreshold::Ppt);
    EXPECT_NE(wb.treatment().start(0.0), "");
    measure_ppt_300();
    wb.treatment().refresh_thresholds();
    sessiontest::settle(wb);
    ASSERT_TRUE(wb.treatment().thresholds().ppt_kpa);
    EXPECT_NEAR(*wb.treatment().thresholds().ppt_kpa, 300.0, 0.1);
    const auto band = wb.treatment().resolved();
    ASSERT_TRUE(band.check.ok()) << band.check.reason;
    EXPECT_NEAR(band.band.low_kpa, 270.0, 0.1);
    EXPECT_NEAR(band.band.limit_kpa, 450.0, 0.2);
}

TEST_F(TreatmentFixture, AHoldIsStoredWithOnePrescriptionShapeItsLimitAndStepUpsFromItsStart) {
    measure_ppt_300();
    wb.treatment().refresh_thresholds();
    sessiontest::settle(wb);
    const double t0 = 200.0;
    ASSERT_EQ(wb.treatment().start(t0), "");
    EXPECT_TRUE(wb.treatment().active_band());
    std::vector<TreatmentPromptKind> prompts;
    for (const auto& chunk : {hold_with_release(t0, 60.0)}) {
        sessiontest::feed(wb, chunk);
    }
    for (const auto& p : wb.treatment().take_prompts())
        prompts.push_back(p.kind);
    ASSERT_TRUE(wb.treatment().pending());
    EXPECT_EQ(wb.treatment().pending()->hold.end, protocols::HoldState::Complete);
    EXPECT_NE(std::find(prompts.begin(), prompts.end(), TreatmentPromptKind::TakeUpSlack),
              prompts.end());
    EXPECT_NE(std::find(prompts.begin(), prompts.end(), TreatmentPromptKind::HoldComplete),
              prompts.end());
    EXPECT_FALSE(wb.treatment().running());
    EXPECT_FALSE(wb.treatment().active_band()); // the live band is the user's again
    EXPECT_EQ(wb.treatment().save_pending(6), "");
    sessiontest::settle(wb);

    const auto holds = wb.storage()->holds_of(wb.visit().session_id());
    ASSERT_EQ(holds.size(), 1u);
    const auto& h = holds[0];
    EXPECT_EQ(h.outcome, "complete");
    ASSERT_TRUE(h.limit_kpa);
    EXPECT_NEAR(*h.limit_kpa, 450.0, 0.2);
    EXPECT_EQ(h.pain_rating_0_10, 6);
    EXPECT_DOUBLE_EQ(h.target_hold_s, 40.0);
    EXPECT_EQ(h.repetition, 1);
    std::string error;
    const auto prescription = protocols::prescription_from_json(h.prescription, &error);
    ASSERT_TRUE(prescription) << error;
    EXPECT_EQ(prescription->low.anchor, protocols::PressureAnchor::Ppt);
    EXPECT_DOUBLE_EQ(prescription->hold_s, 40.0);
    const auto keys = nlohmann::json::parse(h.prescription);
    for (const char* key : {"name", "source", "low", "high", "limit", "hold_s", "grace_s",
                            "step_ups", "hold_until_release", "repetitions", "rest_s", "stretch_s"})
        EXPECT_TRUE(keys.contains(key)) << key;
    // Band entered 2.7 s into the script; the release at 20 s and its step-up at ~26 s,
    // stored from the hold's start.
    EXPECT_NEAR(h.start_t_s, t0 + 2.7, 0.002);
    ASSERT_EQ(h.step_ups.size(), 1u);
    EXPECT_GT(h.step_ups[0].t_prompt_s, 20.0 - 2.7);
    EXPECT_LT(h.step_ups[0].t_prompt_s, 23.0 - 2.7);
    EXPECT_GT(h.step_ups[0].t_s, 25.0 - 2.7);
    EXPECT_LT(h.step_ups[0].t_s, 28.0 - 2.7);
    EXPECT_NEAR(h.metrics.time_in_band_s, 40.0, 0.01);
}

TEST_F(TreatmentFixture, StoppingAHoldEndsTheSetAndKeepsWhatWasMeasured) {
    measure_ppt_300();
    wb.treatment().refresh_thresholds();
    sessiontest::settle(wb);
    ASSERT_EQ(wb.treatment().start(200.0), "");
    sessiontest::feed(wb, hold_with_release(200.0, 10.0));
    wb.treatment().stop(210.0);
    EXPECT_FALSE(wb.treatment().running());
    ASSERT_TRUE(wb.treatment().pending());
    EXPECT_EQ(wb.treatment().pending()->hold.end, protocols::HoldState::Stopped);
    // Closing the database stores the pending hold rather than losing it.
    wb.close_database();
    SQLite::Database db(path);
    EXPECT_EQ(db.execAndGet("SELECT outcome FROM holds").getString(), "stopped");
}

TEST_F(TreatmentFixture, ReleaseMarksAndTheDetectorsPromptsAreStoredWithTheHoldFromItsStart) {
    measure_ppt_300();
    wb.treatment().refresh_thresholds();
    sessiontest::settle(wb);
    const double t0 = 200.0;
    ASSERT_EQ(wb.treatment().start(t0), "");
    // The therapist marks the release at 21 s with the key, and at 33 s with the device's
    // operator button (pressed for 0.2 s): a mark nothing released.
    auto samples = hold_with_release(t0, 60.0);
    for (Sample& s : samples)
        if (s.t_s >= t0 + 33.0 && s.t_s < t0 + 33.2) s.buttons = kOperatorButton;
    const auto key_at = std::find_if(samples.begin(), samples.end(),
                                     [&](const Sample& s) { return s.t_s >= t0 + 21.0; });
    sessiontest::feed(wb, {samples.begin(), key_at});
    EXPECT_TRUE(wb.treatment().mark_release_felt(t0 + 21.0));
    sessiontest::feed(wb, {key_at, samples.end()});
    ASSERT_TRUE(wb.treatment().pending());
    const auto detected = wb.treatment().pending()->hold.release_detections_s;
    ASSERT_EQ(detected.size(), 1u);
    EXPECT_EQ(wb.treatment().save_pending(std::nullopt), "");
    sessiontest::settle(wb);

    const auto holds = wb.storage()->holds_of(wb.visit().session_id());
    ASSERT_EQ(holds.size(), 1u);
    const records::Hold& h = holds[0];
    ASSERT_TRUE(h.release_marks);
    // Band entered 2.7 s into the script: seconds from there, as the step-ups are.
    ASSERT_EQ(h.release_marks->marks_s.size(), 2u);
    EXPECT_NEAR(h.release_marks->marks_s[0], 21.0 - 2.7, 0.002);
    EXPECT_NEAR(h.release_marks->marks_s[1], 33.0 - 2.7, 0.002);
    ASSERT_EQ(h.release_marks->detections_s.size(), 1u);
    EXPECT_NEAR(h.release_marks->detections_s[0], detected[0] - h.start_t_s, 1e-9);
    ASSERT_EQ(h.step_ups.size(), 1u);
    EXPECT_NEAR(h.release_marks->detections_s[0], h.step_ups[0].t_prompt_s, 1e-9);
}
