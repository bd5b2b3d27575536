#include "algocore/protocols/FeedbackSchedule.h"
#include "algoinput/JsonText.h"

#include <nlohmann/json.hpp>
#include <utility>

namespace algocore::protocols {

const char* to_string(FeedbackLevel level) {
    switch (level) {
    case FeedbackLevel::Full: return "full";
    case FeedbackLevel::BandOnly: return "band_only";
    case FeedbackLevel::SummaryAfter: return "summary_after";
    case FeedbackLevel::None: return "none";
    }
    return "unknown";
}

bool parse_feedback_level(const std::string& text, FeedbackLevel& out) {
    for (FeedbackLevel level : {FeedbackLevel::Full, FeedbackLevel::BandOnly,
                                FeedbackLevel::SummaryAfter, FeedbackLevel::None}) {
        if (text == to_string(level)) {
            out = level;
            return true;
        }
    }
    return false;
}

FeedbackPlan plan_for(FeedbackLevel level) {
    FeedbackPlan plan;
    switch (level) {
    case FeedbackLevel::Full:
        plan.show_readout = plan.show_band = plan.show_template = plan.show_score_after = true;
        break;
    case FeedbackLevel::BandOnly: plan.show_band = plan.show_score_after = true; break;
    case FeedbackLevel::SummaryAfter: plan.show_score_after = true; break;
    case FeedbackLevel::None: break;
    }
    return plan;
}

FeedbackSchedule::FeedbackSchedule(std::vector<Stage> stages) : stages_(std::move(stages)) {}

FeedbackSchedule FeedbackSchedule::faded(int attempts_per_stage) {
    return FeedbackSchedule({{FeedbackLevel::Full, attempts_per_stage},
                             {FeedbackLevel::BandOnly, attempts_per_stage},
                             {FeedbackLevel::SummaryAfter, attempts_per_stage},
                             {FeedbackLevel::None, attempts_per_stage}});
}

FeedbackSchedule FeedbackSchedule::constant(FeedbackLevel level) {
    return FeedbackSchedule({{level, 1}});
}

ConfigCheck FeedbackSchedule::validate() const {
    if (stages_.empty()) return ConfigCheck::bad("stages", "a schedule needs at least one stage");
    for (const Stage& stage : stages_)
        if (stage.attempts < 1)
            return ConfigCheck::bad("attempts", "each stage needs at least one attempt");
    return ConfigCheck::good();
}

FeedbackLevel FeedbackSchedule::level_for_attempt(int attempt) const {
    if (stages_.empty()) return FeedbackLevel::Full;
    int first_of_stage = 1;
    for (const Stage& stage : stages_) {
        if (attempt < first_of_stage + stage.attempts) return stage.level;
        first_of_stage += stage.attempts;
    }
    return stages_.back().level;
}

std::string FeedbackSchedule::to_json() const {
    nlohmann::json stages = nlohmann::json::array();
    for (const Stage& stage : stages_)
        stages.push_back({{"level", to_string(stage.level)}, {"attempts", stage.attempts}});
    return algoinput::json_text(nlohmann::json{{"stages", stages}});
}

std::optional<FeedbackSchedule> FeedbackSchedule::from_json(const std::string& text,
                                                            std::string* error) {
    try {
        const nlohmann::json j = nlohmann::json::parse(text);
        std::vector<Stage> stages;
        for (const auto& stage : j.at("stages")) {
            Stage s{FeedbackLevel::Full, stage.at("attempts").get<int>()};
            if (!parse_feedback_level(stage.at("level").get<std::string>(), s.level))
                throw std::invalid_argument("unknown feedback level");
            stages.push_back(s);
        }
        FeedbackSchedule schedule(std::move(stages));
        if (const auto check = schedule.validate(); !check.ok())
            throw std::invalid_argument(check.reason);
        return schedule;
    } catch (const std::exception& e) {
        if (error) *error = std::string("feedback schedule: ") + e.what();
        return std::nullopt;
    }
}

} // namespace algocore::protocols
