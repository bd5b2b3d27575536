// Turning the mouse wheel over a spin box or combo box the user has not clicked into leaves
// its value alone and scrolls the page instead; once focused, the wheel changes it as usual.
#include <QApplication>
#include <QComboBox>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <QtTest>

#include "algogui/WheelGuard.h"

using namespace algogui;

namespace {

// One notch of the wheel, down, over the middle of `widget` (as Qt delivers it: the same
// event propagates from the widget to its parents until one accepts it).
void turn_wheel_down(QWidget& widget) {
    const QPointF at = QRectF(widget.rect()).center();
    QWheelEvent event(at, widget.mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(&widget, &event);
}

// A tall page in a scroll area, a spin box and a combo box on it, neither focused.
struct Page {
    QScrollArea area;
    QWidget* content = new QWidget;
    // First in the tab order, so it (not the spin box) has the focus when the window opens.
    QPushButton* other = new QPushButton(QStringLiteral("elsewhere"), content);
    QSpinBox* spin = new QSpinBox(content);
    QComboBox* combo = new QComboBox(content);

    Page() {
        auto* layout = new QVBoxLayout(content);
        spin->setRange(0, 100);
        spin->setValue(50);
        combo->addItems({QStringLiteral("kPa"), QStringLiteral("N"), QStringLiteral("kgf")});
        combo->setCurrentIndex(1);
        layout->addWidget(other);
        layout->addWidget(spin);
        layout->addWidget(combo);
        layout->addSpacing(2000);
        area.setWidget(content);
        area.setWidgetResizable(true);
        area.resize(300, 300);
        area.show();
        other->setFocus();
    }
};

} // namespace

class WheelGuardTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { qApp->installEventFilter(new WheelGuard(this)); }

    void anUnfocusedSpinBoxKeepsItsValueAndThePageScrolls() {
        Page page;
        QVERIFY(QTest::qWaitForWindowExposed(&page.area));
        QVERIFY(!page.spin->hasFocus());
        const int scrolled_before = page.area.verticalScrollBar()->value();
        turn_wheel_down(*page.spin);
        QCOMPARE(page.spin->value(), 50);
        QVERIFY2(page.area.verticalScrollBar()->value() > scrolled_before,
                 "the wheel did not reach the scroll area");
    }

    void anUnfocusedComboBoxKeepsItsChoice() {
        Page page;
        QVERIFY(QTest::qWaitForWindowExposed(&page.area));
        QVERIFY(!page.combo->hasFocus());
        turn_wheel_down(*page.combo);
        QCOMPARE(page.combo->currentIndex(), 1);
    }

    void aFocusedSpinBoxTakesTheWheel() {
        Page page;
        page.area.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&page.area));
        page.spin->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(page.spin->hasFocus());
        turn_wheel_down(*page.spin);
        QCOMPARE(page.spin->value(), 49);
    }

    void theWheelDoesNotGiveThemFocus() {
        Page page;
        QVERIFY(QTest::qWaitForWindowExposed(&page.area));
        QCOMPARE(page.spin->focusPolicy(), Qt::StrongFocus);
        QCOMPARE(page.combo->focusPolicy(), Qt::StrongFocus);
    }
};

QTEST_MAIN(WheelGuardTest)
#include "WheelGuardTest.moc"
