#pragma once
// During a hold: what the hold is doing (waiting for the band, holding, ended), the time in
// band against the prescription, the time remaining, excursions and step-ups, and the large
// prompt ("TAKE UP THE SLACK", "STRETCH", "REST") that must read from two metres.
#include <QColor>
#include <QWidget>

#include "algocore/session/TreatmentRunState.h"

class QLabel;

namespace algogui {

class FittedLabel;

class HoldStatusPanel : public QWidget {
    Q_OBJECT
public:
    explicit HoldStatusPanel(QWidget* parent = nullptr);

    /// Shows a hold in progress or just ended. Without a live signal a running hold reads as
    /// paused: its count stands still until the signal is back (the engine's rule).
    void show_hold(const algocore::session::HoldRunState& hold, bool signal_live = true);
    /// No hold running: a line saying what to do.
    void show_idle(const QString& text);
    /// The large prompt; colour is its background (text is white).
    void show_prompt(const QString& text, const QColor& colour);
    void hide_prompt();
    /// The running hold's counts (time in band, remaining, band exits, step-ups) under the
    /// state line; hidden once the hold is over and its summary gives the stored figures.
    void set_counts_shown(bool shown);
    bool counts_shown() const;

    QString state_text() const;
    /// "0:42 · Time in band (of 1:00)".
    QString in_band_text() const;
    QString remaining_text() const;
    QString excursions_text() const;
    QString step_ups_text() const;
    QString prompt_text() const;
    bool prompt_visible() const;

private:
    FittedLabel* state_ = nullptr;
    QWidget* counts_ = nullptr;
    QLabel* in_band_caption_ = nullptr;
    QLabel* in_band_ = nullptr;
    QLabel* remaining_ = nullptr;
    QLabel* excursions_ = nullptr;
    QLabel* step_ups_ = nullptr;
    FittedLabel* prompt_ = nullptr;
};

} // namespace algogui
