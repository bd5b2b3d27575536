#pragma once
// Dosage training: a teacher records an expert's hold or ramp as a template (stored with its
// samples); each student attempt is scored against it by algocore's score_attempt, under the
// student's feedback schedule (stored as a plan, so it survives a restart and attempts keep
// counting). During a blind or retention attempt no score is shown until it ends (and for
// retention not even then). The Training page and `algoscope-cli train` are views of this.
//
// Attempt and template are aligned at first contact (protocols::contact_span, the one
// contact-pressure rule): a recorded template is kept from the expert's first contact to the
// last (the idle head and tail are not the exercise), and an attempt starts at the student's
// first contact after Start and lasts the template's length from there. Scores therefore
// measure the dose, not how long the student took to put the probe on.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "algocore/Inbox.h"
#include "algocore/protocols/AttemptScore.h"
#include "algocore/protocols/FeedbackSchedule.h"
#include "algocore/protocols/MotionTemplate.h"
#include "algocore/session/Recorder.h"

namespace algocore::session {

/// Training sessions belong to this subject code; the teacher or student is the operator.
inline constexpr const char* kPracticeSubject = "practice";

class TrainingSession {
public:
    enum class Phase { Idle, Recording, Attempt };

    /// storage may be null (nothing is stored); inbox delivers the reads.
    TrainingSession(storage::Storage* storage, Inbox& inbox,
                    std::function<std::string()> utc_now = {});

    Recorder& recorder() { return recorder_; }
    void set_storage(storage::Storage* storage);
    /// Device of the visits to come (serial, calibration, probe area).
    void set_device(const std::string& serial, CalibrationId calibration, double probe_cm2);

    // ---- the teacher's template -----------------------------------------------------------
    /// The teacher who records templates (the operator of the recording session).
    std::string set_teacher(const std::string& name);
    /// Recording starts with the next sample. Refused while an attempt runs.
    std::string start_recording(protocols::TemplateKind kind, const std::string& name,
                                std::optional<protocols::PressureBand> band);
    /// Ends the recording: the template is kept (and stored) unless it is unusable (the
    /// reason, e.g. shorter than 1 s).
    std::string finish_recording();
    /// Reads the stored templates (delivered through the inbox).
    void load_templates();
    const std::vector<records::ExpertTemplate>& templates() const { return templates_; }
    /// Uses a stored template (its samples are read through the inbox).
    void choose_template(records::RecordId template_id);
    /// Uses a template recorded elsewhere (tests, demos); not stored.
    void use_template(const protocols::MotionTemplate& expert,
                      std::optional<protocols::PressureBand> band);
    /// The template a stored trace makes, kept from first contact (a template stored before
    /// templates were trimmed is trimmed here); nullopt when it never touches the skin.
    static std::optional<protocols::MotionTemplate>
    template_from_trace(protocols::TemplateKind kind, const std::string& name,
                        const records::RawTrace& trace);
    const std::optional<protocols::MotionTemplate>& expert() const { return expert_; }
    std::optional<records::RecordId> template_id() const { return template_id_; }
    const std::optional<protocols::PressureBand>& band() const { return band_; }

    // ---- the student's attempts -----------------------------------------------------------
    /// The student: their stored plan (schedule and attempts so far) and scores are read.
    std::string set_student(const std::string& name);
    const std::string& student() const { return student_; }
    /// The student's schedule from the next attempt on (stored as a new plan).
    std::string set_schedule(const protocols::FeedbackSchedule& schedule);
    const protocols::FeedbackSchedule& schedule() const { return schedule_; }
    /// Arms an attempt: it begins at the first sample in contact with the skin.
    std::string start_attempt();
    /// Ends the attempt and scores it (an attempt that never touched is not scored).
    void finish_attempt();
    void feed(const Sample& sample);

    Phase phase() const { return phase_; }
    /// 1-based number of the next (or running) attempt under the student's plan.
    int attempt_number() const { return attempts_done_ + 1; }
    protocols::FeedbackLevel level() const;
    protocols::FeedbackPlan plan() const { return protocols::plan_for(level()); }
    /// The score the student may see now: none during a blind attempt, none ever for a
    /// retention attempt; the last score otherwise (knowledge of results).
    std::optional<protocols::AttemptScore> visible_score() const;
    const std::optional<protocols::AttemptScore>& last_score() const { return last_score_; }
    /// The level the last scored attempt ran at.
    protocols::FeedbackLevel last_level() const { return last_level_; }
    const std::vector<Sample>& recording() const { return recording_; }
    /// The running or last attempt from its first contact (time 0 of the score and the plot).
    const std::vector<Sample>& attempt_samples() const { return attempt_; }
    /// An attempt is armed but the probe has not touched the skin yet.
    bool waiting_for_contact() const { return phase_ == Phase::Attempt && attempt_.empty(); }
    /// The student's scores, stored and this session's, in time order.
    const std::vector<records::TrainingScore>& progress() const { return progress_; }
    /// The scores the student may see (charted): a retention attempt's score is stored but
    /// never shown, so it is left out here as on the score panel.
    std::vector<records::TrainingScore> shown_progress() const;
    /// Why the last action could not be done or stored, else empty.
    const std::string& message() const { return message_; }
    void set_on_change(std::function<void()> on_change) { on_change_ = std::move(on_change); }

private:
    std::string begin(const std::string& name, const char* role);
    /// The template from the recorded trace's span in contact (nullopt: never touched).
    static std::optional<protocols::MotionTemplate>
    template_of(protocols::TemplateKind kind, const std::string& name,
                const std::vector<Sample>& trace, std::vector<Sample>* in_contact = nullptr);
    void read_student();
    void changed();

    Recorder recorder_;
    Inbox& inbox_;
    std::string device_serial_;
    CalibrationId calibration_id_ = kFactoryCalibration;
    double probe_cm2_ = 1.0;
    std::string teacher_;
    std::string student_;
    Phase phase_ = Phase::Idle;
    protocols::TemplateKind recording_kind_ = protocols::TemplateKind::Hold;
    std::string recording_name_;
    std::vector<Sample> recording_;
    std::vector<Sample> attempt_;
    std::optional<protocols::MotionTemplate> expert_;
    std::optional<records::RecordId> template_id_;
    std::optional<protocols::PressureBand> band_;
    std::vector<records::ExpertTemplate> templates_;
    protocols::FeedbackSchedule schedule_ = protocols::FeedbackSchedule::faded(3);
    std::optional<records::RecordId> plan_id_;
    int attempts_done_ = 0;
    std::optional<protocols::AttemptScore> last_score_;
    protocols::FeedbackLevel last_level_ = protocols::FeedbackLevel::Full;
    std::vector<records::TrainingScore> progress_;
    std::string message_;
    std::function<void()> on_change_;
    int generation_ = 0;      ///< bumped when the database changes
    int student_request_ = 0; ///< the newest read of the student's plan and scores
};

} // namespace algocore::session
