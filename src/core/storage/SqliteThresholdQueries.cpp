// Threshold queries. A point's threshold is the mean of the counted trials of its latest
// session, which is what a therapist compares against and what relative prescriptions are
// built on; within that session only the series protocols::apply_threshold_rule chooses
// counts (read_trials applies it), so the stored threshold is the one every screen shows.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "SqliteQueries.h"
#include "algocore/protocols/ThresholdSeries.h"

namespace algocore::storage::queries {

namespace {

// A trial with its session's start, oldest session first.
struct DatedTrial {
    std::string started_utc;
    Trial trial;
};

// Every trial of a subject (subject_id 0: of every subject) with the rule applied, in
// session order (start, id) and recorded order within a session.
std::vector<DatedTrial> dated_trials(SQLite::Database& db, RecordId subject_id) {
    SQLite::Statement st(db, "SELECT s.started_utc, " + trial_columns("t.") +
                                 " FROM trials t JOIN sessions s ON s.id = t.session_id "
                                 "WHERE ?1 = 0 OR s.subject_id = ?1 "
                                 "ORDER BY s.started_utc, s.id, t.id");
    st.bind(1, subject_id);
    std::vector<std::string> started;
    std::vector<Trial> trials;
    while (st.executeStep()) {
        started.push_back(st.getColumn(0).getString());
        trials.push_back(read_trial(st, 1));
    }
    protocols::apply_threshold_rule(trials);
    std::vector<DatedTrial> out;
    out.reserve(trials.size());
    for (std::size_t i = 0; i < trials.size(); ++i)
        out.push_back({started[i], std::move(trials[i])});
    return out;
}

// Per session (newest last), the threshold of each point of the measure.
std::vector<PointThreshold> session_thresholds(const std::vector<DatedTrial>& trials,
                                               RecordId subject_id, TrialMeasure measure) {
    std::vector<PointThreshold> out;
    std::map<std::tuple<RecordId, RecordId, BodySide>, std::size_t> at;
    for (const DatedTrial& d : trials) {
        const Trial& t = d.trial;
        if (t.measure != measure || !t.counted) continue;
        const auto key = std::make_tuple(t.session_id, t.site_id, t.side);
        auto found = at.find(key);
        if (found == at.end()) {
            PointThreshold p;
            p.subject_id = subject_id;
            p.site_id = t.site_id;
            p.side = t.side;
            p.measure = measure;
            p.session_id = t.session_id;
            p.session_started_utc = d.started_utc;
            found = at.emplace(key, out.size()).first;
            out.push_back(p);
        }
        PointThreshold& p = out[found->second];
        p.mean_kpa = (p.mean_kpa * p.n + t.ppt_kpa) / (p.n + 1);
        ++p.n;
    }
    return out;
}

} // namespace

std::optional<PointThreshold> threshold(SQLite::Database& db, RecordId subject_id, RecordId site_id,
                                        BodySide side, TrialMeasure measure,
                                        RecordId before_session_id) {
    if (subject_id == kNoRecord) return std::nullopt;
    std::string before_started;
    if (before_session_id != kNoRecord) {
        SQLite::Statement st(db, "SELECT started_utc FROM sessions WHERE id = ?1");
        st.bind(1, before_session_id);
        if (st.executeStep()) before_started = st.getColumn(0).getString();
    }
    std::optional<PointThreshold> latest;
    for (const PointThreshold& p :
         session_thresholds(dated_trials(db, subject_id), subject_id, measure)) {
        if (p.site_id != site_id || p.side != side) continue;
        if (before_session_id != kNoRecord && std::tie(p.session_started_utc, p.session_id) >=
                                                  std::tie(before_started, before_session_id))
            continue;
        latest = p; // sessions come oldest first
    }
    return latest;
}

std::vector<SiteSummary> site_summaries(SQLite::Database& db, RecordId subject_id) {
    SQLite::Statement st(
        db, "SELECT s.id, subj.code, s.started_utc, site.key, site.name, t.id "
            "FROM trials t JOIN sessions s ON s.id = t.session_id "
            "JOIN subjects subj ON subj.id = s.subject_id JOIN sites site ON site.id = t.site_id "
            "WHERE ?1 = 0 OR s.subject_id = ?1 "
            "ORDER BY subj.code, s.started_utc, s.id, site.key, t.side, t.measure, t.id");
    st.bind(1, subject_id);
    std::map<RecordId, Trial> by_id;
    for (DatedTrial& d : dated_trials(db, subject_id))
        by_id.emplace(d.trial.id, std::move(d.trial));
    std::vector<SiteSummary> out;
    std::vector<std::vector<double>> values;
    while (st.executeStep()) {
        const auto trial = by_id.find(st.getColumn(5).getInt64());
        if (trial == by_id.end()) continue;
        const Trial& t = trial->second;
        SiteSummary key;
        key.session_id = st.getColumn(0).getInt64();
        key.subject_code = st.getColumn(1).getString();
        key.session_started_utc = st.getColumn(2).getString();
        key.site_key = st.getColumn(3).getString();
        key.site_name = st.getColumn(4).getString();
        key.side = t.side;
        key.measure = t.measure;
        if (out.empty() || out.back().session_id != key.session_id ||
            out.back().site_key != key.site_key || out.back().side != key.side ||
            out.back().measure != key.measure) {
            out.push_back(key);
            values.emplace_back();
        }
        ++out.back().n_all;
        if (t.counted) values.back().push_back(t.ppt_kpa);
    }
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto& v = values[i];
        SiteSummary& s = out[i];
        s.n = static_cast<int>(v.size());
        if (v.empty()) continue;
        double sum = 0.0;
        s.min_kpa = v.front();
        s.max_kpa = v.front();
        for (double x : v) {
            sum += x;
            s.min_kpa = std::min(s.min_kpa, x);
            s.max_kpa = std::max(s.max_kpa, x);
        }
        s.mean_kpa = sum / static_cast<double>(v.size());
        if (v.size() > 1) {
            double ss = 0.0;
            for (double x : v)
                ss += (x - s.mean_kpa) * (x - s.mean_kpa);
            s.sd_kpa = std::sqrt(ss / static_cast<double>(v.size() - 1));
        }
        if (s.mean_kpa > 0.0) s.cv_pct = s.sd_kpa / s.mean_kpa * 100.0;
    }
    return out;
}

RecordId subject_id_of(SQLite::Database& db, const std::string& code) {
    const auto subject = find_subject(db, code);
    return subject ? subject->id : kNoRecord;
}

std::vector<PointThreshold> thresholds_of(SQLite::Database& db, RecordId subject_id,
                                          TrialMeasure measure) {
    if (subject_id == kNoRecord) return {};
    // Per point, the newest session that has counted trials there.
    std::map<std::pair<RecordId, BodySide>, PointThreshold> latest;
    for (const PointThreshold& p :
         session_thresholds(dated_trials(db, subject_id), subject_id, measure))
        latest[{p.site_id, p.side}] = p; // sessions come oldest first
    std::vector<PointThreshold> out;
    for (const auto& [point, p] : latest)
        out.push_back(p);
    return out;
}

} // namespace algocore::storage::queries
