#include "algocore/session/CalibrationPlan.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace algocore::session {

namespace {
constexpr int kMaxRuns = 5;
constexpr std::size_t kMinDistinctLoads = 3;

std::string amount_text(const ReferenceLoad& load) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%g %s", load.amount,
                  std::string(algocal::symbol(load.unit)).c_str());
    return buffer;
}
} // namespace

PlanResult make_plan(const PlanChoice& choice) {
    PlanResult result;
    if (choice.runs < 1 || choice.runs > kMaxRuns) {
        result.error = "runs must be 1 to 5, got " + std::to_string(choice.runs);
        return result;
    }
    std::vector<ReferenceLoad> loads = choice.loads;
    for (std::size_t i = 0; i < loads.size(); ++i) {
        if (!std::isfinite(loads[i].amount) || loads[i].amount < 0.0) {
            result.error = "reference load " + std::to_string(i + 1) +
                           " must be a number of 0 or more, got " + amount_text(loads[i]);
            return result;
        }
    }
    std::sort(loads.begin(), loads.end(), [](const ReferenceLoad& a, const ReferenceLoad& b) {
        return algocal::to_newtons(a.amount, a.unit).value <
               algocal::to_newtons(b.amount, b.unit).value;
    });
    for (std::size_t i = 1; i < loads.size(); ++i) {
        const double a = algocal::to_newtons(loads[i - 1].amount, loads[i - 1].unit).value;
        const double b = algocal::to_newtons(loads[i].amount, loads[i].unit).value;
        if (std::abs(b - a) <= 1e-9 * std::max(1.0, b)) {
            result.error = "reference load " + amount_text(loads[i]) + " is listed twice";
            return result;
        }
    }
    if (loads.size() < kMinDistinctLoads) {
        result.error =
            "enter at least 3 different reference loads (got " + std::to_string(loads.size()) + ")";
        return result;
    }
    for (int run = 1; run <= choice.runs; ++run) {
        for (const ReferenceLoad& load : loads)
            result.steps.push_back({load, algocal::LoadDirection::kAscending, run});
        if (!choice.descending) continue;
        // The top load was just captured ascending; unloading starts one below it.
        for (auto it = loads.rbegin() + 1; it != loads.rend(); ++it)
            result.steps.push_back({*it, algocal::LoadDirection::kDescending, run});
    }
    return result;
}

std::string step_instruction(const PlanStep& step) {
    return "Place " + amount_text(step.load) + " (" +
           (step.direction == algocal::LoadDirection::kAscending ? "ascending" : "descending") +
           ", run " + std::to_string(step.run) + ")";
}

} // namespace algocore::session
