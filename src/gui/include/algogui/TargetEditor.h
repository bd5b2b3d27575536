#pragma once
// Target editing: band low/high and over-pressure limit in the chosen unit (or as % of the
// selected point's PPT when one is known), hold duration, ramp rate, quick presets. An
// impossible target is refused next to the field with algocore's reason; only a valid set
// of targets leaves the editor.
#include <QWidget>
#include <optional>

#include "algogui/DisplayUnit.h"
#include "algogui/LiveState.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QCheckBox;

namespace algogui {

class TargetEditor : public QWidget {
    Q_OBJECT
public:
    explicit TargetEditor(QWidget* parent = nullptr);

    void set_unit(const DisplayUnit& unit);
    /// Shows these targets (no targetsChanged emitted).
    void set_targets(const LiveTargets& targets);
    /// The last valid targets.
    const LiveTargets& targets() const { return accepted_; }

    /// Hook for the PPT of the selected site: with a PPT known, the band can be entered
    /// as a percentage of it. nullopt hides the option.
    void set_reference_ppt_kpa(std::optional<double> ppt_kpa);

    /// The reason shown next to the offending field; empty when everything is valid.
    QString error_text() const;
    /// Which field the error is next to ("band_low", "band_high", "limit", "hold", "ramp").
    QString error_field() const { return error_field_; }

    // For tests and presets: set a field in the shown unit and validate as if typed.
    void enter_band(double low_shown, double high_shown);
    void enter_limit(double limit_shown);
    void apply_preset(int index);

Q_SIGNALS:
    /// Emitted with every valid change.
    void targetsChanged(const algogui::LiveTargets& targets);

private:
    void on_edited();
    LiveTargets from_fields() const;
    void show_error(const QString& field, const QString& reason);
    void fill_fields(const LiveTargets& targets);
    double band_field_to_kpa(double shown) const;
    double kpa_to_band_field(double kpa) const;
    bool band_in_percent() const;

    DisplayUnit unit_;
    LiveTargets accepted_;
    std::optional<double> ppt_kpa_;
    QString error_field_;
    bool filling_ = false;

    QComboBox* presets_ = nullptr;
    QCheckBox* percent_of_ppt_ = nullptr;
    QDoubleSpinBox* low_ = nullptr;
    QDoubleSpinBox* high_ = nullptr;
    QDoubleSpinBox* limit_ = nullptr;
    QDoubleSpinBox* hold_s_ = nullptr;
    QDoubleSpinBox* grace_s_ = nullptr;
    QDoubleSpinBox* ramp_rate_ = nullptr;
    QDoubleSpinBox* ramp_tolerance_ = nullptr;
    QLabel* band_error_ = nullptr;
    QLabel* limit_error_ = nullptr;
    QLabel* hold_error_ = nullptr;
    QLabel* ramp_error_ = nullptr;
};

} // namespace algogui
