#include "algocore/analysis/StudyReliabilityRows.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>
#include <utility>

namespace algocore::analysis {

namespace {

using records::RecordId;

std::string lower(std::string text) {
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

const records::Site* find_site(const records::StudyData& study, const std::string& key_or_name) {
    const std::string wanted = lower(key_or_name);
    for (const records::Site& site : study.sites)
        if (lower(site.key) == wanted || lower(site.name) == wanted) return &site;
    return nullptr;
}

// Running sum of counted trials.
struct Sum {
    double total_kpa = 0.0;
    int n = 0;
    double mean_kpa() const { return total_kpa / n; }
};

} // namespace

const char* to_string(RaterGrouping by) {
    return by == RaterGrouping::Operator ? "operator" : "session";
}

bool parse_rater_grouping(const std::string& text, RaterGrouping& out) {
    const std::string key = lower(text);
    if (key == "operator" || key == "operators")
        out = RaterGrouping::Operator;
    else if (key == "session" || key == "sessions")
        out = RaterGrouping::Session;
    else
        return false;
    return true;
}

StudyReliabilityRows reliability_rows_from_study(const records::StudyData& study,
                                                 const StudyReliabilityQuery& query) {
    StudyReliabilityRows out;
    const records::Site* site = find_site(study, query.site_key);
    if (!site) {
        out.error = "no site '" + query.site_key + "' in the database";
        return out;
    }
    out.site_key = site->key;
    out.site_name = site->name;

    // Counted trials of the measure at the site and side, summed per session.
    std::map<RecordId, Sum> by_session;
    for (const records::Trial& trial : study.trials) {
        if (trial.site_id != site->id || trial.side != query.side ||
            trial.measure != query.measure || !trial.counted)
            continue;
        Sum& sum = by_session[trial.session_id];
        sum.total_kpa += trial.ppt_kpa;
        ++sum.n;
    }

    // Sessions per subject, in time order.
    std::map<RecordId, std::vector<const records::Session*>> sessions_of;
    for (const auto& [session_id, sum] : by_session) {
        if (const records::Session* session = study.session(session_id))
            sessions_of[session->subject_id].push_back(session);
    }
    for (auto& [subject_id, sessions] : sessions_of) {
        std::sort(sessions.begin(), sessions.end(), [](const auto* a, const auto* b) {
            return std::tie(a->started_utc, a->id) < std::tie(b->started_utc, b->id);
        });
        const records::Subject* subject = study.subject(subject_id);
        const std::string code = subject ? subject->code : "subject #" + std::to_string(subject_id);
        if (query.by == RaterGrouping::Session) {
            const std::size_t limit =
                query.sessions > 0 ? static_cast<std::size_t>(query.sessions) : sessions.size();
            for (std::size_t i = 0; i < sessions.size() && i < limit; ++i)
                out.rows.push_back(
                    {code, std::to_string(i + 1), by_session.at(sessions[i]->id).mean_kpa(), 0});
            continue;
        }
        // By operator: all of an operator's counted trials for this subject, in order of the
        // operator's first session.
        std::vector<std::pair<RecordId, Sum>> per_operator;
        for (const records::Session* session : sessions) {
            auto it =
                std::find_if(per_operator.begin(), per_operator.end(), [&](const auto& entry) {
                    return entry.first == session->operator_id;
                });
            if (it == per_operator.end())
                it = per_operator.insert(per_operator.end(), {session->operator_id, {}});
            const Sum& sum = by_session.at(session->id);
            it->second.total_kpa += sum.total_kpa;
            it->second.n += sum.n;
        }
        for (const auto& [operator_id, sum] : per_operator) {
            const records::Operator* op = study.operator_by_id(operator_id);
            const std::string name = op ? op->name : "operator #" + std::to_string(operator_id);
            out.rows.push_back({code, name, sum.mean_kpa(), 0});
        }
    }
    out.ok = true;
    return out;
}

} // namespace algocore::analysis
