#pragma once
// Who is measured: a pseudonymous code (picked from the known ones or typed new) and the
// few details reference norms need: sex, age band, dominant side. Nothing identifying.
#include <QWidget>

#include <optional>

#include "algocore/records/Records.h"

class QComboBox;
class QPushButton;

namespace algogui {

class SubjectPicker;

class SubjectForm : public QWidget {
    Q_OBJECT
public:
    explicit SubjectForm(QWidget* parent = nullptr);

    /// The stored subjects, most recently seen first: their codes are offered in the picker.
    void set_known_subjects(const std::vector<algocore::records::Subject>& subjects);
    /// The subject as entered (code trimmed; empty details left unset).
    algocore::records::Subject subject() const;
    void set_subject(const algocore::records::Subject& subject);
    /// The stored subject with this code (without regard to case), when it is a known one.
    std::optional<algocore::records::Subject> known(const std::string& code) const;

Q_SIGNALS:
    /// "Use subject" was pressed.
    void subjectChosen();

private:
    void fill_from_known(const QString& code);

    std::vector<algocore::records::Subject> known_;
    SubjectPicker* code_ = nullptr;
    QComboBox* sex_ = nullptr;
    QComboBox* age_band_ = nullptr;
    QComboBox* dominant_ = nullptr;
    QPushButton* use_ = nullptr;
};

} // namespace algogui
