#pragma once
// One run of the calibration wizard without any widget: the plan of loads, the rolling window
// of device readings, the captured points, the fit and verdict, and the finished record.
// The wizard page feeds it each display frame; tests feed it scripted readings.
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "algocal/CalibrationAnalysis.h"
#include "algocal/CalibrationRecord.h"
#include "algocal/Stability.h"
#include "algocore/calibration/CalibrationStore.h"
#include "algocore/session/CalibrationPlan.h"
#include "algocore/session/SampleWindow.h"

namespace algocore::session {

/// Who, what and against what: everything of the record that is not measured.
struct CalibrationSetup {
    std::string device_serial;
    std::string operator_name;
    std::vector<algocal::ReferenceStandard> reference_standards;
    double temperature_c = 20.0;
    double probe_area_cm2 = algocal::kStandardProbeAreaCm2;
    algocal::ReadingKind reading_kind = algocal::ReadingKind::kRawCounts;
    double tolerance_percent_fs = 1.0;
    int validity_days = 365;
    std::string notes;
};

/// Refusal message for a setup ("enter the operator's name"), empty when usable.
std::string check_setup(const CalibrationSetup& setup);

/// The record of a calibration (id 0: the store assigns one): what the wizard saves and what
/// `algoscope-cli calibrate new` writes, built the same way from the same inputs.
algocal::CalibrationRecord make_calibration_record(
    const CalibrationSetup& setup, const std::vector<algocal::CalibrationPoint>& points,
    const algocal::CalibrationAnalysis& analysis, std::chrono::year_month_day today);

/// Fit, statistics and pass/fail of the captured points.
struct CalibrationOutcome {
    algocal::CalibrationAnalysis analysis; ///< analysis.ok false: message says why
    algocal::ToleranceVerdict verdict;
    algocal::DegreeRecommendation recommendation;
};

/// Pass/fail of a record's points against a tolerance (% of full scale): the one verdict a
/// saved or opened record is shown and certified with.
algocal::ToleranceVerdict tolerance_verdict(const algocal::CalibrationRecord& record,
                                            double tolerance_percent_fs);

class CalibrationSession {
public:
    /// The force must be stable over `window_s` under `rule` (newtons) to capture a point.
    CalibrationSession(algocal::StabilityRule rule, double window_s);

    /// Starts over with `setup` and the steps of `plan` (from make_plan).
    void start(CalibrationSetup setup, std::vector<PlanStep> steps);
    /// Starts over with points measured elsewhere (a CSV file): every step is done.
    void start_with_points(CalibrationSetup setup, std::vector<algocal::CalibrationPoint> points);
    bool started() const { return !steps_.empty(); }
    const CalibrationSetup& setup() const { return setup_; }

    /// A device reading and the live force at t_s; only the recent window is kept.
    void add_reading(double t_s, double reading, double force_n);
    const SampleWindow& window() const { return window_; }
    /// Stability of the current window (for the indicator and the reason it is unstable).
    algocal::StabilityResult stability() const;
    const algocal::StabilityRule& rule() const { return rule_; }

    /// Captures the current step's point from the window; on success records it, clears the
    /// window (the next load needs fresh readings) and advances. Refused with a reason while
    /// unstable, when every step is done, or when the reading did not change with the load
    /// (no weight placed, a weight left on): a different load must move the reading by more
    /// than ten times its noise, and by at least a fifth of what the sensitivity seen so far
    /// predicts, in the same direction.
    algocal::StableAverage capture();
    /// Drops the last captured point and goes back to its step.
    bool undo_last();

    std::size_t step_index() const { return points_.size(); }
    std::size_t step_count() const { return steps_.size(); }
    const std::vector<PlanStep>& steps() const { return steps_; }
    /// The step waiting for its point; only valid while !finished().
    const PlanStep& current_step() const { return steps_[points_.size()]; }
    bool finished() const { return started() && points_.size() == steps_.size(); }
    const std::vector<algocal::CalibrationPoint>& points() const { return points_; }

    /// Fit at `degree` (0 = the recommended one), statistics, pass/fail against the setup's
    /// tolerance.
    CalibrationOutcome analyse(int degree) const;

    /// The finished record (id 0: the store assigns one) for `outcome`, dated `today`.
    algocal::CalibrationRecord make_record(const CalibrationOutcome& outcome,
                                           std::chrono::year_month_day today) const;

    /// Analyses at `degree` and keeps the outcome and its record (dated `today`) as the one
    /// to save: what the results page shows and what save() stores, with this verdict.
    const CalibrationOutcome& decide(int degree, std::chrono::year_month_day today);
    /// The kept outcome and record (after decide(); the record is empty when the fit failed).
    const std::optional<CalibrationOutcome>& outcome() const { return outcome_; }
    const std::optional<algocal::CalibrationRecord>& record() const { return record_; }
    bool saved() const { return saved_; }
    /// Stores the kept record under a new id (and makes it the device's active one when
    /// activate); refused, saying why, with nothing decided, a failed fit or when already
    /// saved. The kept record then carries its id.
    StoreResult save(CalibrationStore& store, bool activate);

private:
    std::string check_reading_follows_load(double reading, double load, double noise) const;

    algocal::StabilityRule rule_;
    SampleWindow window_;
    CalibrationSetup setup_;
    std::vector<PlanStep> steps_;
    std::vector<algocal::CalibrationPoint> points_;
    std::optional<CalibrationOutcome> outcome_;
    std::optional<algocal::CalibrationRecord> record_;
    bool saved_ = false;
};

} // namespace algocore::session
