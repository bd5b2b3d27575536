#pragma once
// The Training page: dosage training for students. A teacher records an expert's hold or
// ramp as a template; each student attempt is drawn against it (ghost overlay) and scored
// (constant, absolute, variable error, time in band) by algocore's score_attempt. The
// faded-feedback schedule decides, attempt by attempt, what the student sees: full feedback,
// the band only, a blind attempt with the score afterwards, or nothing (retention). Scores
// are stored per student and charted across sessions.
#include <QWidget>
#include <functional>
#include <optional>
#include <vector>

#include "algocore/Sample.h"
#include "algocore/protocols/AttemptScore.h"
#include "algocore/protocols/FeedbackSchedule.h"
#include "algocore/protocols/MotionTemplate.h"
#include "algogui/DisplayUnit.h"
#include "algogui/treatment/SessionBook.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace algocore::storage {
class Storage;
}

namespace algogui {

class AttemptPlot;
class PressureReadout;
class ProgressChart;
class ScorePanel;

class TrainingPage : public QWidget {
    Q_OBJECT
public:
    explicit TrainingPage(QWidget* parent = nullptr);

    void set_storage(algocore::storage::Storage* storage);
    /// Where the storage comes from when it is first needed (page shown, score stored).
    void set_storage_source(std::function<algocore::storage::Storage*()> source);
    void set_unit(const DisplayUnit& unit);
    const DisplayUnit& unit() const { return unit_; }
    /// The samples of one display frame, in time order (LiveFeed::frame_samples()).
    void feed(const std::vector<algocore::Sample>& samples);

    /// Expert template: recording starts with the next sample and ends on finish.
    void start_recording();
    void finish_recording();
    /// Uses a template recorded elsewhere.
    void set_template(const algocore::protocols::MotionTemplate& expert);
    const std::optional<algocore::protocols::MotionTemplate>& expert() const { return expert_; }

    /// Student attempt: starts with the next sample, ends at the template's duration or on
    /// finish_attempt(). False (reason shown) without a template or a student.
    bool start_attempt();
    void finish_attempt();
    bool attempt_running() const { return phase_ == Phase::Attempt; }

    void set_student(const QString& name);
    void set_band_kpa(double low_kpa, double high_kpa);
    void set_schedule(const algocore::protocols::FeedbackSchedule& schedule);
    /// 1-based number of the next (or running) attempt in the schedule.
    int attempt_number() const { return attempt_number_; }
    algocore::protocols::FeedbackLevel current_level() const;

    PressureReadout& readout() { return *readout_; }
    AttemptPlot& plot() { return *plot_; }
    ProgressChart& progress() { return *progress_; }
    /// Text of a score field: "ce", "ae", "ve", "tib"; and the line under them ("note").
    QString score_text(const QString& key) const;
    QString feedback_text() const;
    QString message_text() const;
    const std::optional<algocore::protocols::AttemptScore>& last_score() const {
        return last_score_;
    }

public Q_SLOTS:
    /// Demo and screenshots: the first 10 s from the start of a ramp become the expert
    /// template, then attempts by "demo student" follow one after another, full feedback.
    void start_demo();

protected:
    void showEvent(QShowEvent* event) override;

private:
    enum class Phase { Idle, Recording, Attempt };
    bool ensure_storage();
    void run_demo(const algocore::Sample& latest);
    void apply_feedback();
    void store_score(const algocore::protocols::AttemptScore& score);
    void reload_progress();
    void update_buttons();
    std::optional<algocore::protocols::PressureBand> band() const;

    DisplayUnit unit_;
    SessionBook book_;
    std::function<algocore::storage::Storage*()> storage_source_;
    bool demo_ = false;
    QLineEdit* student_ = nullptr;
    QComboBox* kind_ = nullptr;
    QDoubleSpinBox* low_ = nullptr;
    QDoubleSpinBox* high_ = nullptr;
    QPushButton* record_ = nullptr;
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

    Phase phase_ = Phase::Idle;
    std::vector<algocore::Sample> recording_;
    std::optional<algocore::protocols::MotionTemplate> expert_;
    algocore::protocols::FeedbackSchedule schedule_plan_;
    int attempt_number_ = 1;
    std::vector<algocore::Sample> attempt_samples_;
    std::optional<algocore::protocols::AttemptScore> last_score_;
    std::vector<algocore::storage::TrainingScore> unsaved_scores_; ///< without a database
};

} // namespace algogui
