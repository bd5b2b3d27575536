#pragma once
// Plain records as they are stored and exported: subjects, operators, sessions, the site
// library, PPT/tolerance trials with their raw traces, sustained holds with their dose, training
// scores and the append-only audit log. No behaviour here; the Storage interface moves them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "algocore/Sample.h"

namespace algocore::records {

/// Row id of any stored record in one database; assigned by the storage when the record is
/// enqueued. 0 = none. Another database gives the same record another row id: its `uuid`
/// (UUID v7 text, algocore/Uuid.h; given by the storage when the record is enqueued unless
/// the record already has one) is the identity that holds everywhere. It is each record's last
/// field, defaulted, so initialisers that list the fields before it need not name it.
using RecordId = std::int64_t;
inline constexpr RecordId kNoRecord = 0;

/// Side of the body a measurement was taken on. Midline for unpaired sites.
enum class BodySide { Left, Right, Midline };
/// "L", "R" or "M" (the letters the CLI and the CSV use).
const char* to_letter(BodySide side);
/// Parses "L"/"R"/"M" (also "left"/"right"/"midline", any case); false if unknown.
bool parse_side(const std::string& text, BodySide& out);

/// A pseudonymous research subject or patient. Only what reference norms need.
struct Subject {
    RecordId id = kNoRecord;
    std::string code;                    ///< pseudonymous code, unique ("S014")
    std::optional<std::string> sex;      ///< "female", "male", "other" when recorded
    std::optional<std::string> age_band; ///< e.g. "30-39"
    std::optional<BodySide> dominant_side;
    std::string notes;
    std::string uuid = {}; ///< global identity, see RecordId
};

/// Who takes measurements: therapist, researcher, teacher or student.
struct Operator {
    RecordId id = kNoRecord;
    std::string name;      ///< unique
    std::string role;      ///< "therapist", "researcher", "teacher", "student"
    std::string uuid = {}; ///< global identity, see RecordId
};

/// One sitting with one subject. Wall-clock time is recorded once, here.
struct Session {
    RecordId id = kNoRecord;
    RecordId subject_id = kNoRecord;
    RecordId operator_id = kNoRecord;
    std::string started_utc; ///< ISO 8601, "2026-11-23T19:30:00Z"
    std::string device_serial;
    CalibrationId calibration_id = kFactoryCalibration;
    double probe_cm2 = 1.0; ///< probe contact area
    std::string notes;
    std::string uuid = {}; ///< global identity, see RecordId
};

/// Normalised position on a body-map view: fractions (0..1) of the 200 x 440 outline box.
struct BodyMapPoint {
    double x = 0.0;
    double y = 0.0;
};

/// An anatomical measurement site from the library (built-in or custom).
/// Positions are given for the subject's LEFT side; the right side is mirrored (x → 1 - x).
struct Site {
    RecordId id = kNoRecord;
    std::string key;                   ///< stable identifier, "upper_trapezius"
    std::string name;                  ///< display name, "Upper trapezius"
    std::string region;                ///< muscle or region
    std::string landmark;              ///< how to find the point
    bool paired = true;                ///< has left and right
    std::optional<BodyMapPoint> front; ///< on the front view (subject's left)
    std::optional<BodyMapPoint> back;  ///< on the back view (subject's left)
    bool dfns = false;                 ///< a DFNS QST site
    double mdc_kpa = 0.0; ///< minimal detectable change (literature default; 0 = unknown)
    bool builtin = false; ///< from the built-in library (custom sites are false)
    /// Custom sites: global identity (UUID v7 text). Built-in sites are the same library
    /// everywhere and are known by their key: empty.
    std::string uuid = {};
};

/// The point on a view for a side: the stored left point, mirrored for the right.
BodyMapPoint side_position(const BodyMapPoint& left_point, BodySide side);

/// One sample of a raw trace: what the device reported and what it meant.
struct TraceSample {
    double t_s = 0.0;
    std::int32_t raw_counts = 0;
    double force_n = 0.0;
    double pressure_kpa = 0.0;
    std::uint8_t buttons = 0; ///< ButtonBit set
    std::uint8_t flags = 0;   ///< SampleFlag set
};

/// Samples of one trial or hold (ramp start to release), stored as a compact blob.
struct RawTrace {
    std::vector<TraceSample> samples;
};
/// Converts engine samples into a trace.
RawTrace to_trace(const std::vector<Sample>& samples);

/// What a threshold trial measured.
enum class TrialMeasure { Ppt, Tolerance };
const char* to_string(TrialMeasure measure); ///< "ppt", "tolerance"
bool parse_measure(const std::string& text, TrialMeasure& out);

/// The patient pressed while a trial waited for the loaded probe to lift (mirrors
/// protocols::PressWhileLoaded): when (session clock) and at what pressure.
struct PressWhileLoadedRecord {
    double t_s = 0.0;
    double pressure_kpa = 0.0;
    bool operator==(const PressWhileLoadedRecord&) const = default;
};
/// A trial's presses while loaded as stored (trials.presses_while_loaded):
/// `[{"t_s":3.5,"pressure_kpa":73.0}]`.
std::string presses_while_loaded_json(const std::vector<PressWhileLoadedRecord>& presses);
/// The stored text read back; malformed text reads as none (the column is only ever written
/// by presses_while_loaded_json).
std::vector<PressWhileLoadedRecord> presses_while_loaded_from_json(const std::string& text);

/// One pain-pressure-threshold (or pain-tolerance) trial.
struct Trial {
    RecordId id = kNoRecord;
    RecordId session_id = kNoRecord;
    RecordId site_id = kNoRecord;
    BodySide side = BodySide::Left;
    TrialMeasure measure = TrialMeasure::Ppt;
    int index = 1;           ///< 1-based order at this site/side in the session
    double ppt_kpa = 0.0;    ///< threshold (or tolerance) pressure
    double rate_kpa_s = 0.0; ///< measured ramp rate
    double target_rate_kpa_s = 0.0;
    double probe_cm2 = 1.0;
    bool valid = false;
    /// Counts towards the point's threshold: the protocol counted it and nobody excluded it
    /// (as read back from storage; a trial being recorded carries the protocol's decision).
    bool counted = false;
    std::uint32_t flags = 0; ///< protocols::PptTrialFlag set
    std::string outcome;     ///< "signalled", "released", "aborted", "cut_off"
    std::string preset;      ///< protocol preset name
    CalibrationId calibration_id = kFactoryCalibration;
    double in_corridor_pct = 0.0;
    double ramp_start_t_s = 0.0; ///< session clock
    double signal_t_s = 0.0;
    double peak_kpa = 0.0;
    /// Seconds from the previous trial's end at this point to this ramp's start (none for
    /// the first trial of a series). A rest shorter than the preset's is flagged short_rest.
    std::optional<double> rest_s;
    /// Slope over the last second before the signal (none without a signal, or stored before
    /// schema 10); the trial is flagged rate_at_button when it is off the target by > 25 %.
    std::optional<double> rate_at_button_kpa_s;
    /// Why someone excluded the trial afterwards ("patient moved"); empty when it is not
    /// excluded. An excluded trial is kept and shown, never counted (see session::Corrections).
    std::string excluded_reason;
    /// The patient's presses while the trial waited for the loaded probe to lift (session
    /// clock; the ramp they ended was not seen from baseline, so no threshold): kept as events.
    /// Empty when there were none; nullopt for trials stored before schema 12.
    std::optional<std::vector<PressWhileLoadedRecord>> presses_while_loaded = {};
    /// The wall-clock moment its session clock read 0 (utc_iso8601_ms form,
    /// "2026-11-23T19:30:00.250Z"), so ramp_start_t_s and the other session-clock times of the
    /// trial have a wall-clock time: the anchor + the session-clock seconds. Read when the
    /// device's acquisition started; each connection starts a new session clock, so each trial
    /// carries the anchor of its own. Empty when there is none: samples not measured live
    /// (a replayed capture, a scripted feed), or a trial stored before schema 13.
    std::string clock_zero_utc = {};
    std::string uuid = {}; ///< global identity, see RecordId
};

/// How a session is opened: the subject is found by code (added with these details when
/// new) and the operator by name (added with its role when new), both on the storage
/// thread, in the same transaction as the session. The caller never needs their ids.
struct SessionOpening {
    Session session; ///< subject_id and operator_id are filled in by the storage
    Subject subject; ///< code required
    std::optional<Operator> by;
};

/// A pressure step-up logged after a release prompt (times from the hold's start).
struct StepUpRecord {
    double t_prompt_s = 0.0;
    double t_s = 0.0;
    double before_kpa = 0.0;
    double after_kpa = 0.0;
};

/// A stretch of a hold without signal: when it began (seconds from the hold's first sample)
/// and how long (mirrors protocols::SignalLoss).
struct SignalLossRecord {
    double at_s = 0.0;
    double lost_s = 0.0;
};

/// Dose of one hold (mirrors protocols::DoseMetrics, stored flat).
struct HoldMetrics {
    double duration_s = 0.0;
    double time_in_band_s = 0.0;
    double time_in_band_pct = 0.0;
    double mean_kpa = 0.0;
    double median_kpa = 0.0;
    double pti_kpa_s = 0.0;
    double peak_kpa = 0.0;
    double cv_pct = 0.0;
    int excursions = 0;
    int overshoots = 0;
    double contact_s = 0.0; ///< time with the probe on the skin (mean/median/CV are over it)
    /// Each stretch without signal, in no figure above but the duration. nullopt for a hold
    /// recorded before losses were measured (schema 9): its figures bridge any such stretch
    /// as if the pressure before it had stayed on.
    std::optional<std::vector<SignalLossRecord>> signal_losses{};
    /// Seconds without signal (0 when none, or when not measured: see signal_losses).
    double signal_lost_s() const;
};

/// A hold's stretches without signal as stored (holds.signal_losses, here and on the shared
/// study's server): `[{"at_s":20.0,"lost_s":10.0}]`.
std::string signal_losses_json(const std::vector<SignalLossRecord>& losses);
/// The stored text read back; malformed text reads as none (the column is only ever written
/// by signal_losses_json).
std::vector<SignalLossRecord> signal_losses_from_json(const std::string& text);

/// A hold's labelled releases: the therapist's "release felt" marks and the release
/// detector's prompts, both in seconds from the hold's start (the clock of its step-ups), so
/// the detector can be scored against the marks (release-eval).
struct ReleaseMarks {
    std::vector<double> marks_s;
    std::vector<double> detections_s;
};

/// A hold's release marks as stored (holds.release_marks, here and on the shared study's
/// server): `{"marks_s":[12.5],"detections_s":[13.1]}`.
std::string release_marks_json(const ReleaseMarks& marks);
/// The stored text read back; malformed text reads as no marks and no prompts (the column is
/// only ever written by release_marks_json).
ReleaseMarks release_marks_from_json(const std::string& text);

/// One sustained trigger-point hold at a point.
struct Hold {
    RecordId id = kNoRecord;
    RecordId session_id = kNoRecord;
    RecordId site_id = kNoRecord;
    BodySide side = BodySide::Left;
    std::string prescription; ///< the prescription as JSON text
    double band_low_kpa = 0.0;
    double band_high_kpa = 0.0;
    std::optional<double> limit_kpa;
    double target_hold_s = 0.0;
    std::string outcome; ///< "complete", "stopped", "over_limit"
    double probe_cm2 = 1.0;
    CalibrationId calibration_id = kFactoryCalibration;
    double start_t_s = 0.0; ///< session clock, first entry into the band
    HoldMetrics metrics;
    std::vector<StepUpRecord> step_ups; ///< times relative to start_t_s
    std::optional<int> pain_rating_0_10;
    int repetition = 1;    ///< 1-based hold of the prescription's set
    std::string uuid = {}; ///< global identity, see RecordId
    /// "Release felt" marks and the detector's prompts; nullopt for a hold recorded before
    /// they were stored (schema 11).
    std::optional<ReleaseMarks> release_marks{};
};

/// A point's threshold (PPT or tolerance) from one session: the mean of its counted trials.
struct PointThreshold {
    RecordId subject_id = kNoRecord;
    RecordId site_id = kNoRecord;
    BodySide side = BodySide::Left;
    TrialMeasure measure = TrialMeasure::Ppt;
    RecordId session_id = kNoRecord;
    std::string session_started_utc;
    int n = 0;
    double mean_kpa = 0.0;
};

/// Statistics of the counted trials at one site and side in one session.
struct SiteSummary {
    RecordId session_id = kNoRecord;
    std::string subject_code;
    std::string session_started_utc;
    std::string site_key;
    std::string site_name;
    BodySide side = BodySide::Left;
    TrialMeasure measure = TrialMeasure::Ppt;
    int n = 0;     ///< counted trials
    int n_all = 0; ///< all trials, including invalid and uncounted
    double mean_kpa = 0.0;
    double sd_kpa = 0.0;
    double cv_pct = 0.0;
    double min_kpa = 0.0;
    double max_kpa = 0.0;
};

/// An expert's recorded hold or ramp that students are scored against. Its samples are
/// stored like a trial's trace (template_traces).
struct ExpertTemplate {
    RecordId id = kNoRecord;
    RecordId session_id = kNoRecord; ///< who recorded it, with which device
    std::string name;
    std::string kind; ///< "hold" or "ramp"
    std::optional<double> band_low_kpa;
    std::optional<double> band_high_kpa;
    std::string recorded_utc;
    double duration_s = 0.0;
    std::string uuid = {}; ///< global identity, see RecordId
};

/// A student's feedback schedule on one template, as set by the teacher. The student is the
/// operator of session_id. A change of schedule is a new plan; attempts count per plan.
struct TrainingPlan {
    RecordId id = kNoRecord;
    RecordId session_id = kNoRecord;
    RecordId template_id = kNoRecord;
    std::string schedule; ///< JSON: {"stages":[{"level":"full","attempts":3},...]}
    std::string started_utc;
    std::string uuid = {}; ///< global identity, see RecordId
};

/// A plan with the number of attempts already scored under it.
struct TrainingPlanProgress {
    TrainingPlan plan;
    int attempts_done = 0;
};

/// A student's scored training attempt.
struct TrainingScore {
    RecordId id = kNoRecord;
    RecordId session_id = kNoRecord;
    RecordId student_id = kNoRecord; ///< the session's operator (filled in by the storage)
    std::string exercise;            ///< template name
    std::string feedback;            ///< "full", "band_only", "summary_after", "none"
    bool blind = false;
    std::string attempted_utc;
    double constant_error_kpa = 0.0;
    double absolute_error_kpa = 0.0;
    double variable_error_kpa = 0.0;
    double time_in_band_pct = 0.0;
    std::optional<RecordId> template_id;
    std::optional<RecordId> plan_id;
    std::optional<int> attempt; ///< 1-based attempt number within the plan
    int samples_compared = 0;
    double time_in_band_s = 0.0;
    std::string uuid = {}; ///< global identity, see RecordId
};

/// One correction: the old value stays here, the record shows the new one.
struct AuditEntry {
    RecordId id = kNoRecord;
    std::string who;
    std::string when_utc;
    std::string table; ///< "trials", "holds", "sessions", "subjects"
    RecordId row_id = kNoRecord;
    std::string field;
    std::string old_value;
    std::string new_value;
    std::string reason;
    std::string uuid = {}; ///< global identity, see RecordId
};

/// A site's own MDC95 from the lab's reliability data, with where it came from. Stored rows
/// never change: saving again adds a row, and the latest row of a site and side is in force.
struct SiteMdcRecord {
    RecordId id = kNoRecord;
    std::string site_key;
    std::optional<BodySide> side; ///< empty: both sides (and midline points)
    double mdc_kpa = 0.0;         ///< MDC95 = 1.96 × √2 × SEM
    double sem_kpa = 0.0;
    std::string icc_form; ///< the ICC reported with it, e.g. "ICC(2,1)"
    int n_subjects = 0;
    std::string source;       ///< provenance: data, raters, formula (one line for reports)
    std::string computed_utc; ///< ISO 8601
    std::string uuid = {};    ///< global identity, see RecordId
};

/// A correction request: set table.field of row_id to new_value, by who, because reason.
struct Correction {
    std::string table;
    RecordId row_id = kNoRecord;
    std::string field;
    std::string new_value;
    std::string who;
    std::string reason;
};

} // namespace algocore::records
