#pragma once
// A student's attempt drawn against the expert's template, both from their first contact
// (TrainingSession aligns them there): time across, pressure up; the template as a wide grey
// "ghost", the target band shaded, the attempt as a dark line. In a blind attempt nothing of the
// attempt is drawn, only a note that the display is hidden. Painted directly: a fixed time axis and
// at most a few thousand points need no chart library.
#include <QWidget>
#include <optional>
#include <vector>

#include "algocore/protocols/MotionTemplate.h"
#include "algocore/protocols/PressureBand.h"
#include "algogui/DisplayUnit.h"
#include "algogui/LiveState.h"

namespace algogui {

class AttemptPlot : public QWidget {
    Q_OBJECT
public:
    explicit AttemptPlot(QWidget* parent = nullptr);

    void set_unit(const DisplayUnit& unit);
    /// The expert's template (nullopt: none recorded yet).
    void set_template(const std::optional<algocore::protocols::MotionTemplate>& expert);
    void set_band(const std::optional<algocore::protocols::PressureBand>& band);
    /// What is drawn: the ghost, the band, the attempt. hidden_note non-empty = blind: only
    /// the note is shown in place of the attempt.
    void set_visibility(bool show_template, bool show_band, bool show_attempt,
                        const QString& hidden_note = {});
    /// Replaces the attempt (time from its first sample).
    void set_attempt(std::vector<algocore::protocols::TemplatePoint> points);
    /// gap_before: samples were lost (or the link was down) just before this one. The line
    /// breaks there, and at any jump in time far longer than the usual sample interval.
    void append_attempt(const algocore::protocols::TemplatePoint& point, bool gap_before = false);
    void clear_attempt();

    bool template_shown() const { return show_template_ && expert_.has_value(); }
    bool attempt_shown() const { return show_attempt_; }
    QString hidden_note() const { return hidden_note_; }
    std::size_t attempt_points() const { return attempt_.size(); }
    /// The attempt as drawn: time from its first contact, pressure.
    const std::vector<algocore::protocols::TemplatePoint>& attempt() const { return attempt_; }
    /// Unbroken stretches of the attempt's line (one more than the gaps in it).
    std::size_t attempt_stretches() const;

    QSize sizeHint() const override { return {700, 320}; }
    QSize minimumSizeHint() const override { return {360, 200}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    double span_s() const;
    double top_kpa() const;

    DisplayUnit unit_;
    std::optional<algocore::protocols::MotionTemplate> expert_;
    std::optional<algocore::protocols::PressureBand> band_;
    std::vector<algocore::protocols::TemplatePoint> attempt_;
    std::vector<std::size_t> attempt_breaks_; ///< indices of points that start a new stretch
    GapDetector gaps_;
    bool show_template_ = true;
    bool show_band_ = true;
    bool show_attempt_ = true;
    QString hidden_note_;
};

} // namespace algogui
