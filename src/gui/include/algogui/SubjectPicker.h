#pragma once
// The patient picker of the Thresholds, Treatment and History pages: a field for the
// pseudonymous code with a list of the stored subjects, most recently seen first (the order
// StorageReader::subjects() answers in). Typing filters the list (any part of the code,
// without regard to case) in a pop-up; a code that differs from a stored one only in case is
// that subject and is shown as stored. A new code can still be typed (a first visit).
//
// It is a text field in the trial keys' sense (thresholds/TrialKeys.h): letters, Space and
// Esc typed into it, or into its pop-up, never start, abort or mark anything. Up and Down on the
// closed field open the list instead of stepping through the codes: a step is a choice, and on
// the Treatment page a choice begins a visit, so arrowing past three codes began three visits.
#include <QComboBox>
#include <QStringList>

class QCompleter;

namespace algogui {

class SubjectPicker : public QComboBox {
    Q_OBJECT
public:
    explicit SubjectPicker(QWidget* parent = nullptr);

    /// The stored codes, most recently seen first; what is typed stays.
    void set_codes(const QStringList& recent_first);
    QStringList codes() const;
    /// The code entered: the stored spelling when a stored code matches it without regard to
    /// case, else the text as typed (trimmed); empty when nothing is entered.
    QString code() const;
    /// Shows a code (a visit begun elsewhere) without signalling a choice.
    void set_code(const QString& code);

Q_SIGNALS:
    /// A code was chosen: picked from the list or the pop-up, or typed and ended with Return
    /// or by leaving the field. Said once per change of code.
    void codeChosen(const QString& code);

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void choose();

    QCompleter* completer_ = nullptr;
    QString chosen_; ///< the code last said (or set), so a choice is said once
};

} // namespace algogui
