#pragma once
// The Training page: dosage training for students. A teacher records an expert's hold or
// ramp as a template (stored, and offered again after a restart); each student attempt is
// drawn against it (ghost overlay) and scored (constant, absolute, variable error, time in
// band). The faded-feedback schedule decides, attempt by attempt, what the student sees;
// schedules persist per student. A view of algocore's TrainingSession (the Workbench's).
#include <QWidget>
#include <optional>
#include <vector>

#include "algocore/Sample.h"
#include "algocore/protocols/AttemptScore.h"
#include "algocore/protocols/FeedbackSchedule.h"
#include "algocore/protocols/MotionTemplate.h"
#include "algocore/session/Workbench.h"
#include "algogui/DisplayUnit.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace algogui {

class AttemptPlot;
class PressureReadout;
class ProgressChart;
class ScorePanel;

class TrainingPage : public QWidget {
    Q_OBJECT
public:
    TrainingPage(algocore::session::Workbench& workbench, QWidget* parent = nullptr);
    ~TrainingPage() override;

    void set_unit(const DisplayUnit& unit);
    const DisplayUnit& unit() const { return unit_; }
    /// Draws the samples of one display frame (the session has them already).
    void feed(const std::vector<algocore::Sample>& samples);

    /// Expert template: recording starts with the next sample and ends on finish.
    void start_recording();
    void finish_recording();
    /// Uses a template recorded elsewhere (not stored).
    void set_template(const algocore::protocols::MotionTemplate& expert);
    const std::optional<algocore::protocols::MotionTemplate>& expert() const;

    /// Student attempt: starts with the next sample, ends at the template's duration or on
    /// finish_attempt(). False (reason shown) without a template or a student.
    bool start_attempt();
    void finish_attempt();
    bool attempt_running() const;

    void set_student(const QString& name);
    void set_band_kpa(double low_kpa, double high_kpa);
    void set_schedule(const algocore::protocols::FeedbackSchedule& schedule);
    /// 1-based number of the next (or running) attempt in the schedule.
    int attempt_number() const;
    algocore::protocols::FeedbackLevel current_level() const;

    algocore::session::TrainingSession& session() { return workbench_.training(); }
    PressureReadout& readout() { return *readout_; }
    AttemptPlot& plot() { return *plot_; }
    ProgressChart& progress() { return *progress_; }
    /// Text of a score field: "ce", "ae", "ve", "tib"; and the line under them ("note").
    QString score_text(const QString& key) const;
    QString feedback_text() const;
    QString message_text() const;
    const std::optional<algocore::protocols::AttemptScore>& last_score() const;

public Q_SLOTS:
    /// Demo and screenshots: the first 10 s once the pressure is in the band become the
    /// expert template (not stored), then attempts by "demo student" follow, full feedback.
    void start_demo();

private:
    const algocore::session::TrainingSession& session() const { return workbench_.training(); }
    void run_demo(const algocore::Sample& latest);
    void apply_feedback();
    void show_session();
    void schedule_chosen();
    void update_buttons();
    std::optional<algocore::protocols::PressureBand> band() const;

    algocore::session::Workbench& workbench_;
    DisplayUnit unit_;
    bool demo_ = false;
    QLineEdit* teacher_ = nullptr;
    QLineEdit* student_ = nullptr;
    QComboBox* kind_ = nullptr;
    QDoubleSpinBox* low_ = nullptr;
    QDoubleSpinBox* high_ = nullptr;
    QPushButton* record_ = nullptr;
    QComboBox* stored_ = nullptr;
    QLabel* template_info_ = nullptr;
    QComboBox* schedule_ = nullptr;
    QSpinBox* per_stage_ = nullptr;
    QLabel* feedback_ = nullptr;
    QPushButton* attempt_ = nullptr;
    QLabel* message_ = nullptr;
    PressureReadout* readout_ = nullptr;
    AttemptPlot* plot_ = nullptr;
    ScorePanel* scores_ = nullptr;
    ProgressChart* progress_ = nullptr;
    std::size_t attempt_drawn_ = 0;
    algocore::session::TrainingSession::Phase shown_phase_ =
        algocore::session::TrainingSession::Phase::Idle;
    int shown_attempt_ = 0;
};

} // namespace algogui
