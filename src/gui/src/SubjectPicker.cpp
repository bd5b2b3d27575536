#include "algogui/SubjectPicker.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QKeyEvent>
#include <QLineEdit>

namespace algogui {

SubjectPicker::SubjectPicker(QWidget* parent) : QComboBox(parent) {
    setObjectName(QStringLiteral("SubjectCode"));
    setEditable(true);
    // A typed code is a choice, not a new entry of the list: the list is what is stored.
    setInsertPolicy(QComboBox::NoInsert);
    setMinimumContentsLength(10);
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    lineEdit()->setPlaceholderText(tr("pseudonymous code, e.g. S014"));
    setAccessibleName(tr("Subject code"));
    setToolTip(tr("Type part of the code to filter the stored subjects (most recently seen "
                  "first), or a new code"));
    // Filtering as one types, in the list's own order (recent first), any part of the code.
    completer_ = new QCompleter(model(), this);
    completer_->setCompletionMode(QCompleter::PopupCompletion);
    completer_->setCaseSensitivity(Qt::CaseInsensitive);
    completer_->setFilterMode(Qt::MatchContains);
    completer_->setModelSorting(QCompleter::UnsortedModel);
    setCompleter(completer_);

    connect(this, &QComboBox::textActivated, this, [this] { choose(); });
    connect(lineEdit(), &QLineEdit::editingFinished, this, [this] { choose(); });
}

void SubjectPicker::set_codes(const QStringList& recent_first) {
    const QString typed = currentText();
    const QSignalBlocker quiet(this);
    clear();
    addItems(recent_first);
    setCurrentIndex(-1);
    setEditText(typed);
}

QStringList SubjectPicker::codes() const {
    QStringList out;
    for (int i = 0; i < count(); ++i)
        out << itemText(i);
    return out;
}

QString SubjectPicker::code() const {
    const QString typed = currentText().trimmed();
    if (typed.isEmpty()) return typed;
    for (int i = 0; i < count(); ++i) {
        if (itemText(i).compare(typed, Qt::CaseInsensitive) == 0) return itemText(i);
    }
    return typed;
}

void SubjectPicker::set_code(const QString& code) {
    chosen_ = code.trimmed();
    if (currentText() == chosen_) return;
    const QSignalBlocker quiet(this);
    const int index = findText(chosen_, Qt::MatchFixedString | Qt::MatchCaseSensitive);
    setCurrentIndex(index);
    setEditText(chosen_);
}

void SubjectPicker::keyPressEvent(QKeyEvent* event) {
    const bool steps = event->key() == Qt::Key_Up || event->key() == Qt::Key_Down ||
                       event->key() == Qt::Key_PageUp || event->key() == Qt::Key_PageDown;
    if (steps && !view()->isVisible()) {
        showPopup();
        event->accept();
        return;
    }
    QComboBox::keyPressEvent(event);
}

void SubjectPicker::choose() {
    const QString chosen = code();
    // The screen shows the code as stored ("p001" typed is P001).
    if (currentText() != chosen) set_code(chosen);
    if (chosen.isEmpty() || chosen == chosen_) return;
    chosen_ = chosen;
    Q_EMIT codeChosen(chosen);
}

} // namespace algogui
