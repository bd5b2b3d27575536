#pragma once
// Full-screen "coach" view: only the readout, the vertical band bar, the treatment prompt,
// the hold timer and the link state, for a therapist across the room or a student
// practising dosage. Without a live signal it shows no number and no verdict.
#include <QWidget>
#include <optional>

#include "algogui/CoachPrompt.h"
#include "algogui/DisplayUnit.h"
#include "algogui/LiveState.h"

class QLabel;

namespace algogui {

class BandBar;
class FittedLabel;
class PressureReadout;

class CoachView : public QWidget {
    Q_OBJECT
public:
    explicit CoachView(QWidget* parent = nullptr);

    /// Once per frame while visible.
    void show_frame(const LiveSession& model, const DisplayUnit& unit);
    /// Shows a treatment prompt until clear_prompt(), another prompt, or (for a prompt that
    /// needs contact) the probe leaving the skin.
    void show_prompt(const CoachPrompt& prompt);
    void clear_prompt();

    PressureReadout& readout() { return *readout_; }
    BandBar& band_bar() { return *bar_; }
    QString timer_text() const;
    /// The prompt's words on screen; empty when there is none.
    QString prompt_text() const;
    bool prompt_visible() const { return prompt_.has_value(); }
    QString link_text() const;

Q_SIGNALS:
    void closeRequested();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void refresh_prompt();

    PressureReadout* readout_ = nullptr;
    BandBar* bar_ = nullptr;
    QLabel* link_ = nullptr;
    FittedLabel* prompt_label_ = nullptr;
    QLabel* timer_ = nullptr;
    std::optional<CoachPrompt> prompt_;
    DisplayUnit unit_;
};

} // namespace algogui
