#pragma once
// Faded feedback for dosage training: full feedback first, then the band only, then a
// summary after the attempt, then none, so retention is trained and not only performance.
#include <optional>
#include <string>
#include <vector>

#include "algocore/protocols/ConfigCheck.h"

namespace algocore::protocols {

enum class FeedbackLevel {
    Full,         ///< live readout, band, ghost template
    BandOnly,     ///< live band state only (no number, no ghost)
    SummaryAfter, ///< display hidden during the attempt; score shown afterwards (blind)
    None,         ///< blind, no score shown (retention test)
};
const char* to_string(FeedbackLevel level);
/// "full", "band_only", "summary_after", "none" → level; false if unknown.
bool parse_feedback_level(const std::string& text, FeedbackLevel& out);

/// What the screen shows during and after an attempt.
struct FeedbackPlan {
    bool show_readout = false;
    bool show_band = false;
    bool show_template = false;
    bool show_score_after = false;
    bool blind() const { return !show_readout && !show_band; }
};
FeedbackPlan plan_for(FeedbackLevel level);

/// Attempts per level, in order; attempts past the end keep the last level.
class FeedbackSchedule {
public:
    struct Stage {
        FeedbackLevel level;
        int attempts;
    };
    FeedbackSchedule() = default;
    explicit FeedbackSchedule(std::vector<Stage> stages);
    /// Full → BandOnly → SummaryAfter → None, n attempts each.
    static FeedbackSchedule faded(int attempts_per_stage);
    /// Same level for every attempt.
    static FeedbackSchedule constant(FeedbackLevel level);

    ConfigCheck validate() const;
    /// Level of attempt number (1-based).
    FeedbackLevel level_for_attempt(int attempt) const;
    /// {"stages":[{"level":"full","attempts":3},...]} (stored with each training plan).
    std::string to_json() const;
    /// Reads to_json's text; nullopt with *error set when it cannot (or is invalid).
    static std::optional<FeedbackSchedule> from_json(const std::string& text, std::string* error);
    const std::vector<Stage>& stages() const { return stages_; }

private:
    std::vector<Stage> stages_{{FeedbackLevel::Full, 1}};
};

} // namespace algocore::protocols
