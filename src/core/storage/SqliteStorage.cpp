// The storage thread. Writers append to `pending` and return; the thread takes a batch,
// commits it in one transaction, and only then advances committed_through. A batch that
// fails for an environmental reason (full disk, read-only file, lock, I/O error) is rolled
// back and stays at the front of `pending`, so nothing is lost and order is kept; it is
// retried every retry_interval. A record that fails on its own (a constraint) is dropped
// alone, inside its own savepoint, and reported, so one bad record cannot block the rest.
//
// synchronous=FULL with WAL: every COMMIT fsyncs the WAL, so a committed batch survives
// power loss as well as kill -9 (NORMAL would only survive the process dying). Batching
// keeps the cost to one fsync per batch.
#include "algocore/storage/SqliteStorage.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cmath>
#include <filesystem>
#include <sqlite3.h>

#include "ReactionTestSql.h"
#include "RecordUuid.h"
#include "SiteMdcSql.h"
#include "SqliteQueries.h"
#include "StorageCore.h"
#include "TriggerPointFindingsSql.h"
#include "algocore/Uuid.h"
#include "algocore/WallClock.h"
#include "algocore/protocols/BodyRegions.h"
#include "algocore/storage/SiteLibrary.h"
#include "algocore/storage/TraceBlob.h"

namespace algocore::storage {

namespace {

// Enqueues a record that already has its id and uuid; returns both with the ticket.
template <typename Record> Enqueued enqueued(StorageCore& core, Record record) {
    Enqueued out{record.id, 0, record.uuid};
    out.ticket = core.enqueue(std::move(record));
    return out;
}

} // namespace

struct SqliteStorage::Impl {
    std::unique_ptr<StorageCore> core;
};

SqliteOpenResult SqliteStorage::open(const std::string& path, SqliteOptions options) {
    SqliteOpenResult result;
    auto core = std::make_unique<StorageCore>(path, options);
    std::string error = core->start();
    if (!error.empty()) {
        result.error = error;
        result.busy = core->busy();
        return result;
    }
    auto impl = std::make_unique<Impl>();
    impl->core = std::move(core);
    result.storage.reset(new SqliteStorage(std::move(impl)));
    return result;
}

SqliteStorage::SqliteStorage(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SqliteStorage::~SqliteStorage() {
    close();
}

std::size_t SqliteStorage::close(std::chrono::milliseconds timeout) {
    return impl_->core->stop(timeout);
}
void SqliteStorage::set_max_page_count(std::uint64_t pages) {
    impl_->core->set_max_page_count(pages);
}
std::string SqliteStorage::check_writable() {
    // Less than this free on the disk: the first trial could not be committed.
    constexpr std::uintmax_t kMinFreeBytes = 4u << 20;
    std::error_code ec;
    const auto folder = std::filesystem::absolute(location(), ec).parent_path();
    const auto space = std::filesystem::space(folder, ec);
    if (!ec && space.available < kMinFreeBytes)
        return "the disk holding " + location() + " is full (" +
               std::to_string(space.available / 1024) + " kB free)";
    return impl_->core->query([&](SQLite::Database& db) -> std::string {
        if (sqlite3_db_readonly(db.getHandle(), "main") == 1)
            return "the database " + location() + " is read-only (file or folder permissions)";
        try {
            db.exec("BEGIN IMMEDIATE");
            db.exec("ROLLBACK");
        } catch (const SQLite::Exception& e) {
            return "the database " + location() + " cannot be written: " + e.what();
        }
        return {};
    });
}

std::string SqliteStorage::rescue_path() const {
    return impl_->core->rescue().path;
}
std::string SqliteStorage::read_note() const {
    return impl_->core->read_note();
}
std::string SqliteStorage::rescue_error() const {
    return impl_->core->rescue().error;
}

std::string SqliteStorage::import_rescue(const std::string& rescue_path, std::string* summary) {
    const RescueImport imported = impl_->core->query([&](SQLite::Database& db) {
        return import_rescue_file(db, rescue_path,
                                  [this](IdKind kind) { return impl_->core->next_id(kind); });
    });
    if (summary) *summary = imported.rows_added == 0 ? "nothing new" : imported.summary;
    return imported.ok ? std::string() : imported.error;
}

void SqliteStorage::retry_now() {
    impl_->core->retry_now();
}
const std::string& SqliteStorage::location() const {
    return impl_->core->path();
}

const std::string& SqliteStorage::database_uuid() const {
    return impl_->core->database_uuid();
}

Enqueued SqliteStorage::add_subject(const Subject& subject) {
    Subject s = subject;
    s.id = impl_->core->next_id(IdKind::Subject);
    s.uuid = uuid_or_new(s.uuid);
    return enqueued(*impl_->core, std::move(s));
}

Enqueued SqliteStorage::add_operator(const Operator& op) {
    Operator o = op;
    o.id = impl_->core->next_id(IdKind::Operator);
    o.uuid = uuid_or_new(o.uuid);
    return enqueued(*impl_->core, std::move(o));
}

Enqueued SqliteStorage::add_site(const Site& site) {
    Site s = site;
    s.builtin = false;
    if (s.key.empty()) s.key = site_key_from_name(s.name);
    s.id = impl_->core->next_id(IdKind::Site);
    s.uuid = uuid_or_new(s.uuid);
    return enqueued(*impl_->core, std::move(s));
}

Enqueued SqliteStorage::begin_session(const Session& session) {
    Session s = session;
    if (s.started_utc.empty()) s.started_utc = utc_now_iso8601();
    s.id = impl_->core->next_id(IdKind::Session);
    s.uuid = uuid_or_new(s.uuid);
    return enqueued(*impl_->core, std::move(s));
}

Enqueued SqliteStorage::open_session(const SessionOpening& opening) {
    SessionOpening o = opening;
    if (o.session.started_utc.empty()) o.session.started_utc = utc_now_iso8601();
    o.session.id = impl_->core->next_id(IdKind::Session);
    o.session.uuid = uuid_or_new(o.session.uuid);
    // Used only when the subject or operator is new: then it is born with this session.
    o.subject.uuid = uuid_or_new(o.subject.uuid);
    if (o.by) o.by->uuid = uuid_or_new(o.by->uuid);
    Enqueued out{o.session.id, 0, o.session.uuid};
    out.ticket = impl_->core->enqueue(std::move(o));
    return out;
}

Enqueued SqliteStorage::record_template(const ExpertTemplate& expert, const RawTrace& trace) {
    TemplateWrite w;
    w.expert = expert;
    if (w.expert.recorded_utc.empty()) w.expert.recorded_utc = utc_now_iso8601();
    w.expert.id = impl_->core->next_id(IdKind::Template);
    w.expert.uuid = uuid_or_new(w.expert.uuid);
    w.sample_count = trace.samples.size();
    encode_trace(trace, w.blob);
    Enqueued out{w.expert.id, 0, w.expert.uuid};
    out.ticket = impl_->core->enqueue(std::move(w));
    return out;
}

Enqueued SqliteStorage::record_training_plan(const TrainingPlan& plan) {
    TrainingPlan p = plan;
    if (p.started_utc.empty()) p.started_utc = utc_now_iso8601();
    p.id = impl_->core->next_id(IdKind::TrainingPlan);
    p.uuid = uuid_or_new(p.uuid);
    return enqueued(*impl_->core, std::move(p));
}

Enqueued SqliteStorage::record_trial(const Trial& trial, const RawTrace& trace) {
    TrialWrite w;
    w.trial = trial;
    w.trial.id = impl_->core->next_id(IdKind::Trial);
    w.trial.uuid = uuid_or_new(w.trial.uuid);
    w.sample_count = trace.samples.size();
    encode_trace(trace, TraceHints{trial.probe_cm2, {}}, w.blob);
    Enqueued out{w.trial.id, 0, w.trial.uuid};
    out.ticket = impl_->core->enqueue(std::move(w));
    return out;
}

Enqueued SqliteStorage::record_hold(const Hold& hold, const RawTrace& trace) {
    HoldWrite w;
    w.hold = hold;
    w.hold.id = impl_->core->next_id(IdKind::Hold);
    w.hold.uuid = uuid_or_new(w.hold.uuid);
    w.sample_count = trace.samples.size();
    encode_trace(trace, TraceHints{hold.probe_cm2, {}}, w.blob);
    Enqueued out{w.hold.id, 0, w.hold.uuid};
    out.ticket = impl_->core->enqueue(std::move(w));
    return out;
}

Enqueued SqliteStorage::record_training_score(const TrainingScore& score) {
    TrainingScore s = score;
    if (s.attempted_utc.empty()) s.attempted_utc = utc_now_iso8601();
    s.id = impl_->core->next_id(IdKind::TrainingScore);
    s.uuid = uuid_or_new(s.uuid);
    return enqueued(*impl_->core, std::move(s));
}

Request SqliteStorage::correct(const Correction& correction) {
    Request r;
    r.error = check_correction(correction);
    if (!r.error.empty()) return r;
    CorrectionWrite w{correction, utc_now_iso8601(), new_uuid()};
    r.ticket = impl_->core->enqueue(std::move(w));
    r.ok = true;
    return r;
}

Enqueued SqliteStorage::record_reaction_test(const ReactionTest& test) {
    ReactionTest t = test;
    if (t.tested_utc.empty()) t.tested_utc = utc_now_iso8601();
    t.id = impl_->core->next_id(IdKind::ReactionTest);
    t.uuid = uuid_or_new(t.uuid);
    for (ReactionCueRecord& cue : t.cues)
        cue.uuid = uuid_or_new(cue.uuid);
    return enqueued(*impl_->core, std::move(t));
}

Enqueued SqliteStorage::record_findings(const TriggerPointFindings& findings) {
    TriggerPointFindings f = findings;
    if (f.examined_utc.empty()) f.examined_utc = utc_now_iso8601();
    f.exam.referral = protocols::ordered_zone(std::move(f.exam.referral));
    f.id = impl_->core->next_id(IdKind::TriggerPointFindings);
    f.uuid = uuid_or_new(f.uuid);
    return enqueued(*impl_->core, std::move(f));
}

Request SqliteStorage::save_site_mdc(const SiteMdcRecord& mdc) {
    Request r;
    if (!(std::isfinite(mdc.mdc_kpa) && mdc.mdc_kpa > 0.0))
        r.error = "a site's MDC must be a positive number of kPa";
    else if (mdc.source.empty())
        r.error = "a site's MDC needs its provenance (what data it was computed from)";
    else if (!find_site(mdc.site_key))
        r.error = "no site '" + mdc.site_key + "' to store an MDC for";
    if (!r.error.empty()) return r;
    SiteMdcRecord row = mdc;
    if (row.computed_utc.empty()) row.computed_utc = utc_now_iso8601();
    row.uuid = uuid_or_new(row.uuid);
    r.ticket = impl_->core->enqueue(std::move(row));
    r.ok = true;
    return r;
}

std::optional<SiteMdcRecord> SqliteStorage::site_mdc(const std::string& site_key, BodySide side) {
    return impl_->core->query(
        [&](SQLite::Database& db) { return queries::site_mdc(db, site_key, side); });
}

bool SqliteStorage::wait_committed(WriteTicket ticket, std::chrono::milliseconds timeout) {
    return impl_->core->wait_committed(ticket, timeout);
}
bool SqliteStorage::flush(std::chrono::milliseconds timeout) {
    return impl_->core->wait_processed(impl_->core->last_ticket(), timeout);
}
StorageStatus SqliteStorage::status() const {
    return impl_->core->status();
}
std::vector<StorageEvent> SqliteStorage::take_events() {
    return impl_->core->take_events();
}
bool SqliteStorage::post(std::function<void()> task) {
    return impl_->core->post(std::move(task));
}

std::optional<Subject> SqliteStorage::find_subject(const std::string& code) {
    return impl_->core->query(
        [&](SQLite::Database& db) { return queries::find_subject(db, code); });
}
std::optional<Operator> SqliteStorage::find_operator(const std::string& name) {
    return impl_->core->query(
        [&](SQLite::Database& db) { return queries::find_operator(db, name); });
}
std::optional<Site> SqliteStorage::find_site(const std::string& key_or_name) {
    return impl_->core->query(
        [&](SQLite::Database& db) { return queries::find_site(db, key_or_name); });
}
std::vector<Site> SqliteStorage::sites() {
    return impl_->core->query([&](SQLite::Database& db) { return queries::sites(db); });
}
std::vector<Session> SqliteStorage::sessions_of(RecordId subject_id) {
    return impl_->core->query(
        [&](SQLite::Database& db) { return queries::sessions(db, subject_id); });
}
std::vector<Trial> SqliteStorage::trials_of(RecordId session_id) {
    return impl_->core->query(
        [&](SQLite::Database& db) { return queries::trials(db, session_id); });
}
std::optional<RawTrace> SqliteStorage::trial_trace(RecordId trial_id) {
    return impl_->core->query(
        [&](SQLite::Database& db) { return queries::trace(db, "trial_traces", trial_id); });
}
std::vector<ReactionTest> SqliteStorage::reaction_tests_of(RecordId session_id) {
    return impl_->core->query(
        [&](SQLite::Database& db) { return queries::reaction_tests(db, session_id); });
}
std::vector<TriggerPointFindings> SqliteStorage::findings_of(RecordId session_id) {
    return impl_->core->query(
        [&](SQLite::Database& db) { return queries::findings(db, session_id); });
}
std::vector<Hold> SqliteStorage::holds_of(RecordId session_id) {
    return impl_->core->query([&](SQLite::Database& db) { return queries::holds(db, session_id); });
}
std::optional<RawTrace> SqliteStorage::hold_trace(RecordId hold_id) {
    return impl_->core->query(
        [&](SQLite::Database& db) { return queries::trace(db, "hold_traces", hold_id); });
}
std::vector<SiteSummary> SqliteStorage::site_summaries(RecordId subject_id) {
    return impl_->core->query(
        [&](SQLite::Database& db) { return queries::site_summaries(db, subject_id); });
}
std::vector<AuditEntry> SqliteStorage::audit_log(const std::string& table, RecordId row_id) {
    return impl_->core->query(
        [&](SQLite::Database& db) { return queries::audit_log(db, table, row_id); });
}
std::vector<Subject> SqliteStorage::subjects() {
    return impl_->core->query([&](SQLite::Database& db) {
        return records::recent_first(queries::subjects(db), queries::sessions(db, kNoRecord));
    });
}
std::vector<PointThreshold> SqliteStorage::thresholds_of(const std::string& subject_code,
                                                         TrialMeasure measure) {
    return impl_->core->query([&](SQLite::Database& db) {
        const RecordId subject = queries::subject_id_of(db, subject_code);
        if (subject == kNoRecord) return std::vector<PointThreshold>{};
        return queries::thresholds_of(db, subject, measure);
    });
}
std::optional<PointThreshold> SqliteStorage::previous_threshold_of(const std::string& subject_code,
                                                                   RecordId site_id, BodySide side,
                                                                   TrialMeasure measure,
                                                                   RecordId before_session_id) {
    return impl_->core->query([&](SQLite::Database& db) -> std::optional<PointThreshold> {
        const RecordId subject = queries::subject_id_of(db, subject_code);
        if (subject == kNoRecord) return std::nullopt;
        return queries::threshold(db, subject, site_id, side, measure, before_session_id);
    });
}
std::vector<ExpertTemplate> SqliteStorage::templates() {
    return impl_->core->query([&](SQLite::Database& db) { return queries::templates(db); });
}
std::optional<RawTrace> SqliteStorage::template_trace(RecordId template_id) {
    return impl_->core->query(
        [&](SQLite::Database& db) { return queries::trace(db, "template_traces", template_id); });
}
std::optional<TrainingPlanProgress> SqliteStorage::latest_plan(const std::string& student_name) {
    return impl_->core->query([&](SQLite::Database& db) -> std::optional<TrainingPlanProgress> {
        const auto student = queries::find_operator(db, student_name);
        if (!student) return std::nullopt;
        return queries::latest_plan(db, student->id);
    });
}
std::vector<TrainingScore> SqliteStorage::scores_of_student(const std::string& student_name) {
    return impl_->core->query([&](SQLite::Database& db) {
        const auto student = queries::find_operator(db, student_name);
        if (!student) return std::vector<TrainingScore>{};
        return queries::training_scores(db, student->id);
    });
}
std::optional<SubjectRecords> SqliteStorage::history_of(const std::string& subject_code) {
    return impl_->core->query(
        [&](SQLite::Database& db) { return queries::history_of(db, subject_code); });
}
StudyData SqliteStorage::load_study() {
    return impl_->core->query([&](SQLite::Database& db) {
        StudyData d;
        d.subjects = queries::subjects(db);
        d.operators = queries::operators(db);
        d.sessions = queries::sessions(db, kNoRecord);
        d.sites = queries::sites(db);
        d.trials = queries::trials(db, kNoRecord);
        d.holds = queries::holds(db, kNoRecord);
        d.training_scores = queries::training_scores(db, kNoRecord);
        d.templates = queries::templates(db);
        d.training_plans = queries::training_plans(db);
        d.audit_log = queries::audit_log(db, "", kNoRecord);
        d.site_mdc = queries::all_site_mdc(db);
        d.reaction_tests = queries::reaction_tests(db, kNoRecord);
        d.findings = queries::findings(db, kNoRecord);
        return d;
    });
}

} // namespace algocore::storage
