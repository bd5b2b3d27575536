// The Class page never freezes while a server does not answer: Watch against a host that hangs
// mid-connect (libpq waits for its connect_timeout) shows that it is connecting, then says why
// it failed, and all the while the window's event loop keeps turning, also when the teacher
// presses Watch again or closes the page while the first attempt is still waiting.
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QtTest>
#include <algorithm>
#include <memory>

#include "SilentServer.h"
#include "algogui/class/ClassPage.h"

using namespace algogui::classview;

namespace {

// The event loop's heartbeat: a timer every 20 ms, and the longest gap between its ticks.
class Heartbeat {
public:
    Heartbeat() {
        timer_.setInterval(20);
        QObject::connect(&timer_, &QTimer::timeout, [this] {
            longest_ms_ = std::max(longest_ms_, since_.restart());
            ++ticks_;
        });
        since_.start();
        timer_.start();
    }
    qint64 longest_gap_ms() const { return longest_ms_; }
    int ticks() const { return ticks_; }

private:
    QTimer timer_;
    QElapsedTimer since_;
    qint64 longest_ms_ = 0;
    int ticks_ = 0;
};

// The GUI thread may stall this long (a redraw, a busy machine) without a person noticing.
constexpr qint64 kLongestStallMs = 400;
// libpq's shortest connect_timeout: the hanging server holds each attempt this long.
constexpr int kConnectTimeoutS = 2;

} // namespace

class ClassWatchNoFreezeTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void watchingAServerThatHangsMidConnectNeverFreezesThePage() {
        algotest::SilentServer silent;
        QVERIFY(silent.port() > 0);
        auto page =
            std::make_unique<ClassPage>(QString::fromStdString(silent.address(kConnectTimeoutS)),
                                        QStringLiteral("teacher"), [] { return std::string(); });
        page->resize(1280, 800);
        page->show();
        QVERIFY(QTest::qWaitForWindowExposed(page.get()));
        QTest::keyClicks(&page->class_field(), QStringLiteral("7b"));

        Heartbeat heartbeat;
        QTest::mouseClick(&page->watch_button(), Qt::LeftButton);
        // It says it is connecting while libpq waits for the silent server.
        QCOMPARE(page->status_label().text(), QStringLiteral("Connecting to class 7b…"));
        QTest::qWait(600);
        QCOMPARE(page->status_label().text(), QStringLiteral("Connecting to class 7b…"));
        // The teacher corrects the class's name and presses Watch again while the first
        // attempt still waits: the page lets it go, it does not wait for it.
        page->class_field().setText(QStringLiteral("7c"));
        QElapsedTimer pressed;
        pressed.start();
        QTest::mouseClick(&page->watch_button(), Qt::LeftButton);
        QVERIFY2(pressed.elapsed() < kLongestStallMs,
                 qPrintable(QString::number(pressed.elapsed())));
        QCOMPARE(page->status_label().text(), QStringLiteral("Connecting to class 7c…"));
        // Then the clear reason, once libpq gives up (and it keeps trying).
        QTRY_VERIFY_WITH_TIMEOUT(
            page->status_label().text().contains(QStringLiteral("timeout expired")),
            (kConnectTimeoutS + 3) * 1000);
        QVERIFY2(page->status_label().text().endsWith(QStringLiteral("(trying again)")),
                 qPrintable(page->status_label().text()));
        qInfo("%d ticks, the longest gap %lld ms; status: %s", heartbeat.ticks(),
              static_cast<long long>(heartbeat.longest_gap_ms()),
              qPrintable(page->status_label().text()));
        QVERIFY2(heartbeat.longest_gap_ms() < kLongestStallMs,
                 qPrintable(QString::number(heartbeat.longest_gap_ms())));

        // Closing the page while an attempt waits returns at once too.
        QTest::mouseClick(&page->watch_button(), Qt::LeftButton);
        QTest::qWait(300);
        QElapsedTimer closing;
        closing.start();
        page.reset();
        QVERIFY2(closing.elapsed() < kLongestStallMs,
                 qPrintable(QString::number(closing.elapsed())));
    }
};

QTEST_MAIN(ClassWatchNoFreezeTest)
#include "ClassWatchNoFreezeTest.moc"
