// The shared study behind the Storage interface: reads from the server on this storage's own
// thread (the libpq connection never leaves it); writes are refused, since records are made
// on stations. Whole-study questions (thresholds, summaries, scores) are answered from one
// read of the study, the same records an export sees.
#include "algocore/sharedstudy/SharedStudyStorage.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <thread>
#include <tuple>

#include "ServerRecords.h"
#include "algocore/sharedstudy/ServerSchema.h"

namespace algocore::sharedstudy {

using namespace storage;

namespace {

constexpr const char* kReadOnly =
    "the shared study is read here; records are made on a station and reach the server when "
    "it pushes";

std::string lower(std::string text) {
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// One thread owns the connection; tasks run there in order.
class ServerThread {
public:
    /// With no connection yet, the first read connects (and checks the study).
    ServerThread(std::unique_ptr<ServerConnection> connection, std::string address)
        : connection_(std::move(connection)), address_(std::move(address)),
          thread_([this] { run(); }) {}
    ~ServerThread() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stop_ = true;
        }
        wake_.notify_all();
        thread_.join();
    }

    bool post(std::function<void()> task) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (stop_) return false;
            tasks_.push_back(std::move(task));
        }
        wake_.notify_all();
        return true;
    }

    /// Runs read(connection) on the thread (directly when called from it) and returns its
    /// result; its exception is rethrown here.
    template <typename Read>
    auto call(Read read) -> decltype(read(std::declval<ServerConnection&>())) {
        if (std::this_thread::get_id() == thread_.get_id()) return read(connection());
        using Result = decltype(read(std::declval<ServerConnection&>()));
        auto promise = std::make_shared<std::promise<Result>>();
        auto future = promise->get_future();
        const bool posted = post([this, promise, read]() mutable {
            try {
                promise->set_value(read(connection()));
            } catch (...) {
                promise->set_exception(std::current_exception());
            }
        });
        if (!posted) throw ServerReadError("the shared study is closed");
        return future.get();
    }

private:
    // A connection the server dropped (restart, network) is made again on the next read.
    ServerConnection& connection() {
        if (!connection_ || !connection_->connected()) {
            ServerOpen again = ServerConnection::open(address_);
            if (!again.connection) throw ServerReadError(again.error.message);
            if (const StudyCheck check = check_study(*again.connection); check.error)
                throw ServerReadError(check.error.message);
            connection_ = std::move(again.connection);
        }
        return *connection_;
    }

    void run() {
        for (;;) {
            std::function<void()> task;
            {
                std::unique_lock<std::mutex> lock(mutex_);
                wake_.wait(lock, [this] { return stop_ || !tasks_.empty(); });
                if (tasks_.empty()) return;
                task = std::move(tasks_.front());
                tasks_.pop_front();
            }
            task();
        }
    }

    std::unique_ptr<ServerConnection> connection_;
    const std::string address_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> tasks_;
    bool stop_ = false;
    std::thread thread_;
};

// The threshold of one point in one session: the mean of its counted trials of the measure.
std::vector<PointThreshold> point_thresholds(const StudyData& study, RecordId subject_id,
                                             TrialMeasure measure) {
    std::map<std::tuple<RecordId, BodySide, RecordId>, PointThreshold> by_point;
    for (const Trial& t : study.trials) {
        const Session* s = study.session(t.session_id);
        if (!s || s->subject_id != subject_id || t.measure != measure || !t.counted) continue;
        PointThreshold& p = by_point[{t.site_id, t.side, s->id}];
        p.subject_id = subject_id;
        p.site_id = t.site_id;
        p.side = t.side;
        p.measure = measure;
        p.session_id = s->id;
        p.session_started_utc = s->started_utc;
        p.mean_kpa = (p.mean_kpa * p.n + t.ppt_kpa) / (p.n + 1);
        ++p.n;
    }
    std::vector<PointThreshold> out;
    for (const auto& [key, p] : by_point)
        out.push_back(p);
    // Newest session first at each point.
    std::sort(out.begin(), out.end(), [](const PointThreshold& a, const PointThreshold& b) {
        return std::tie(a.site_id, a.side, b.session_started_utc, b.session_id) <
               std::tie(b.site_id, b.side, a.session_started_utc, a.session_id);
    });
    return out;
}

std::optional<PointThreshold> threshold_before(const StudyData& study, RecordId subject_id,
                                               RecordId site_id, BodySide side,
                                               TrialMeasure measure, RecordId before_session_id) {
    const Session* before = before_session_id ? study.session(before_session_id) : nullptr;
    for (const PointThreshold& p : point_thresholds(study, subject_id, measure)) {
        if (p.site_id != site_id || p.side != side) continue;
        if (before && std::tie(p.session_started_utc, p.session_id) >=
                          std::tie(before->started_utc, before->id))
            continue;
        return p;
    }
    return std::nullopt;
}

class SharedStudyStorage final : public Storage {
public:
    SharedStudyStorage(std::unique_ptr<ServerConnection> connection, std::string address)
        : location_(address), thread_(std::move(connection), std::move(address)) {}

    // Nothing is ever pending here: closing loses nothing and needs no rescue file.
    const std::string& location() const override { return location_; }
    std::size_t close(std::chrono::milliseconds) override { return 0; }
    std::string rescue_path() const override { return {}; }
    std::string rescue_error() const override { return {}; }
    std::string check_writable() override { return kReadOnly; }
    std::string read_note() const override { return {}; }
    std::string import_rescue(const std::string&, std::string*) override { return kReadOnly; }

    Enqueued add_subject(const Subject&) override { return {}; }
    Enqueued add_operator(const Operator&) override { return {}; }
    Enqueued add_site(const Site&) override { return {}; }
    Enqueued begin_session(const Session&) override { return {}; }
    Enqueued open_session(const SessionOpening&) override { return {}; }
    Enqueued record_trial(const Trial&, const RawTrace&) override { return {}; }
    Enqueued record_hold(const Hold&, const RawTrace&) override { return {}; }
    Enqueued record_training_score(const TrainingScore&) override { return {}; }
    Enqueued record_template(const ExpertTemplate&, const RawTrace&) override { return {}; }
    Enqueued record_training_plan(const TrainingPlan&) override { return {}; }
    Request correct(const Correction&) override { return {false, kReadOnly, 0}; }
    Request save_site_mdc(const SiteMdcRecord&) override { return {false, kReadOnly, 0}; }
    Enqueued record_reaction_test(const ReactionTest&) override { return {}; }
    Enqueued record_findings(const TriggerPointFindings&) override { return {}; }

    bool wait_committed(WriteTicket, std::chrono::milliseconds) override { return true; }
    bool flush(std::chrono::milliseconds) override { return true; }
    StorageStatus status() const override { return {}; }
    std::vector<StorageEvent> take_events() override { return {}; }
    bool post(std::function<void()> task) override { return thread_.post(std::move(task)); }

    std::optional<Subject> find_subject(const std::string& code) override {
        const auto records = history_of(code);
        if (!records) return std::nullopt;
        return records->subject;
    }
    std::optional<Operator> find_operator(const std::string& name) override {
        for (const Operator& o : index().operators)
            if (o.name == name) return o;
        return std::nullopt;
    }
    std::optional<Site> find_site(const std::string& key_or_name) override {
        const std::string wanted = lower(key_or_name);
        for (const Site& s : index().sites)
            if (lower(s.key) == wanted || lower(s.name) == wanted) return s;
        return std::nullopt;
    }
    std::vector<Site> sites() override { return index().sites; }
    std::vector<Session> sessions_of(RecordId subject_id) override {
        StudyData s = study();
        std::vector<Session> out;
        for (const Session& x : s.sessions)
            if (x.subject_id == subject_id) out.push_back(x);
        std::sort(out.begin(), out.end(), [](const Session& a, const Session& b) {
            return std::tie(a.started_utc, a.id) < std::tie(b.started_utc, b.id);
        });
        return out;
    }
    std::vector<Trial> trials_of(RecordId session_id) override {
        std::vector<Trial> out;
        for (const Trial& t : study().trials)
            if (t.session_id == session_id) out.push_back(t);
        return out;
    }
    std::optional<RawTrace> trial_trace(RecordId id) override {
        return thread_.call([id](ServerConnection& c) { return read_trace(c, "trials", id); });
    }
    std::vector<Hold> holds_of(RecordId session_id) override {
        std::vector<Hold> out;
        for (const Hold& h : study().holds)
            if (h.session_id == session_id) out.push_back(h);
        return out;
    }
    std::vector<ReactionTest> reaction_tests_of(RecordId session_id) override {
        return thread_.call(
            [session_id](ServerConnection& c) { return read_reaction_tests(c, session_id); });
    }
    // The findings in force at each point of a session, as the stations pushed them.
    std::vector<TriggerPointFindings> findings_of(RecordId session_id) override {
        std::vector<TriggerPointFindings> out;
        for (const TriggerPointFindings& f : study().findings)
            if (f.session_id == session_id) out.push_back(f);
        return out;
    }
    std::optional<RawTrace> hold_trace(RecordId id) override {
        return thread_.call([id](ServerConnection& c) { return read_trace(c, "holds", id); });
    }
    std::vector<SiteSummary> site_summaries(RecordId subject_id) override;
    std::vector<AuditEntry> audit_log(const std::string& table, RecordId row_id) override {
        std::vector<AuditEntry> out;
        for (const AuditEntry& a : study().audit_log)
            if (a.table == table && (row_id == kNoRecord || a.row_id == row_id)) out.push_back(a);
        return out;
    }
    std::vector<Subject> subjects() override {
        StudyData s = study();
        return records::recent_first(std::move(s.subjects), s.sessions);
    }
    std::vector<PointThreshold> thresholds_of(const std::string& code,
                                              TrialMeasure measure) override {
        const auto subject = find_subject(code);
        if (!subject) return {};
        std::vector<PointThreshold> out;
        for (const PointThreshold& p : point_thresholds(study(), subject->id, measure))
            if (out.empty() || out.back().site_id != p.site_id || out.back().side != p.side)
                out.push_back(p);
        return out;
    }
    std::optional<PointThreshold> previous_threshold_of(const std::string& code, RecordId site_id,
                                                        BodySide side, TrialMeasure measure,
                                                        RecordId before_session_id) override {
        const auto subject = find_subject(code);
        if (!subject) return std::nullopt;
        return threshold_before(study(), subject->id, site_id, side, measure, before_session_id);
    }
    std::vector<ExpertTemplate> templates() override { return study().templates; }
    std::optional<RawTrace> template_trace(RecordId id) override {
        return thread_.call(
            [id](ServerConnection& c) { return read_trace(c, "expert_templates", id); });
    }
    std::optional<TrainingPlanProgress> latest_plan(const std::string& student_name) override;
    std::vector<TrainingScore> scores_of_student(const std::string& student_name) override {
        const auto student = find_operator(student_name);
        if (!student) return {};
        std::vector<TrainingScore> out;
        for (const TrainingScore& s : study().training_scores)
            if (s.student_id == student->id) out.push_back(s);
        std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
            return a.attempted_utc < b.attempted_utc;
        });
        return out;
    }
    std::optional<SiteMdcRecord> site_mdc(const std::string& site_key, BodySide side) override {
        std::optional<SiteMdcRecord> own;
        std::optional<SiteMdcRecord> both;
        for (const SiteMdcRecord& m : study().site_mdc) {
            if (m.site_key != site_key) continue;
            auto& slot = m.side ? own : both;
            if (m.side && *m.side != side) continue;
            if (!slot || std::tie(m.computed_utc, m.id) >= std::tie(slot->computed_utc, slot->id))
                slot = m;
        }
        return own ? own : both;
    }
    StudyData load_study() override { return study(); }
    std::optional<SubjectRecords> history_of(const std::string& code) override {
        return thread_.call([&code](ServerConnection& c) {
            const StudyIndex idx = read_index(c);
            return read_history(c, idx, code);
        });
    }

private:
    StudyIndex index() {
        return thread_.call([](ServerConnection& c) { return read_index(c); });
    }
    StudyData study() {
        return thread_.call([](ServerConnection& c) { return read_study(c, read_index(c)); });
    }

    std::string location_;
    ServerThread thread_;
};

std::vector<SiteSummary> SharedStudyStorage::site_summaries(RecordId subject_id) {
    const StudyData s = study();
    // Same grouping and statistics as a database file's summaries: per session, site, side
    // and measure; mean, sample SD, CV, min and max of the counted trials.
    std::map<std::tuple<std::string, std::string, RecordId, std::string, BodySide, TrialMeasure>,
             std::pair<SiteSummary, std::vector<double>>>
        groups;
    for (const Trial& t : s.trials) {
        const Session* session = s.session(t.session_id);
        if (!session || (subject_id != kNoRecord && session->subject_id != subject_id)) continue;
        const Subject* subject = s.subject(session->subject_id);
        const Site* site = s.site(t.site_id);
        if (!subject || !site) continue;
        auto& [summary, values] = groups[{subject->code, session->started_utc, session->id,
                                          site->key, t.side, t.measure}];
        summary.session_id = session->id;
        summary.subject_code = subject->code;
        summary.session_started_utc = session->started_utc;
        summary.site_key = site->key;
        summary.site_name = site->name;
        summary.side = t.side;
        summary.measure = t.measure;
        ++summary.n_all;
        if (t.counted) values.push_back(t.ppt_kpa);
    }
    std::vector<SiteSummary> out;
    for (auto& [key, group] : groups) {
        auto& [summary, v] = group;
        summary.n = static_cast<int>(v.size());
        if (!v.empty()) {
            double sum = 0.0;
            summary.min_kpa = *std::min_element(v.begin(), v.end());
            summary.max_kpa = *std::max_element(v.begin(), v.end());
            for (double x : v)
                sum += x;
            summary.mean_kpa = sum / static_cast<double>(v.size());
            if (v.size() > 1) {
                double ss = 0.0;
                for (double x : v)
                    ss += (x - summary.mean_kpa) * (x - summary.mean_kpa);
                summary.sd_kpa = std::sqrt(ss / static_cast<double>(v.size() - 1));
            }
            if (summary.mean_kpa > 0.0) summary.cv_pct = summary.sd_kpa / summary.mean_kpa * 100.0;
        }
        out.push_back(summary);
    }
    return out;
}

std::optional<TrainingPlanProgress>
SharedStudyStorage::latest_plan(const std::string& student_name) {
    const auto student = find_operator(student_name);
    if (!student) return std::nullopt;
    const StudyData s = study();
    std::optional<TrainingPlanProgress> latest;
    for (const TrainingPlan& p : s.training_plans) {
        const Session* session = s.session(p.session_id);
        if (!session || session->operator_id != student->id) continue;
        if (!latest ||
            std::tie(p.started_utc, p.id) >= std::tie(latest->plan.started_utc, latest->plan.id))
            latest = TrainingPlanProgress{p, 0};
    }
    if (latest)
        for (const TrainingScore& c : s.training_scores)
            if (c.plan_id && *c.plan_id == latest->plan.id) ++latest->attempts_done;
    return latest;
}

} // namespace

SharedStudyOpen open_shared_study(const std::string& address) {
    SharedStudyOpen out;
    ServerOpen opened = ServerConnection::open(address);
    if (!opened.connection) {
        out.error = opened.error.message;
        return out;
    }
    if (const StudyCheck check = check_study(*opened.connection); check.error) {
        out.error = check.error.message;
        return out;
    }
    out.storage = std::make_unique<SharedStudyStorage>(std::move(opened.connection), address);
    return out;
}

std::unique_ptr<storage::Storage> open_shared_study_on_first_read(const std::string& address) {
    return std::make_unique<SharedStudyStorage>(nullptr, address);
}

} // namespace algocore::sharedstudy
