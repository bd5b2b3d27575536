// The whole window on the simulated algometer: it connects, shows live pressure, and its
// screenshot is the size of the window and not blank.
#include <QtTest>

#include "algogui/Banner.h"
#include "algogui/DeviceBar.h"
#include "algogui/LiveFeed.h"
#include "algogui/LivePanel.h"
#include "algogui/MainWindow.h"
#include "algogui/Preferences.h"
#include "algogui/PressureReadout.h"
#include "algogui/Screenshot.h"
#include "algogui/ToneOutput.h"

using namespace algogui;

class MainWindowScreenshotTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void ScreenshotIsTheWindowSizeAndNotBlank() {
        QTemporaryDir dir;
        Preferences prefs(dir.filePath(QStringLiteral("prefs.ini")));
        MainWindow window(prefs, std::make_unique<SilentToneOutput>());
        window.resize(1100, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        DeviceChoice choice;
        choice.scenario = QStringLiteral("sustained-hold");
        QVERIFY(window.connect_device(choice));

        // The sustained-hold scenario rests for 3 s, then ramps at ~60 kPa/s.
        QTRY_VERIFY_WITH_TIMEOUT(window.feed().model().samples_seen() > 500, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(window.feed().model().latest().pressure_kpa > 20.0, 15000);
        QVERIFY(window.live_panel().readout().number_text() != QStringLiteral("—"));
        QTRY_VERIFY_WITH_TIMEOUT(
            window.device_bar().signal_tooltip().contains(QStringLiteral("readings per second")),
            3000);

        const QString path = dir.filePath(QStringLiteral("window.png"));
        QString error;
        QVERIFY2(save_widget_png(window, path, &error), qPrintable(error));
        const QImage image(path);
        QCOMPARE(image.size(), QSize(1100, 700));
        QVERIFY(distinct_colours(image) >= 16);
    }

    void AFailedConnectionGoesToTheBannerNotADialog() {
        QTemporaryDir dir;
        Preferences prefs(dir.filePath(QStringLiteral("prefs.ini")));
        MainWindow window(prefs, std::make_unique<SilentToneOutput>());
        window.show();
        DeviceChoice choice;
        choice.port = QStringLiteral("/dev/no-such-algometer");
        choice.driver = QStringLiteral("ascii");
        window.connect_device(choice);
        QTRY_VERIFY_WITH_TIMEOUT(window.banner().isVisible(), 3000);
        QVERIFY(!window.banner().text().isEmpty());
        QVERIFY(QApplication::activeModalWidget() == nullptr);
    }

    void SavingIntoAMissingFolderFailsWithAReason() {
        QWidget widget;
        widget.resize(100, 100);
        QString error;
        QVERIFY(!save_widget_png(widget, QStringLiteral("/no/such/folder/x.png"), &error));
        QVERIFY(error.contains(QStringLiteral("does not exist")));
    }
};

QTEST_MAIN(MainWindowScreenshotTest)
#include "MainWindowScreenshotTest.moc"
