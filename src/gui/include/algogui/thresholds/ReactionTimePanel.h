#pragma once
// The subject's reaction-time test on the Thresholds page: the button that starts (or stops)
// it, who gives the cue, every answer so far (practice, counted, anticipations, misses) and
// the result (median and interquartile range) once it is stored with the session. A view of
// algocore's ReactionTimeSession, the engine `algoscope-cli rt` runs too.
#include <QWidget>

#include "algocore/session/ReactionTimeSession.h"

class QLabel;
class QPushButton;

namespace algogui {

class ReactionTimePanel : public QWidget {
    Q_OBJECT
public:
    explicit ReactionTimePanel(QWidget* parent = nullptr);

    /// Draws the test's state (running or finished); may_start: no trial runs now.
    void show_test(const algocore::session::ReactionTimeSession& test, bool may_start,
                   const QString& problem);

    QPushButton& start_button() { return *start_; }
    /// The on-screen answer to a host cue (shown while a host-cued test runs).
    QPushButton& press_button() { return *press_; }
    QString status_text() const;
    QString answers_text() const;
    QString result_text() const;

Q_SIGNALS:
    void startRequested();
    void stopRequested();
    /// The subject answered on screen (at the press, not the release).
    void subjectPressed();

private:
    QPushButton* start_ = nullptr;
    QPushButton* press_ = nullptr;
    QLabel* status_ = nullptr;
    QLabel* answers_ = nullptr;
    QLabel* result_ = nullptr;
    bool running_ = false;
};

/// The result in the words the page shows: "Reaction time 250 ms (IQR 12 ms, n = 10,
/// 1 anticipation; cue from the device)".
QString reaction_result_words(const algocore::protocols::ReactionTimeSummary& summary);

} // namespace algogui
