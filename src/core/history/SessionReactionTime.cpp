#include "algocore/history/SessionReactionTime.h"

#include <tuple>

namespace algocore::history {

namespace {

const storage::Session* find(const std::vector<storage::Session>& sessions, storage::RecordId id) {
    for (const auto& s : sessions)
        if (s.id == id) return &s;
    return nullptr;
}

} // namespace

const storage::ReactionTest* reaction_test_for(const std::vector<storage::ReactionTest>& tests,
                                               const std::vector<storage::Session>& sessions,
                                               storage::RecordId session_id) {
    const storage::Session* target = find(sessions, session_id);
    if (session_id != storage::kNoRecord && !target) return nullptr;
    const storage::ReactionTest* best = nullptr;
    const storage::Session* best_session = nullptr;
    for (const auto& test : tests) {
        if (!test.complete || !test.median_ms) continue;
        const storage::Session* own = find(sessions, test.session_id);
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

std::optional<double> reaction_ms_for(const std::vector<storage::ReactionTest>& tests,
                                      const std::vector<storage::Session>& sessions,
                                      storage::RecordId session_id) {
    const auto* test = reaction_test_for(tests, sessions, session_id);
    return test ? test->median_ms : std::nullopt;
}

} // namespace algocore::history
