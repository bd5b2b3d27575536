#pragma once
// The order in which the wizard asks for reference loads: every load ascending, then (if
// wanted) every load descending, repeated for each run. One step = one captured point.
#include <cstddef>
#include <string>
#include <vector>

#include "algocal/CalibrationRecord.h"

namespace algocore::session {

/// One reference load as the operator entered it.
struct ReferenceLoad {
    double amount = 0.0; ///< in unit
    algocal::ForceUnit unit = algocal::ForceUnit::kNewton;
};

/// One point to capture: which load, in which direction, in which run.
struct PlanStep {
    ReferenceLoad load;
    algocal::LoadDirection direction = algocal::LoadDirection::kAscending;
    int run = 1;
};

/// What the operator chose on the setup page.
struct PlanChoice {
    std::vector<ReferenceLoad> loads; ///< any order; sorted by force for the plan
    bool descending = true;           ///< also take the points while unloading
    int runs = 1;                     ///< 1..5 series
};

/// Result of building a plan: empty error when usable.
struct PlanResult {
    std::vector<PlanStep> steps;
    std::string error;
    bool ok() const { return error.empty(); }
};

/// Steps of `choice`: loads sorted ascending, the descending leg reverses them (the top load
/// is captured once per run, as E74 series do). Refuses fewer than 3 distinct loads, a
/// negative or non-finite load, duplicates, and runs outside 1..5.
PlanResult make_plan(const PlanChoice& choice);

/// "Place 10 N (ascending, run 1)".
std::string step_instruction(const PlanStep& step);

} // namespace algocore::session
