#include "algocore/session/CalibrationSession.h"

#include <cmath>
#include <cstdio>

#include "algocal/ProbeArea.h"
#include "algocal/Units.h"

namespace algocore::session {

std::string check_setup(const CalibrationSetup& setup) {
    if (setup.device_serial.empty())
        return "no device serial number: connect the device to calibrate (or enter its serial)";
    if (setup.operator_name.empty()) return "enter the operator's name";
    if (setup.reference_standards.empty() || setup.reference_standards.front().id.empty())
        return "enter the id of the reference standard (certificate or asset number)";
    for (const algocal::ReferenceStandard& standard : setup.reference_standards) {
        if (!std::isfinite(standard.expanded_uncertainty_percent) ||
            standard.expanded_uncertainty_percent < 0.0)
            return "the uncertainty of reference standard '" + standard.id +
                   "' must be 0 % or more";
    }
    if (!algocal::probe_area_in_range(setup.probe_area_cm2))
        return "the probe area must be " + algocal::probe_area_range_text();
    if (!std::isfinite(setup.tolerance_percent_fs) || setup.tolerance_percent_fs <= 0.0)
        return "the tolerance must be more than 0 % of full scale";
    if (!std::isfinite(setup.temperature_c) || setup.temperature_c < -40.0 ||
        setup.temperature_c > 85.0)
        return "the temperature must be between -40 and 85 °C";
    if (setup.validity_days < 1) return "the calibration must be valid for at least one day";
    return {};
}

CalibrationSession::CalibrationSession(algocal::StabilityRule rule, double window_s)
    : rule_(rule), window_(window_s) {}

void CalibrationSession::start(CalibrationSetup setup, std::vector<PlanStep> steps) {
    setup_ = std::move(setup);
    steps_ = std::move(steps);
    points_.clear();
    window_.clear();
    outcome_.reset();
    record_.reset();
    saved_ = false;
}

void CalibrationSession::start_with_points(CalibrationSetup setup,
                                           std::vector<algocal::CalibrationPoint> points) {
    // One step per point, each done: the plan's loads were applied where they were measured.
    std::vector<PlanStep> steps(points.size());
    start(std::move(setup), std::move(steps));
    points_ = std::move(points);
}

void CalibrationSession::add_reading(double t_s, double reading, double force_n) {
    window_.add(t_s, reading, force_n);
}

algocal::StabilityResult CalibrationSession::stability() const {
    return window_.assess(rule_);
}

algocal::StableAverage CalibrationSession::capture() {
    if (!started() || finished()) {
        algocal::StableAverage refused;
        refused.message = started() ? "every point is captured" : "the calibration has not started";
        return refused;
    }
    algocal::StableAverage average = window_.capture(rule_);
    if (!average.ok) return average;
    const PlanStep& step = current_step();
    const double load = algocal::to_newtons(step.load.amount, step.load.unit).value;
    if (std::string refusal = check_reading_follows_load(average.mean, load, average.sd);
        !refusal.empty()) {
        average.ok = false;
        average.message = refusal;
        return average;
    }
    algocal::CalibrationPoint point;
    point.applied_load = step.load.amount;
    point.load_unit = step.load.unit;
    point.reading = average.mean;
    point.direction = step.direction;
    point.run = step.run;
    points_.push_back(point);
    window_.clear();
    return average;
}

std::string CalibrationSession::check_reading_follows_load(double reading, double load_n,
                                                           double noise) const {
    if (points_.empty()) return {};
    const algocal::CalibrationPoint& last = points_.back();
    const double last_load_n = last.applied_load_n();
    const double load_change_n = load_n - last_load_n;
    if (std::abs(load_change_n) < 1e-12) return {};
    const double reading_change = reading - last.reading;
    char text[256];
    if (std::abs(reading_change) <= 10.0 * noise + 1e-12) {
        std::snprintf(text, sizeof text,
                      "the reading did not change with the load (%.6g N to %.6g N moved it by "
                      "%.6g, within its noise): is the weight on the probe?",
                      last_load_n, load_n, reading_change);
        return text;
    }
    // Sensitivity so far: the slope between the first two points with different loads.
    for (std::size_t i = 1; i < points_.size(); ++i) {
        const double a_n = points_[0].applied_load_n();
        const double b_n = points_[i].applied_load_n();
        if (std::abs(b_n - a_n) < 1e-12) continue;
        const double slope = (points_[i].reading - points_[0].reading) / (b_n - a_n);
        const double expected = slope * load_change_n;
        if (reading_change / expected < 0.2) {
            std::snprintf(text, sizeof text,
                          "the reading moved by %.6g for a load change of %.6g N, but the points "
                          "so far predict about %.6g: is this the load the step asks for?",
                          reading_change, load_change_n, expected);
            return text;
        }
        break;
    }
    return {};
}

bool CalibrationSession::undo_last() {
    if (points_.empty()) return false;
    points_.pop_back();
    window_.clear();
    return true;
}

CalibrationOutcome CalibrationSession::analyse(int degree) const {
    CalibrationOutcome outcome;
    std::vector<double> load_n;
    std::vector<double> reading;
    algocal::split_points(points_, load_n, reading);
    outcome.recommendation = algocal::recommend_degree(load_n, reading);
    outcome.analysis = algocal::analyse_calibration(points_, degree);
    if (outcome.analysis.ok) {
        outcome.verdict =
            algocal::check_tolerance(points_, outcome.analysis.fit, {setup_.tolerance_percent_fs});
    }
    return outcome;
}

algocal::ToleranceVerdict tolerance_verdict(const algocal::CalibrationRecord& record,
                                            double tolerance_percent_fs) {
    return algocal::check_tolerance(record.points, record.fit, {tolerance_percent_fs});
}

const CalibrationOutcome& CalibrationSession::decide(int degree,
                                                     std::chrono::year_month_day today) {
    outcome_ = analyse(degree);
    record_.reset();
    saved_ = false;
    if (outcome_->analysis.ok) record_ = make_record(*outcome_, today);
    return *outcome_;
}

StoreResult CalibrationSession::save(CalibrationStore& store, bool activate) {
    if (!outcome_) return {"no calibration has been analysed yet"};
    if (!record_) return {"the points give no usable fit: " + outcome_->analysis.message};
    if (saved_) return {"this calibration is already saved"};
    algocal::CalibrationRecord record = *record_;
    record.id = store.new_record_id(record.device_serial);
    const StoreResult result = activate ? store.save_and_activate(record) : store.save(record);
    if (!result.ok()) return result;
    record_ = record;
    saved_ = true;
    return result;
}

algocal::CalibrationRecord make_calibration_record(
    const CalibrationSetup& setup, const std::vector<algocal::CalibrationPoint>& points,
    const algocal::CalibrationAnalysis& analysis, std::chrono::year_month_day today) {
    algocal::CalibrationRecord record;
    record.device_serial = setup.device_serial;
    record.calibrated_on = today;
    record.expires_on = std::chrono::year_month_day{std::chrono::sys_days{today} +
                                                    std::chrono::days{setup.validity_days}};
    record.operator_name = setup.operator_name;
    record.reference_standards = setup.reference_standards;
    record.temperature_c = setup.temperature_c;
    record.probe_area_cm2 = setup.probe_area_cm2;
    record.reading_kind = setup.reading_kind;
    record.points = points;
    record.fit = analysis.fit;
    record.statistics = analysis.statistics;
    record.notes = setup.notes;
    return record;
}

algocal::CalibrationRecord
CalibrationSession::make_record(const CalibrationOutcome& outcome,
                                std::chrono::year_month_day today) const {
    return make_calibration_record(setup_, points_, outcome.analysis, today);
}

} // namespace algocore::session
