#pragma once
// What the window shows as text, and the file dialogs answered as a user answers them.
#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QtTest>
#include <functional>
#include <memory>

namespace workflow {

/// Every text a widget and its children show now: labels, fields, the current entry of each
/// drop-down (not its list: a picker lists every stored subject), table cells and buttons.
/// Hidden widgets are not shown, so they are left out.
inline QStringList texts_shown(QWidget& root) {
    QStringList out;
    const auto shown = [](const QWidget* w) { return w->isVisible(); };
    for (auto* label : root.findChildren<QLabel*>())
        if (shown(label)) out << label->text();
    for (auto* edit : root.findChildren<QLineEdit*>())
        if (shown(edit)) out << edit->text();
    for (auto* combo : root.findChildren<QComboBox*>())
        if (shown(combo)) out << combo->currentText();
    for (auto* table : root.findChildren<QTableWidget*>()) {
        if (!shown(table)) continue;
        for (int row = 0; row < table->rowCount(); ++row)
            for (int column = 0; column < table->columnCount(); ++column)
                if (const auto* item = table->item(row, column)) out << item->text();
    }
    for (auto* button : root.findChildren<QAbstractButton*>())
        if (shown(button)) out << button->text();
    return out;
}

/// The texts among `texts` that hold `part`.
inline QStringList holding(const QStringList& texts, const QString& part) {
    QStringList out;
    for (const QString& text : texts)
        if (text.contains(part)) out << text;
    return out;
}

/// Answers the modal dialogs the next click opens, from a timer, as a user does: an Export
/// dialog is accepted as offered (its first choice, this subject), and a file dialog gets
/// `path` typed into its name field and its accept button pressed once the dialog has read
/// the folder and enabled it (pressed at once on a busy machine it is still disabled).
inline void answer_dialogs(const QString& path) {
    auto* timer = new QTimer;
    auto answered_file = std::make_shared<bool>(false);
    auto typed = std::make_shared<bool>(false);
    QObject::connect(timer, &QTimer::timeout, [timer, path, typed, answered_file] {
        QWidget* modal = QApplication::activeModalWidget();
        if (auto* dialog = qobject_cast<QFileDialog*>(modal)) {
            auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
            auto* buttons = dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttonBox"));
            if (!name || !buttons) return dialog->reject();
            // The dialog fills its name field itself once it has read the folder (a folder
            // dialog puts the folder's name there): what was typed is typed again until it
            // stays. Typed into the field with the focus, as a user clicks into it first: the
            // dialog drops the entries it selected for a partly typed path only then (a
            // folder dialog otherwise answers the first of them, "/tmp" for "/tmp/x/y").
            if (!dialog->isActiveWindow()) {
                dialog->activateWindow();
                return;
            }
            if (name->text() != path) {
                QTest::mouseClick(name, Qt::LeftButton, {}, name->rect().center());
                name->setFocus(Qt::MouseFocusReason);
                name->selectAll();
                QTest::keyClicks(name, path);
                if (QWidget* popup = QApplication::activePopupWidget())
                    QTest::keyClick(popup, Qt::Key_Escape);
                *typed = true;
                return;
            }
            QPushButton* accept = buttons->button(QDialogButtonBox::Save);
            if (!accept) accept = buttons->button(QDialogButtonBox::Open);
            if (*typed && accept && accept->isEnabled()) {
                QTest::mouseClick(accept, Qt::LeftButton);
                *answered_file = true;
            }
            return;
        }
        if (modal && modal->windowTitle() == QStringLiteral("Export")) {
            auto* buttons = modal->findChild<QDialogButtonBox*>();
            if (buttons && buttons->button(QDialogButtonBox::Ok))
                QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
            return;
        }
        if (!modal && *answered_file) {
            timer->stop();
            timer->deleteLater();
        }
    });
    timer->start(20);
}

} // namespace workflow
