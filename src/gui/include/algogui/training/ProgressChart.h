#pragma once
// A student's progress: every scored attempt in time order across sessions, absolute error
// (accuracy), variable error (consistency) and constant error (bias) in the display unit on
// the left axis, time in band in % on the right; a vertical line marks each new session.
#include <QWidget>
#include <vector>

#include "algocore/records/Records.h"
#include "algogui/DisplayUnit.h"

namespace algogui {

class ProgressChart : public QWidget {
    Q_OBJECT
public:
    explicit ProgressChart(QWidget* parent = nullptr);

    void set_unit(const DisplayUnit& unit);
    /// Scores in time order (StorageReader::scores_of_student).
    void set_scores(std::vector<algocore::records::TrainingScore> scores);
    const std::vector<algocore::records::TrainingScore>& scores() const { return scores_; }
    /// How many sessions the scores span.
    int sessions_shown() const;

    QSize sizeHint() const override { return {600, 220}; }
    QSize minimumSizeHint() const override { return {300, 160}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    DisplayUnit unit_;
    std::vector<algocore::records::TrainingScore> scores_;
};

} // namespace algogui
