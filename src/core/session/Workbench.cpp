#include "algocore/session/Workbench.h"

#include <algorithm>
#include <filesystem>
#include <utility>

#include "algocal/CalendarDate.h"
#include "algocore/storage/OpenStorage.h"
#include "algocore/storage/RescuePlace.h"
#include "algocore/storage/SiteLibrary.h"

namespace algocore::session {

namespace {
// The status snapshot takes a lock on the I/O thread: a few times per second is plenty.
constexpr int kPollsPerStatusRefresh = 15;
constexpr std::size_t kFrameReserve = 4096;
} // namespace

std::string unwritten_records_message(std::size_t unwritten, const std::string& database,
                                      const std::string& rescue_path,
                                      const std::string& rescue_error) {
    const std::string what =
        std::to_string(unwritten) + " record(s) could not be written to " + database;
    if (rescue_path.empty())
        return what + " and no rescue file could be written either" +
               (rescue_error.empty() ? std::string() : " (" + rescue_error + ")");
    const std::string volatile_place =
        storage::in_temporary_folder(rescue_path)
            ? " (a temporary folder, often emptied when the computer restarts: import them soon)"
            : "";
    return what + "; they are kept in " + rescue_path + volatile_place +
           " - add them later with: algoscope-cli import --db " + database + " " + rescue_path;
}

EpochSeconds Workbench::wall_now() const {
    if (!options_.utc_now) return system_now();
    const auto parsed = parse_utc_iso8601(options_.utc_now());
    return parsed ? *parsed : system_now();
}

EpochMilliseconds Workbench::wall_now_ms() const {
    if (!options_.utc_now) return system_now_ms();
    const auto parsed = parse_utc_iso8601_ms(options_.utc_now());
    return parsed ? *parsed : system_now_ms();
}

Workbench::Workbench(WorkbenchOptions options)
    : options_(std::move(options)), calibration_store_(options_.calibration_root),
      visit_(nullptr, options_.utc_now), thresholds_(visit_, inbox_), treatment_(visit_, inbox_),
      training_(nullptr, inbox_, options_.utc_now),
      reaction_([this](std::uint16_t cue_id, double duration_s) {
          if (!acquisition_ || !device_gives_cues()) return false;
          acquisition_->request_cue(cue_id, static_cast<std::uint16_t>(duration_s * 1000.0));
          return true;
      }) {
    frame_.reserve(kFrameReserve);
    sites_ = storage::builtin_sites();
    // A PPT stored at a point may be what a relative treatment band needs.
    thresholds_.set_on_change([] {});
    // An exclusion changes the point's threshold in this visit's PPT session at once.
    // A finished reaction-time test is stored with the visit's session, cues and all (a test
    // stopped before its first cue has nothing to keep).
    reaction_.set_on_finished([this](const ReactionTimeResult& result) {
        if (!result.cues.empty()) reaction_record_ = visit_.record_reaction_test(result);
        // The thresholds of this visit are estimated with the subject's new reaction time.
        if (result.summary.complete && result.summary.median_ms)
            thresholds_.set_reaction_time_ms(result.summary.median_ms);
    });
    corrections_.set_on_trial_excluded([this](records::RecordId trial, const std::string& reason) {
        thresholds_.apply_exclusion(trial, reason);
    });
}

Workbench::~Workbench() {
    disconnect();
    close_database();
}

std::string Workbench::open_database(const std::string& path, bool require_writable) {
    // The open database asked for again stays as it is (a second opening of the file would
    // find it locked by this very process).
    std::error_code same_error;
    if (storage_ && std::filesystem::equivalent(path, database_path_, same_error)) return {};
    // The new store is opened before the open one closes: a file that cannot be used (foreign,
    // damaged, newer, locked, read-only) leaves the open database, and the visit, as they were.
    auto opened = storage::open(path);
    if (!opened.storage) return opened.error;
    if (require_writable) {
        if (std::string problem = opened.storage->check_writable(); !problem.empty()) {
            opened.storage->close();
            return problem;
        }
    }
    const bool replacing = storage_ != nullptr;
    close_database();
    // A visit belongs to the database it began in: the patient in view was found (or added)
    // there, so with another database the next visit begins afresh.
    if (replacing) end_visit();
    storage_ = std::move(opened.storage);
    database_path_ = path;
    // A small read, once, at opening: every page and session then has the sites' ids.
    sites_ = storage_->sites();
    storage_changed();
    return {};
}

records::Site Workbench::add_site(records::Site site) {
    if (storage_) site.id = storage_->add_site(site).id;
    if (site.key.empty()) site.key = storage::site_key_from_name(site.name);
    sites_.push_back(site);
    return site;
}

std::size_t Workbench::close_database() {
    if (!storage_) return 0;
    // Whatever the sessions still hold (a trial recording its release, a hold awaiting its
    // pain rating) is stored before the database closes.
    thresholds_.close();
    treatment_.close();
    const std::size_t unwritten = storage_->close();
    inbox_.deliver(); // answers to reads asked before closing; nothing stays waiting
    rescue_path_.clear();
    unwritten_message_.clear();
    if (unwritten != 0) {
        rescue_path_ = storage_->rescue_path();
        unwritten_message_ = unwritten_records_message(unwritten, database_path_, rescue_path_,
                                                       storage_->rescue_error());
        notify(Notice::Level::Error, unwritten_message_);
    }
    storage_.reset();
    database_path_.clear();
    sites_ = storage::builtin_sites();
    storage_changed();
    return unwritten;
}

void Workbench::storage_changed() {
    visit_.set_storage(storage_.get());
    training_.set_storage(storage_.get());
    corrections_.set_storage(storage_.get());
    thresholds_.visit_changed();
    treatment_.visit_changed();
}

bool Workbench::connect(AcquisitionConfig config, std::string* error) {
    disconnect();
    config.probe_area_cm2 = probe_cm2_;
    // The session clock starts inside start(), microseconds after this reading. A replayed
    // capture plays samples measured at another time: its clock gets no anchor.
    const bool replay = !config.opener && !config.replay_path.empty();
    const EpochMilliseconds clock_zero_ms = wall_now_ms();
    acquisition_ = std::make_unique<Acquisition>(std::move(config));
    if (!acquisition_->start(error)) {
        acquisition_.reset();
        status_ = AcquisitionStatus{};
        live_.set_link(live::LinkState::Failed);
        return false;
    }
    device_serial_.clear();
    previous_serial_.clear();
    calibration_.reset();
    // A new session clock: the live trace and timers start over, and the trials measured on
    // it carry its anchor.
    live_.reset();
    visit_.set_clock_zero_utc(replay ? std::string() : utc_iso8601_ms(clock_zero_ms));
    refresh_status();
    live_.set_link(live::link_state_of(status_));
    return true;
}

void Workbench::disconnect() {
    if (!acquisition_) return;
    acquisition_->stop();
    // Samples and events still in the rings belong to the sessions and the banner.
    poll();
    acquisition_.reset();
    status_ = AcquisitionStatus{};
    device_serial_.clear();
    live_.set_link(live::LinkState::NotConnected);
}

void Workbench::refresh_status() {
    polls_since_status_ = 0;
    if (!acquisition_) return;
    status_ = acquisition_->status();
    follow_device();
}

std::optional<double> Workbench::session_now_s() const {
    if (!acquisition_) return std::nullopt;
    return seconds_between(acquisition_->session_start(), SteadyClock::now());
}

void Workbench::set_probe_area_cm2(double area_cm2) {
    if (!(area_cm2 > 0.0)) return;
    probe_cm2_ = area_cm2;
    if (acquisition_) acquisition_->set_probe_area_cm2(area_cm2);
}

void Workbench::follow_device() {
    const std::string serial = status_.identity ? status_.identity->serial_number : std::string();
    if (serial.empty() || serial == device_serial_) return;
    if (!device_serial_.empty() || !previous_serial_.empty()) {
        const std::string before = device_serial_.empty() ? previous_serial_ : device_serial_;
        if (before != serial)
            notify(Notice::Level::Warning, "A different device is connected now: S/N " + serial +
                                               " (was S/N " + before +
                                               "). Its own calibration is used.");
    }
    device_serial_ = serial;
    previous_serial_ = serial;
    apply_calibration(serial);
    const CalibrationId id = calibration_ ? calibration_->id : kFactoryCalibration;
    visit_.set_device(serial, id);
    training_.set_device(serial, id, probe_cm2_);
}

void Workbench::apply_calibration(const std::string& serial) {
    calibration_.reset();
    if (calibration_store_.root().empty()) {
        if (acquisition_) acquisition_->set_calibration(nullptr);
        return;
    }
    if (calibration_store_.active_id(serial)) {
        const CalibrationLoadResult loaded = calibration_store_.load_active(serial);
        if (loaded.ok) {
            calibration_ = std::make_shared<const algocal::CalibrationRecord>(loaded.record);
            if (loaded.expired) notify(Notice::Level::Warning, loaded.warning);
        } else {
            notify(Notice::Level::Warning, "The stored calibration of S/N " + serial +
                                               " was refused (" + loaded.message +
                                               "); the device's factory calibration is used.");
        }
    }
    // Null means factory: a device never keeps the calibration of the one before it.
    if (acquisition_) acquisition_->set_calibration(calibration_);
}

void Workbench::reload_calibration() {
    if (!device_serial_.empty()) apply_calibration(device_serial_);
}

const std::vector<Sample>& Workbench::poll() {
    frame_.clear();
    if (acquisition_) {
        bool link_changed = false;
        acquisition_->samples().drain([this](const Sample& sample) { frame_.push_back(sample); });
        const double now_s = session_now_s().value_or(latest_t_s_);
        acquisition_->events().drain([&](const LinkEvent& event) {
            // The device's cue and the press answering it belong to the reaction-time test.
            reaction_.on_link_event(event, now_s);
            link_events_.push_back(event);
            if (const auto link = live::link_state_after(event)) link_changes_.push_back(*link);
            link_changed = link_changed || event.kind == LinkEvent::Kind::Connected ||
                           event.kind == LinkEvent::Kind::Disconnected;
        });
        if (link_changed || ++polls_since_status_ >= kPollsPerStatusRefresh) refresh_status();
    }
    run_frame();
    return frame_;
}

const std::vector<Sample>& Workbench::feed_frame(std::span<const Sample> samples) {
    frame_.assign(samples.begin(), samples.end());
    if (!acquisition_ && live_.link_state() != live::LinkState::Connected)
        link_changes_.push_back(live::LinkState::Connected);
    // Samples from no device are on a clock nobody anchored to the wall clock.
    if (!acquisition_ && !visit_.clock_zero_utc().empty()) visit_.set_clock_zero_utc({});
    run_frame();
    return frame_;
}

void Workbench::play_device(const DeviceIdentity& identity) {
    if (acquisition_) return;
    status_.link = AcquisitionStatus::Link::Connected;
    status_.identity = identity;
    follow_device();
    status_.calibration_id = calibration_ ? calibration_->id : kFactoryCalibration;
}

void Workbench::run_frame() {
    if (!frame_.empty()) {
        latest_t_s_ = frame_.back().t_s;
        latest_ = frame_.back();
    }
    for (const Sample& sample : frame_) {
        live_.add_sample(sample);
        thresholds_.feed(sample);
        treatment_.feed(sample);
        training_.feed(sample);
        reaction_.feed(sample);
    }
    follow_link();
    reaction_.tick(session_now_s().value_or(latest_t_s_));
    if (frame_.empty()) {
        if (const auto now = session_now_s()) {
            latest_t_s_ = std::max(latest_t_s_, *now);
            thresholds_.tick(*now);
            treatment_.tick(*now);
        }
    }
    inbox_.deliver();
    report_storage();
}

// The link's changes reach the live view after the frame's samples (a device lost in this
// frame lost it after them), then the status snapshot's word on the link, then the clock: a
// device that falls silent turns the live view to NO SIGNAL without any sample arriving.
void Workbench::follow_link() {
    for (const live::LinkState link : link_changes_)
        live_.set_link(link);
    link_changes_.clear();
    if (acquisition_) live_.set_link(live::link_state_of(status_));
    if (const auto now = session_now_s()) live_.set_now_s(*now);
}

// The write path's health, for the banner: a problem is said with how much is kept in memory
// (and retried); its end is said too, so a red banner never outlives the problem.
void Workbench::report_storage() {
    if (!storage_) return;
    for (const auto& event : storage_->take_events()) {
        if (event.state == storage::StorageState::Ok)
            notify(Notice::Level::Recovered, "Database: every record is written");
        else
            notify(Notice::Level::Error, "Database: " + event.message + " (" +
                                             std::to_string(event.pending_writes) +
                                             " records kept in memory, retrying)");
    }
}

bool Workbench::device_gives_cues() const {
    return acquisition_ && status_.link == AcquisitionStatus::Link::Connected && status_.identity &&
           status_.identity->gives_cues;
}

std::string Workbench::start_reaction_test(const protocols::ReactionTimeConfig& config) {
    reaction_record_ = {};
    return reaction_.start(session_now_s().value_or(latest_t_s_), config, device_gives_cues());
}

std::vector<LinkEvent> Workbench::take_link_events() {
    return std::exchange(link_events_, {});
}

std::vector<Notice> Workbench::take_notices() {
    return std::exchange(notices_, {});
}

void Workbench::notify(Notice::Level level, std::string text) {
    notices_.push_back({level, std::move(text)});
}

void Workbench::end_visit() {
    // What the visit still holds is stored under it first.
    thresholds_.close();
    treatment_.close();
    visit_.end_visit();
    thresholds_.visit_changed();
    treatment_.visit_changed();
}

std::string Workbench::begin_visit(Visit visit) {
    visit.device_serial = device_serial_;
    visit.calibration_id = calibration_ ? calibration_->id : kFactoryCalibration;
    if (visit.probe_cm2 > 0.0) set_probe_area_cm2(visit.probe_cm2);
    visit.probe_cm2 = probe_cm2_;
    // What the previous visit still holds is stored under it before the new one begins.
    thresholds_.close();
    treatment_.close();
    if (std::string problem = visit_.begin_visit(std::move(visit)); !problem.empty())
        return problem;
    thresholds_.visit_changed();
    treatment_.visit_changed();
    return {};
}

} // namespace algocore::session
