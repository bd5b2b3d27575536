#pragma once
// The prescription editor of the Treatment page: a literature preset (named with its
// source) or a custom one; band absolute in kPa or relative to the point's own PPT /
// tolerance; hold time, step-ups, rest, over-pressure limit and an optional stretch prompt.
// It only gathers values: algocore's Prescription validates and resolves them.
#include <QWidget>

#include "algocore/protocols/Prescription.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace algogui {

class PrescriptionEditor : public QWidget {
    Q_OBJECT
public:
    explicit PrescriptionEditor(QWidget* parent = nullptr);

    /// The prescription as edited.
    algocore::protocols::Prescription prescription() const;
    /// Shows a prescription; the preset picker says "Custom" unless it is a preset.
    void set_prescription(const algocore::protocols::Prescription& prescription);
    /// Chooses a literature preset by its position in Prescription::presets().
    void choose_preset(int index);
    /// Index in the preset picker: 0 = custom, 1.. = the presets in order.
    int preset_index() const;
    /// The source line under the picker ("Source: Hou et al. 2002 ...").
    QString source_text() const;
    /// Shows the first problem of the edited values next to the fields (empty = fine).
    void show_problem(const QString& problem);
    QString problem_text() const;

Q_SIGNALS:
    void prescriptionChanged();

private:
    void on_edited();
    void update_units();

    QComboBox* preset_ = nullptr;
    QLabel* source_ = nullptr;
    QComboBox* band_anchor_ = nullptr;
    QDoubleSpinBox* low_ = nullptr;
    QDoubleSpinBox* high_ = nullptr;
    QCheckBox* limit_on_ = nullptr;
    QComboBox* limit_anchor_ = nullptr;
    QDoubleSpinBox* limit_ = nullptr;
    QDoubleSpinBox* hold_s_ = nullptr;
    QSpinBox* step_ups_ = nullptr;
    QCheckBox* until_release_ = nullptr;
    QSpinBox* repetitions_ = nullptr;
    QDoubleSpinBox* rest_s_ = nullptr;
    QDoubleSpinBox* stretch_s_ = nullptr;
    QLabel* problem_ = nullptr;
    bool loading_ = false;
    std::string source_key_; ///< name and source of the preset last loaded
    std::string source_ref_;
};

} // namespace algogui
