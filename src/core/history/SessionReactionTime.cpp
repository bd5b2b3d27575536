#include "algocore/history/SessionReactionTime.h"

#include <tuple>

namespace algocore::history {

namespace {

const records::Session* find(const std::vector<records::Session>& sessions, records::RecordId id) {
    for (const auto& s : sessions)
        if (s.id == id) return &s;
    return nullptr;
}

} // namespace

const records::ReactionTest* reaction_test_for(const std::vector<records::ReactionTest>& tests,
                                               const std::vector<records::Session>& sessions,
                                               records::RecordId session_id) {
    const records::Session* target = find(sessions, session_id);
    if (session_id != records::kNoRecord && !target) return nullptr;
    const records::ReactionTest* best = nullptr;
    const records::Session* best_session = nullptr;
    for (const auto& test : tests) {
        if (!test.complete || !test.median_ms) continue;
        const records::Session* own = find(sessions, test.session_id);
        if (!own) continue;
        if (target) {
            if (own->subject_id != target->subject_id) continue;
            if (std::tie(own->started_utc, own->id) > std::tie(target->started_utc, target->id))
                continue;
        }
        if (!best || std::tie(own->started_utc, own->id, test.id) >=
                         std::tie(best_session->started_utc, best_session->id, best->id)) {
            best = &test;
            best_session = own;
        }
    }
    return best;
}

std::optional<double> reaction_ms_for(const std::vector<records::ReactionTest>& tests,
                                      const std::vector<records::Session>& sessions,
                                      records::RecordId session_id) {
    const auto* test = reaction_test_for(tests, sessions, session_id);
    return test ? test->median_ms : std::nullopt;
}

std::optional<double> mean_rt_adjusted_kpa(const PointVisit& visit) {
    double sum = 0.0;
    int n = 0;
    for (const TrialValue& t : visit.trials)
        if (t.counted && t.ppt_rt_adjusted_kpa) {
            sum += *t.ppt_rt_adjusted_kpa;
            ++n;
        }
    if (n == 0) return std::nullopt;
    return sum / n;
}

} // namespace algocore::history
