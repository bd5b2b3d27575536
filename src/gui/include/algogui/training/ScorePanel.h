#pragma once
// The score of a training attempt in the motor-learning terms a teacher uses: constant
// error (bias, signed), absolute error (accuracy), variable error (consistency) and time in
// band, with a note underneath. Or "hidden" when the feedback level withholds it.
#include <QWidget>

#include "algocore/protocols/AttemptScore.h"
#include "algogui/DisplayUnit.h"

class QLabel;

namespace algogui {

class ScorePanel : public QWidget {
    Q_OBJECT
public:
    explicit ScorePanel(QWidget* parent = nullptr);

    /// Shows the score of attempt number `attempt`.
    void show_score(const algocore::protocols::AttemptScore& score, const DisplayUnit& unit,
                    int attempt);
    /// The score exists but this feedback level does not show it.
    void show_hidden();
    /// Dashes, no note.
    void clear();
    void set_note(const QString& note);
    /// "ce", "ae", "ve", "tib" or "note".
    QString text(const QString& key) const;
    /// Whether numbers are on show (not dashes, not hidden).
    bool showing_numbers() const { return showing_; }

private:
    QLabel* ce_ = nullptr;
    QLabel* ae_ = nullptr;
    QLabel* ve_ = nullptr;
    QLabel* tib_ = nullptr;
    QLabel* note_ = nullptr;
    bool showing_ = false;
};

} // namespace algogui
