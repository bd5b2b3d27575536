#pragma once
// The composition root of a front end: owns the storage, the acquisition, the calibration
// store, the inbox of storage answers and every session. The GUI's main() and each CLI
// subcommand make one; pages and subcommands are views of its sessions.
//
// One frame (poll(), from the GUI's display tick or the CLI's loop) drains the acquisition's
// rings once, feeds every session the same samples, delivers storage answers, and follows the
// device: whenever a device is identified its own active calibration is applied (never
// another device's), and a different device on the same port is said out loud.
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "algocore/Inbox.h"
#include "algocore/WallClock.h"
#include "algocore/acquisition/Acquisition.h"
#include "algocore/calibration/CalibrationStore.h"
#include "algocore/live/LiveSession.h"
#include "algocore/session/Corrections.h"
#include "algocore/session/PptSession.h"
#include "algocore/session/ReactionTimeSession.h"
#include "algocore/session/TrainingSession.h"
#include "algocore/session/TreatmentSession.h"
#include "algocore/storage/Storage.h"

namespace algocore::session {

struct WorkbenchOptions {
    /// Root of the per-device calibration store (<root>/<serial>/<id>.json).
    std::string calibration_root;
    /// Wall-clock time recorded once per session (tests fix it).
    std::function<std::string()> utc_now;
};

/// Something the user must be told (banner, stderr), in order of occurrence.
struct Notice {
    /// Recovered: a problem said before is over (it replaces the warning or error).
    enum class Level { Info, Warning, Error, Recovered };
    Level level = Level::Info;
    std::string text;
};

/// The one wording of "records could not be written": the count, the database, the rescue
/// file that keeps them and the command that imports it (or that no rescue file could be
/// written, and why). Used by the GUI at exit and by every CLI command.
std::string unwritten_records_message(std::size_t unwritten, const std::string& database,
                                      const std::string& rescue_path,
                                      const std::string& rescue_error);

class Workbench {
public:
    explicit Workbench(WorkbenchOptions options = {});
    ~Workbench(); ///< stores what the sessions still hold, then closes the storage
    Workbench(const Workbench&) = delete;
    Workbench& operator=(const Workbench&) = delete;

    // ---- storage -------------------------------------------------------------------------
    /// Opens (creating) the database. With require_writable it is first checked to be
    /// writable, so nothing is measured that could not be stored. Empty, or the reason; a
    /// database that cannot be used leaves the open one open. Another database replacing an
    /// open one ends the visit (stored in the old one); the open one asked for again is kept.
    std::string open_database(const std::string& path, bool require_writable = true);
    /// Commits what it can, then closes; the number of records that could not be written.
    std::size_t close_database();
    /// After a close_database() that left records unwritten: the rescue file holding them
    /// (a notice says so too); empty when everything was written.
    const std::string& rescue_path() const { return rescue_path_; }
    /// After a close_database() that left records unwritten: what the user is told (how many,
    /// where they are kept and the command that adds them later); empty otherwise.
    const std::string& unwritten_message() const { return unwritten_message_; }
    storage::Storage* storage() { return storage_.get(); }
    /// The site library (built-in and custom), read when the database opens; the built-in
    /// library without ids when there is no database.
    const std::vector<records::Site>& sites() const { return sites_; }
    /// Adds a custom site (stored at once when a database is open); the site with its id.
    records::Site add_site(records::Site site);
    const std::string& database_path() const { return database_path_; }

    // ---- device --------------------------------------------------------------------------
    /// Starts acquisition (the probe area of the visit is applied); false with the reason.
    /// It starts a new session clock; the wall clock is read once, as the clock starts, and
    /// is the anchor of every trial measured on it (none for a replayed capture: its samples
    /// were not measured now).
    bool connect(AcquisitionConfig config, std::string* error);
    void disconnect();
    bool connected() const { return acquisition_ != nullptr; }
    Acquisition* acquisition() { return acquisition_.get(); }
    /// The latest acquisition snapshot (refreshed by poll a few times per second).
    const AcquisitionStatus& status() const { return status_; }
    void refresh_status();
    /// Now on the session clock (Sample::t_s); nullopt without a device.
    std::optional<double> session_now_s() const;
    /// The calibration applied to the connected device; null = its factory calibration.
    const std::shared_ptr<const algocal::CalibrationRecord>& calibration() const {
        return calibration_;
    }
    /// Reads the connected device's active calibration again (after one was saved).
    void reload_calibration();
    CalibrationStore& calibration_store() { return calibration_store_; }
    /// Probe contact area for pressure, cm² (applied to the device and to new visits).
    void set_probe_area_cm2(double area_cm2);
    double probe_area_cm2() const { return probe_cm2_; }

    // ---- frames --------------------------------------------------------------------------
    /// One frame; returns its samples in time order (valid until the next poll).
    const std::vector<Sample>& poll();
    /// One frame of samples from elsewhere (scripted tests, replays): the same path as
    /// poll() after it drained the device. Without a device, such a source counts as a
    /// connected one for the live view, and its clock has no wall-clock anchor.
    const std::vector<Sample>& feed_frame(std::span<const Sample> samples);
    /// The device such a source plays (scripted tests): its identity, as a connected
    /// device's acquisition reports it, is followed as a connected device's is (its own
    /// active calibration applied, never another's; another serial said and recorded on the
    /// visit's session). calibration() is then what the source must apply to its readings,
    /// as an acquisition applies it. Ignored while a device is connected.
    void play_device(const DeviceIdentity& identity);
    /// Time of the newest sample seen (session clock); 0 before any.
    double latest_sample_t_s() const { return latest_t_s_; }
    /// The newest sample seen, if any.
    const std::optional<Sample>& latest_sample() const { return latest_; }
    /// Link events drained by the last polls.
    std::vector<LinkEvent> take_link_events();
    std::vector<Notice> take_notices();
    Inbox& inbox() { return inbox_; }
    /// Now on the wall clock the records are stamped with (the options' utc_now when given,
    /// else the system's): the printed time of a report comes from here too.
    EpochSeconds wall_now() const;
    /// wall_now() to the millisecond (the options' utc_now keeps a fraction it gives).
    EpochMilliseconds wall_now_ms() const;

    // ---- sessions ------------------------------------------------------------------------
    /// Begins the subject's visit shared by thresholds and treatment: the device's serial,
    /// calibration and the probe area are taken from the workbench. Empty, or the reason.
    std::string begin_visit(Visit visit);
    /// Ends the visit (what its sessions still hold is stored first); no patient is in view.
    void end_visit();
    Recorder& visit() { return visit_; }
    PptSession& thresholds() { return thresholds_; }
    TreatmentSession& treatment() { return treatment_; }
    TrainingSession& training() { return training_; }
    /// Exclusions, subject details and session notes, audited (the open database's).
    Corrections& corrections() { return corrections_; }
    /// The live view's rules (signal state, band, hold timer, gaps): fed every frame with the
    /// samples, the link's changes and the session clock.
    live::LiveSession& live() { return live_; }
    const live::LiveSession& live() const { return live_; }
    /// The subject's reaction-time test (cues from the device when it gives them).
    ReactionTimeSession& reaction() { return reaction_; }
    /// The connected device gives reaction-time cues itself (native protocol 1.1 CUE).
    bool device_gives_cues() const;
    /// Starts a reaction-time test now: the device's cue when it gives one, else the host's.
    std::string start_reaction_test(const protocols::ReactionTimeConfig& config);
    /// The last finished reaction-time test as it was handed to storage (id 0: not stored,
    /// visit().last_problem() says why); reset when a test starts.
    const storage::Enqueued& reaction_record() const { return reaction_record_; }

private:
    void follow_device();
    void apply_calibration(const std::string& serial);
    void notify(Notice::Level level, std::string text);
    void storage_changed();
    void run_frame();
    void follow_link();
    void report_storage();

    WorkbenchOptions options_;
    Inbox inbox_;
    std::string database_path_;
    std::unique_ptr<storage::Storage> storage_;
    std::string rescue_path_;
    std::string unwritten_message_;
    std::vector<records::Site> sites_;
    CalibrationStore calibration_store_;
    std::unique_ptr<Acquisition> acquisition_;
    AcquisitionStatus status_;
    std::shared_ptr<const algocal::CalibrationRecord> calibration_;
    std::string device_serial_;   ///< of the identified device ("" before)
    std::string previous_serial_; ///< of the last device identified on this connection
    double probe_cm2_ = 1.0;
    int polls_since_status_ = 0;
    std::vector<Sample> frame_;
    double latest_t_s_ = 0.0;
    std::optional<Sample> latest_;
    std::vector<LinkEvent> link_events_;
    std::vector<Notice> notices_;
    Recorder visit_;
    PptSession thresholds_;
    TreatmentSession treatment_;
    TrainingSession training_;
    Corrections corrections_;
    live::LiveSession live_;
    std::vector<live::LinkState> link_changes_; ///< drained this frame, applied after its samples
    ReactionTimeSession reaction_;
    storage::Enqueued reaction_record_;
};

} // namespace algocore::session
