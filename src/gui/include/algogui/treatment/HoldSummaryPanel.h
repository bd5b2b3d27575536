#pragma once
// After a hold: its dose (duration, time in band s and %, mean, median, pressure-time
// integral, peak, CV, excursions, step-ups), the time without signal when the device was lost
// during it (in the words the report and History use), an optional pain rating 0-10, and
// Save / Discard. How the hold ended is the hold status panel's to say (once). The numbers are
// algocore's DoseMetrics; this only shows them.
#include "algogui/PlainWords.h"
#include <QMap>
#include <QWidget>
#include <optional>

#include "algocore/protocols/DoseMetrics.h"
#include "algogui/DisplayUnit.h"

class QGridLayout;
namespace algogui {
class FittedLabel;
}
class QLabel;
class QPushButton;
class QSpinBox;

namespace algogui {

class HoldSummaryPanel : public QWidget {
    Q_OBJECT
public:
    explicit HoldSummaryPanel(QWidget* parent = nullptr);

    /// Shows a finished hold.
    void show_hold(const algocore::protocols::DoseMetrics& metrics, const DisplayUnit& unit);
    /// Clears the panel and the rating.
    void clear();
    /// After saving: the buttons are disabled and a note says where it went.
    void show_saved(const QString& note);
    /// Why saving did not work (shown in red; the buttons stay usable).
    void show_problem(const QString& problem);
    QString note_text() const;

    /// The pain rating entered, none when "not rated".
    std::optional<int> pain_rating() const;
    void set_pain_rating(std::optional<int> rating);
    /// Text shown for one metric: "duration", "in_band", "in_band_pct", "mean", "median",
    /// "pti", "peak", "cv", "excursions", "step_ups".
    QString metric_text(const QString& key) const;
    /// What is said about the time without signal ("Signal lost 4.0 s at 0:08: the duration
    /// includes it; …"); empty when the hold had a signal throughout.
    QString signal_loss_text() const;
    bool saved() const { return saved_; }

Q_SIGNALS:
    void saveRequested();
    void discardRequested();

private:
    QLabel* add_metric(const QString& key, const QString& title, int row, int column,
                       const QString& tooltip = {});
    QLabel* add_metric(const QString& key, const PlainWords& words, int row, int column);

    QGridLayout* grid_ = nullptr;
    QMap<QString, FittedLabel*> values_;
    QSpinBox* rating_ = nullptr;
    QPushButton* save_ = nullptr;
    QPushButton* discard_ = nullptr;
    QLabel* note_ = nullptr;
    QLabel* loss_ = nullptr;
    bool saved_ = false;
};

} // namespace algogui
