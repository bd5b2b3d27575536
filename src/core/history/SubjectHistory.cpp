// A subject's history from its records: pure computation, no storage access, so the GUI, the
// CLI, the report and the tests all build the same numbers from one read.
#include "algocore/history/SubjectHistory.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "algocore/history/SessionReactionTime.h"
#include "algocore/protocols/ReactionAdjustment.h"

namespace algocore::history {

using records::BodySide;
using records::RecordId;
using records::TrialMeasure;

namespace {

using PointKey = std::tuple<std::size_t, int, int>; // site order, side, measure

int side_order(BodySide side) {
    switch (side) {
    case BodySide::Left: return 0;
    case BodySide::Right: return 1;
    case BodySide::Midline: return 2;
    }
    return 3;
}

// Mean, sample SD and CV of the counted trials.
void summarise(PointVisit& v) {
    std::vector<double> values;
    for (const TrialValue& t : v.trials)
        if (t.counted) values.push_back(t.ppt_kpa);
    v.n = static_cast<int>(values.size());
    if (values.empty()) return;
    double sum = 0.0;
    for (double x : values)
        sum += x;
    v.mean_kpa = sum / v.n;
    if (v.n >= 2) {
        double ss = 0.0;
        for (double x : values)
            ss += (x - v.mean_kpa) * (x - v.mean_kpa);
        v.sd_kpa = std::sqrt(ss / (v.n - 1));
    }
    v.cv_pct = v.mean_kpa > 0.0 ? 100.0 * v.sd_kpa / v.mean_kpa : 0.0;
}

// Each visit with a threshold is judged against the last earlier one and the first one.
void judge(PointSeries& p) {
    const PointVisit* first = nullptr;
    const PointVisit* previous = nullptr;
    for (PointVisit& v : p.visits) {
        if (v.n == 0) continue;
        if (previous) v.vs_previous = judge_change(previous->mean_kpa, v.mean_kpa, p.mdc);
        if (first && first != previous)
            v.vs_first = judge_change(first->mean_kpa, v.mean_kpa, p.mdc);
        else if (first)
            v.vs_first = v.vs_previous;
        if (!first) first = &v;
        previous = &v;
    }
}

} // namespace

const PointVisit* PointSeries::in_session(RecordId session_id) const {
    for (const PointVisit& v : visits)
        if (v.session_id == session_id) return &v;
    return nullptr;
}

std::string PointSeries::label() const {
    std::string out = site.name;
    if (side != BodySide::Midline) out += side == BodySide::Left ? " L" : " R";
    if (measure == TrialMeasure::Tolerance) out += " (tolerance)";
    return out;
}

SubjectHistory SubjectHistory::build(const records::SubjectRecords& records) {
    // The lab's MDC read with the records is the default: a caller cannot forget it.
    return build(records, MdcLookup::from_records(records));
}

SubjectHistory SubjectHistory::build(const records::SubjectRecords& records, const MdcLookup& mdc) {
    SubjectHistory h;
    h.subject_ = records.subject;

    std::map<RecordId, std::size_t> session_index;
    for (const records::Session& s : records.sessions) {
        session_index[s.id] = h.sessions_.size();
        SessionEntry e;
        e.session = s;
        for (const records::Operator& o : records.operators)
            if (o.id == s.operator_id) e.operator_name = o.name;
        e.reaction_time_ms = reaction_ms_for(records.reaction_tests, records.sessions, s.id);
        h.sessions_.push_back(std::move(e));
    }
    std::map<RecordId, std::size_t> site_index;
    for (std::size_t i = 0; i < records.sites.size(); ++i)
        site_index[records.sites[i].id] = i;

    // Points in library order; visits in session order (the trials arrive in session order).
    std::map<PointKey, PointSeries> points;
    for (const records::Trial& t : records.trials) {
        const auto session = session_index.find(t.session_id);
        const auto site = site_index.find(t.site_id);
        if (session == session_index.end() || site == site_index.end()) continue;
        SessionEntry& entry = h.sessions_[session->second];
        ++entry.trials;
        if (t.counted) ++entry.counted_trials;

        const PointKey key{site->second, side_order(t.side), static_cast<int>(t.measure)};
        PointSeries& p = points[key];
        if (p.visits.empty()) {
            p.site = records.sites[site->second];
            p.side = t.side;
            p.measure = t.measure;
            p.mdc = mdc.mdc(p.site, p.side);
        }
        if (p.visits.empty() || p.visits.back().session_id != t.session_id) {
            PointVisit v;
            v.session_id = t.session_id;
            v.session_started_utc = entry.session.started_utc;
            p.visits.push_back(std::move(v));
            ++entry.points;
        }
        p.visits.back().trials.push_back(
            {t.id, t.index, t.ppt_kpa, t.valid, t.counted, t.excluded_reason,
             t.rate_at_button_kpa_s,
             protocols::rt_adjusted_ppt_kpa(t.ppt_kpa, t.rate_at_button_kpa_s,
                                            entry.reaction_time_ms)});
    }
    for (auto& [key, p] : points) {
        for (PointVisit& v : p.visits)
            summarise(v);
        judge(p);
    }
    // Left against right at the same site, measure and session.
    for (auto& [key, left] : points) {
        if (std::get<1>(key) != side_order(BodySide::Left)) continue;
        const auto right =
            points.find({std::get<0>(key), side_order(BodySide::Right), std::get<2>(key)});
        if (right == points.end()) continue;
        for (PointVisit& l : left.visits) {
            PointVisit* r = nullptr;
            for (PointVisit& candidate : right->second.visits)
                if (candidate.session_id == l.session_id) r = &candidate;
            if (!r || l.n == 0 || r->n == 0) continue;
            l.sides = protocols::compare_sides(l.mean_kpa, r->mean_kpa);
            r->sides = l.sides;
        }
    }
    for (auto& [key, p] : points)
        h.points_.push_back(std::move(p));

    for (const records::Hold& hold : records.holds) {
        const auto session = session_index.find(hold.session_id);
        if (session == session_index.end()) continue;
        HoldEntry e;
        e.hold = hold;
        e.session_started_utc = h.sessions_[session->second].session.started_utc;
        if (const auto site = site_index.find(hold.site_id); site != site_index.end())
            e.site = records.sites[site->second];
        ++h.sessions_[session->second].holds;
        h.holds_.push_back(std::move(e));
    }
    for (const records::TriggerPointFindings& f : records.findings) {
        const auto session = session_index.find(f.session_id);
        if (session == session_index.end()) continue;
        FindingsEntry e;
        e.findings = f;
        e.session_started_utc = h.sessions_[session->second].session.started_utc;
        if (const auto site = site_index.find(f.site_id); site != site_index.end())
            e.site = records.sites[site->second];
        h.findings_.push_back(std::move(e));
    }
    return h;
}

const SessionEntry* SubjectHistory::session(RecordId session_id) const {
    for (const SessionEntry& s : sessions_)
        if (s.session.id == session_id) return &s;
    return nullptr;
}

const SessionEntry* SubjectHistory::latest_session() const {
    return sessions_.empty() ? nullptr : &sessions_.back();
}

std::vector<const PointSeries*> SubjectHistory::points_in(RecordId session_id) const {
    std::vector<const PointSeries*> out;
    for (const PointSeries& p : points_)
        if (p.in_session(session_id)) out.push_back(&p);
    return out;
}

std::vector<const HoldEntry*> SubjectHistory::holds_in(RecordId session_id) const {
    std::vector<const HoldEntry*> out;
    for (const HoldEntry& e : holds_)
        if (e.hold.session_id == session_id) out.push_back(&e);
    return out;
}

std::vector<const FindingsEntry*> SubjectHistory::findings_in(RecordId session_id) const {
    std::vector<const FindingsEntry*> out;
    for (const FindingsEntry& e : findings_)
        if (e.findings.session_id == session_id) out.push_back(&e);
    return out;
}

std::vector<const FindingsEntry*> SubjectHistory::findings_at(RecordId site_id,
                                                              records::BodySide side) const {
    std::vector<const FindingsEntry*> out;
    for (const FindingsEntry& e : findings_)
        if (e.findings.site_id == site_id && e.findings.side == side) out.push_back(&e);
    return out;
}

std::string FindingsEntry::label() const {
    if (findings.side == BodySide::Midline) return site.name;
    return site.name + (findings.side == BodySide::Left ? " L" : " R");
}

} // namespace algocore::history
