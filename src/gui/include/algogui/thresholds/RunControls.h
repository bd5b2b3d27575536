#pragma once
// Running the trials: start, abort (Esc), the on-screen pain-signal button and which key
// (or foot pedal sending a key) signals pain, the state of the series with the rest
// countdown, and the non-modal retest prompt after an invalid trial.
#include <QKeySequence>
#include <QWidget>

#include "algocore/session/PptSession.h"

class QKeySequenceEdit;
class QLabel;
class QPushButton;

namespace algogui {

class RunControls : public QWidget {
    Q_OBJECT
public:
    explicit RunControls(QWidget* parent = nullptr);

    /// Shows the run at the point (PptSession::run_state); hint explains a refusal.
    void show_run(const algocore::session::PptRunState& run, const QString& hint);
    /// The key that signals pain (default Space).
    int pain_key() const { return pain_key_; }
    void set_pain_key(int key);

    /// What the status line says (tests).
    QString status_text() const;
    bool retest_prompt_visible() const;
    QPushButton& start_button() { return *start_; }
    QPushButton& pain_button() { return *pain_; }
    QPushButton& abort_button() { return *abort_; }
    QPushButton& retest_button() { return *retest_; }
    QPushButton& skip_retest_button() { return *skip_retest_; }

Q_SIGNALS:
    void startRequested(bool skip_rest);
    void abortRequested();
    /// The on-screen pain button was pressed.
    void painSignalled();
    void retestAnswered(bool accept);
    void painKeyChanged(int key);

private:
    int pain_key_ = Qt::Key_Space;
    QPushButton* start_ = nullptr;
    QPushButton* skip_rest_ = nullptr;
    QPushButton* abort_ = nullptr;
    QPushButton* pain_ = nullptr;
    QLabel* status_ = nullptr;
    QWidget* retest_row_ = nullptr;
    QLabel* retest_text_ = nullptr;
    QPushButton* retest_ = nullptr;
    QPushButton* skip_retest_ = nullptr;
    QKeySequenceEdit* key_edit_ = nullptr;
};

} // namespace algogui
