#pragma once
// The PPT protocol: a named preset (DFNS, Fischer, pain tolerance) or custom settings —
// rate and tolerance, trials, rest between trials, discarding the first trial, mean or
// median, and the safety cut-off. Changing any field makes it a custom protocol.
#include <QWidget>

#include "algocore/protocols/PptPreset.h"
#include "algogui/DisplayUnit.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace algogui {

class ProtocolForm : public QWidget {
    Q_OBJECT
public:
    explicit ProtocolForm(QWidget* parent = nullptr);

    /// Shows a preset (its name picks the entry; unknown names show as custom).
    void set_preset(const algocore::protocols::PptPreset& preset);
    /// The protocol as shown.
    algocore::protocols::PptPreset preset() const;
    /// Pressures are edited in this unit (stored in kPa).
    void set_unit(const DisplayUnit& unit);
    /// Shows why the protocol is refused (empty hides it).
    void show_problem(const QString& text);

Q_SIGNALS:
    /// Any change by the user.
    void presetEdited();

private:
    void apply_named(int index);
    void mark_custom();

    DisplayUnit unit_;
    algocore::protocols::PptPreset base_; // fields the form does not show come from here
    bool filling_ = false;
    QComboBox* name_ = nullptr;
    QDoubleSpinBox* rate_ = nullptr;
    QDoubleSpinBox* tolerance_ = nullptr;
    QSpinBox* trials_ = nullptr;
    QDoubleSpinBox* interval_s_ = nullptr;
    QCheckBox* discard_first_ = nullptr;
    QComboBox* aggregate_ = nullptr;
    QDoubleSpinBox* cutoff_ = nullptr;
    QLabel* problem_ = nullptr;
};

} // namespace algogui
