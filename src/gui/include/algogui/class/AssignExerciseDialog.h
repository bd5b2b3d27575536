#pragma once
// "Assign exercise…" of the Class page: the teacher picks a template stored in their database
// and the feedback schedule; Assign hands it out to the class through
// algocore::sharedstudy::hand_out_exercise (the engine of `algoscope-cli class assign`), on a
// thread of its own so the window never waits for the server.
#include <QDialog>
#include <QThread>
#include <memory>
#include <string>

#include "algocore/sharedstudy/ClassHandOut.h"

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace algogui::classview {

class AssignExerciseDialog : public QDialog {
    Q_OBJECT
public:
    /// db: the teacher's database; station: this station's name in the study.
    AssignExerciseDialog(const std::string& db, const QString& server, const QString& class_name,
                         const QString& station, QWidget* parent = nullptr);
    /// Returns at once: a hand-out under way ends on its own thread (with the server's answer
    /// or its timeout), and its result is then dropped.
    ~AssignExerciseDialog() override;

    QComboBox& templates() { return *templates_; }
    QComboBox& feedback() { return *feedback_; }
    QSpinBox& per_stage() { return *per_stage_; }
    QPushButton& assign_button() { return *assign_; }
    QLabel& result_label() { return *result_; }
    /// Whether the last hand-out succeeded.
    bool assigned() const { return assigned_; }

private:
    void assign();
    void show_result();

    std::string db_;
    QString server_;
    QString class_name_;
    QString station_;
    QComboBox* templates_;
    QComboBox* feedback_;
    QSpinBox* per_stage_;
    QPushButton* assign_;
    QLabel* result_;
    QThread* worker_ = nullptr;
    std::shared_ptr<algocore::sharedstudy::ExerciseHandedOut> handed_;
    bool assigned_ = false;
};

} // namespace algogui::classview
