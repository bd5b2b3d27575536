// Small helpers of the plain records: side letters, mirroring, trace conversion, lookups.
#include "algocore/records/Records.h"

#include <algorithm>
#include <cctype>
#include <map>

#include <nlohmann/json.hpp>

#include "algocore/records/StudyData.h"
#include "algoinput/JsonText.h"

namespace algocore::records {

namespace {
std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

template <typename T> const T* by_id(const std::vector<T>& rows, RecordId id) {
    for (const auto& row : rows) {
        if (row.id == id) return &row;
    }
    return nullptr;
}
} // namespace

const char* to_letter(BodySide side) {
    switch (side) {
    case BodySide::Left: return "L";
    case BodySide::Right: return "R";
    case BodySide::Midline: return "M";
    }
    return "?";
}

bool parse_side(const std::string& text, BodySide& out) {
    const std::string t = lower(text);
    if (t == "l" || t == "left") {
        out = BodySide::Left;
    } else if (t == "r" || t == "right") {
        out = BodySide::Right;
    } else if (t == "m" || t == "midline") {
        out = BodySide::Midline;
    } else {
        return false;
    }
    return true;
}

BodyMapPoint side_position(const BodyMapPoint& left_point, BodySide side) {
    // Both outlines are symmetric about x = 0.5, so the right side is the mirror image.
    if (side == BodySide::Right) return {1.0 - left_point.x, left_point.y};
    return left_point;
}

double HoldMetrics::signal_lost_s() const {
    double lost_s = 0.0;
    if (signal_losses)
        for (const SignalLossRecord& loss : *signal_losses)
            lost_s += loss.lost_s;
    return lost_s;
}

std::string signal_losses_json(const std::vector<SignalLossRecord>& losses) {
    nlohmann::json list = nlohmann::json::array();
    for (const SignalLossRecord& loss : losses)
        list.push_back({{"at_s", loss.at_s}, {"lost_s", loss.lost_s}});
    return algoinput::json_text(list);
}

std::vector<SignalLossRecord> signal_losses_from_json(const std::string& text) {
    std::vector<SignalLossRecord> losses;
    const auto list = nlohmann::json::parse(text, nullptr, false);
    if (list.is_array())
        for (const auto& loss : list)
            if (loss.is_object())
                losses.push_back({loss.value("at_s", 0.0), loss.value("lost_s", 0.0)});
    return losses;
}

std::string presses_while_loaded_json(const std::vector<PressWhileLoadedRecord>& presses) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& p : presses)
        list.push_back({{"t_s", p.t_s}, {"pressure_kpa", p.pressure_kpa}});
    return algoinput::json_text(list);
}

std::vector<PressWhileLoadedRecord> presses_while_loaded_from_json(const std::string& text) {
    std::vector<PressWhileLoadedRecord> presses;
    const auto list = nlohmann::json::parse(text, nullptr, false);
    if (list.is_array())
        for (const auto& p : list)
            if (p.is_object())
                presses.push_back({p.value("t_s", 0.0), p.value("pressure_kpa", 0.0)});
    return presses;
}

std::string release_marks_json(const ReleaseMarks& marks) {
    return algoinput::json_text(
        nlohmann::json{{"marks_s", marks.marks_s}, {"detections_s", marks.detections_s}});
}

namespace {
std::vector<double> seconds_in(const nlohmann::json& object, const char* key) {
    std::vector<double> out;
    if (object.contains(key) && object[key].is_array())
        for (const auto& t : object[key])
            if (t.is_number()) out.push_back(t.get<double>());
    return out;
}
} // namespace

ReleaseMarks release_marks_from_json(const std::string& text) {
    const auto object = nlohmann::json::parse(text, nullptr, false);
    if (!object.is_object()) return {};
    return {seconds_in(object, "marks_s"), seconds_in(object, "detections_s")};
}

RawTrace to_trace(const std::vector<Sample>& samples) {
    RawTrace trace;
    trace.samples.reserve(samples.size());
    for (const auto& s : samples) {
        trace.samples.push_back(
            {s.t_s, s.raw_counts, s.force_n, s.pressure_kpa, s.buttons, s.flags});
    }
    return trace;
}

const char* to_string(TrialMeasure measure) {
    return measure == TrialMeasure::Tolerance ? "tolerance" : "ppt";
}

bool parse_measure(const std::string& text, TrialMeasure& out) {
    const std::string t = lower(text);
    if (t == "ppt") {
        out = TrialMeasure::Ppt;
    } else if (t == "tolerance") {
        out = TrialMeasure::Tolerance;
    } else {
        return false;
    }
    return true;
}

const Subject* StudyData::subject(RecordId id) const {
    return by_id(subjects, id);
}
const Operator* StudyData::operator_by_id(RecordId id) const {
    return by_id(operators, id);
}
const Session* StudyData::session(RecordId id) const {
    return by_id(sessions, id);
}
const Site* StudyData::site(RecordId id) const {
    return by_id(sites, id);
}

std::vector<Subject> recent_first(std::vector<Subject> subjects,
                                  const std::vector<Session>& sessions) {
    // Per subject its latest session: (start, id); a subject never seen has none.
    std::map<RecordId, std::pair<std::string, RecordId>> seen;
    for (const Session& s : sessions) {
        auto& latest = seen[s.subject_id];
        latest = std::max(latest, std::make_pair(s.started_utc, s.id));
    }
    std::stable_sort(subjects.begin(), subjects.end(), [&seen](const Subject& a, const Subject& b) {
        const auto at = seen.find(a.id);
        const auto bt = seen.find(b.id);
        const bool a_seen = at != seen.end();
        const bool b_seen = bt != seen.end();
        if (a_seen != b_seen) return a_seen;
        if (a_seen && at->second != bt->second) return at->second > bt->second;
        return a.id > b.id;
    });
    return subjects;
}

} // namespace algocore::records
