#pragma once
// What a therapist two metres away would notice on a page, as checks a test can run: text
// that does not fit its widget (clipped or cut), widgets partly outside the window or their
// parent (off-screen), and panels laid over one another. Each check returns one line per
// problem, naming the widget, so a failing test says what to fix.
#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QComboBox>
#include <QFontMetrics>
#include <QLabel>
#include <QLayout>
#include <QStringList>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QTextDocument>
#include <QWidget>

#include "algogui/ElidedLabel.h"

namespace layout_checks {

inline QString describe(const QWidget* w) {
    QString name = w->objectName();
    if (name.isEmpty()) name = QString::fromLatin1(w->metaObject()->className());
    if (const auto* label = qobject_cast<const QLabel*>(w))
        name += QStringLiteral(" \"%1\"").arg(label->text().left(60));
    else if (const auto* button = qobject_cast<const QAbstractButton*>(w))
        name += QStringLiteral(" \"%1\"").arg(button->text().left(60));
    return name;
}

// Inside a scroll area's viewport a widget may lie outside what is shown: it is scrolled to.
inline bool inside_scroll_area(const QWidget* w) {
    for (const QWidget* p = w->parentWidget(); p; p = p->parentWidget()) {
        if (qobject_cast<const QAbstractScrollArea*>(p)) return true;
    }
    return false;
}

inline bool shown(const QWidget* w) {
    return w->isVisible() && w->width() > 0 && w->height() > 0;
}

/// Every visible label's text fits its contents rectangle; every visible button is at least
/// as wide as its text needs; every combo box shows its current choice whole.
inline QStringList text_that_does_not_fit(const QWidget& root) {
    QStringList problems;
    for (const QLabel* label : root.findChildren<QLabel*>()) {
        if (!shown(label) || label->text().isEmpty()) continue;
        // An elided label shows "…" and keeps the whole text in its tooltip, by design.
        if (qobject_cast<const algogui::ElidedLabel*>(label)) {
            if (label->toolTip() != label->text())
                problems << QStringLiteral("%1 is elided without its text in the tooltip")
                                .arg(describe(label));
            continue;
        }
        const QRect room = label->contentsRect().adjusted(label->margin(), label->margin(),
                                                          -label->margin(), -label->margin());
        if (label->wordWrap() || Qt::mightBeRichText(label->text())) {
            const int needed = label->heightForWidth(label->width());
            if (needed > label->height() + 1)
                problems << QStringLiteral("%1 needs %2 px of height, has %3")
                                .arg(describe(label))
                                .arg(needed)
                                .arg(label->height());
            continue;
        }
        const QFontMetrics metrics(label->font());
        int widest = 0;
        for (const QString& line : label->text().split(QLatin1Char('\n')))
            widest = std::max(widest, metrics.horizontalAdvance(line));
        const int lines = static_cast<int>(label->text().count(QLatin1Char('\n'))) + 1;
        if (widest > room.width())
            problems << QStringLiteral("%1 needs %2 px, has %3")
                            .arg(describe(label))
                            .arg(widest)
                            .arg(room.width());
        else if (metrics.height() * lines > room.height() + 2)
            problems << QStringLiteral("%1 needs %2 px of height, has %3")
                            .arg(describe(label))
                            .arg(metrics.height() * lines)
                            .arg(room.height());
    }
    for (const QAbstractButton* button : root.findChildren<QAbstractButton*>()) {
        if (!shown(button) || button->text().isEmpty()) continue;
        if (button->width() + 1 < button->sizeHint().width())
            problems << QStringLiteral("%1 needs %2 px, has %3")
                            .arg(describe(button))
                            .arg(button->sizeHint().width())
                            .arg(button->width());
    }
    for (const QComboBox* combo : root.findChildren<QComboBox*>()) {
        if (!shown(combo) || combo->currentText().isEmpty()) continue;
        QStyleOptionComboBox option;
        option.initFrom(combo);
        option.editable = combo->isEditable();
        const QRect field = combo->style()->subControlRect(QStyle::CC_ComboBox, &option,
                                                           QStyle::SC_ComboBoxEditField, combo);
        const int needed = QFontMetrics(combo->font()).horizontalAdvance(combo->currentText());
        if (needed > field.width())
            problems << QStringLiteral("%1 \"%2\" needs %3 px, has %4 (%5 px wide, at least %6)")
                            .arg(describe(combo), combo->currentText())
                            .arg(needed)
                            .arg(field.width())
                            .arg(combo->width())
                            .arg(combo->minimumSizeHint().width());
    }
    return problems;
}

/// No visible widget sticks out of the window, nor out of its parent (where the parent would
/// cut it), unless it sits in a scroll area and can be scrolled to.
inline QStringList widgets_cut_off(const QWidget& window) {
    QStringList problems;
    for (const QWidget* w : window.findChildren<QWidget*>()) {
        if (!shown(w) || w->isWindow() || inside_scroll_area(w)) continue;
        const QRect in_window(w->mapTo(&window, QPoint(0, 0)), w->size());
        if (!window.rect().contains(in_window))
            problems << QStringLiteral("%1 at (%2,%3 %4x%5) is partly outside the window")
                            .arg(describe(w))
                            .arg(in_window.x())
                            .arg(in_window.y())
                            .arg(in_window.width())
                            .arg(in_window.height());
        else if (const QWidget* parent = w->parentWidget();
                 parent && !parent->rect().contains(w->geometry()))
            problems
                << QStringLiteral("%1 is partly outside %2").arg(describe(w), describe(parent));
    }
    return problems;
}

// The layout (or one nested in it) places this widget.
inline bool placed_by(const QLayout* layout, const QWidget* widget) {
    for (int i = 0; i < layout->count(); ++i) {
        QLayoutItem* item = layout->itemAt(i);
        if (item->widget() == widget) return true;
        if (item->layout() && placed_by(item->layout(), widget)) return true;
    }
    return false;
}

/// Widgets placed by the same layout (nested layouts included) do not overlap.
inline QStringList panels_overlapping(const QWidget& root) {
    QStringList problems;
    QList<const QWidget*> parents{&root};
    for (const QWidget* w : root.findChildren<QWidget*>())
        parents << w;
    for (const QWidget* parent : parents) {
        const QLayout* layout = parent->layout();
        if (!shown(parent) || !layout) continue;
        QList<const QWidget*> placed;
        for (const QWidget* child : parent->findChildren<QWidget*>(Qt::FindDirectChildrenOnly)) {
            if (shown(child) && !child->isWindow() && placed_by(layout, child)) placed << child;
        }
        for (int i = 0; i < placed.size(); ++i) {
            for (int j = i + 1; j < placed.size(); ++j) {
                if (placed[i]->geometry().intersects(placed[j]->geometry()))
                    problems << QStringLiteral("%1 overlaps %2")
                                    .arg(describe(placed[i]), describe(placed[j]));
            }
        }
    }
    return problems;
}

} // namespace layout_checks
