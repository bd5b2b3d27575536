// In front of a clinician the screens speak plainly: the device bar shows one quiet word for
// the link (the counts and the rate are in its tooltip), and no page shows the bare technical
// names "PTI", "Excursions", "tolerance none" or "samples compared" (issue 18 item 13).
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "algocore/acquisition/Acquisition.h"
#include "algocore/session/Workbench.h"
#include "algogui/Banner.h"
#include "algogui/DeviceBar.h"
#include "algogui/LiveFeed.h"
#include "algogui/MainWindow.h"
#include "algogui/Preferences.h"
#include "algogui/ToneOutput.h"

using algogui::DeviceBar;

namespace {

algocore::AcquisitionStatus streaming(std::uint64_t delivered, std::uint64_t lost,
                                      std::uint64_t bad) {
    algocore::AcquisitionStatus status;
    status.link = algocore::AcquisitionStatus::Link::Connected;
    status.sample_rate_hz = 1001.0;
    status.samples_delivered = delivered;
    status.driver.samples_lost = lost;
    status.driver.bad_frames = bad;
    return status;
}

// Every text a page shows: labels, buttons' and tables' header texts.
QStringList shown_texts(const QWidget& root) {
    QStringList texts;
    for (const QLabel* label : root.findChildren<QLabel*>())
        texts << label->text();
    for (const QTableWidget* table : root.findChildren<QTableWidget*>())
        for (int c = 0; c < table->columnCount(); ++c)
            if (const QTableWidgetItem* item = table->horizontalHeaderItem(c))
                texts << item->text();
    return texts;
}

// A main window over a workbench of its own, its files in a scratch folder.
struct Station {
    QTemporaryDir dir;
    algogui::Preferences prefs{dir.filePath(QStringLiteral("prefs.ini"))};
    algocore::session::Workbench workbench{options(dir)};
    algogui::MainWindow window{prefs, std::make_unique<algogui::SilentToneOutput>(), &workbench};

    QString path(const char* name) const { return dir.filePath(QString::fromLatin1(name)); }
    static algocore::session::WorkbenchOptions options(const QTemporaryDir& dir) {
        algocore::session::WorkbenchOptions o;
        o.calibration_root = dir.filePath(QStringLiteral("calibrations")).toStdString();
        return o;
    }
};

} // namespace

class PlainWordsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theDeviceBarShowsOneQuietWordAndKeepsTheNumbersInItsTooltip() {
        DeviceBar bar;
        bar.show();
        // Ten thousand readings lost in a bad first minute, then a whole stream.
        bar.show_status(streaming(50'000, 10'381, 0), true, nullptr);
        QCOMPARE(bar.signal_text(), QStringLiteral("● Signal good"));
        bar.show_status(streaming(60'000, 10'381, 0), true, nullptr);
        QCOMPARE(bar.signal_text(), QStringLiteral("● Signal good"));
        for (const QString& text : shown_texts(bar)) {
            QVERIFY2(!text.contains(QStringLiteral("10381")), qPrintable(text));
            QVERIFY2(!text.contains(QStringLiteral("Hz")), qPrintable(text));
            QVERIFY2(!text.contains(QStringLiteral("lost ")), qPrintable(text));
        }
        QVERIFY2(bar.signal_tooltip().contains(QStringLiteral("1001 readings per second")),
                 qPrintable(bar.signal_tooltip()));
        QVERIFY2(bar.signal_tooltip().contains(QStringLiteral("10381 lost, 0 damaged")),
                 qPrintable(bar.signal_tooltip()));

        // Losses now: the word changes.
        bar.show_status(streaming(60'500, 10'881, 0), true, nullptr);
        QCOMPARE(bar.signal_text(), QStringLiteral("● Signal poor"));
        bar.show_status({}, false, nullptr);
        QCOMPARE(bar.signal_text(), QStringLiteral("● Not connected"));
    }

    void noPageShowsTheBareTechnicalNames() {
        Station station;
        QCOMPARE(station.workbench.open_database(station.path("s.sqlite").toStdString()),
                 std::string());
        algogui::MainWindow& window = station.window;
        window.resize(1280, 800);
        window.show();
        const QStringList jargon{QStringLiteral("PTI"), QStringLiteral("Excursions"),
                                 QStringLiteral("tolerance none"),
                                 QStringLiteral("samples compared"), QStringLiteral("lost 0")};
        for (const QString& text : shown_texts(window))
            for (const QString& word : jargon)
                QVERIFY2(!text.contains(word), qPrintable(text));
        // The plain captions say what they are in their tooltips.
        int explained = 0;
        for (const QLabel* label : window.findChildren<QLabel*>())
            if (label->text() == QStringLiteral("Band exits") ||
                label->text() == QStringLiteral("Pressure × time"))
                explained += label->toolTip().isEmpty() ? 0 : 1;
        QVERIFY2(explained >= 3, qPrintable(QString::number(explained)));
    }

    void aRememberedPortThatIsNotPluggedInIsWaitedForQuietly() {
        Station station;
        algogui::MainWindow& window = station.window;
        window.resize(1280, 800);
        window.show();
        // The algometer used last time, not plugged in this morning.
        algogui::DeviceChoice remembered;
        remembered.port = station.path("ttyALGO");
        remembered.driver = QStringLiteral("native");
        window.connect_remembered_device(remembered);
        QVERIFY(window.waiting_for_remembered_device());
        QVERIFY2(window.banner().text().isEmpty(), qPrintable(window.banner().text()));
        QCOMPARE(window.device_bar().state_text(), QStringLiteral("● waiting for ttyALGO"));

        // Plugged in: a terminal appears at the remembered path and is opened, still quietly.
        const int device = posix_openpt(O_RDWR | O_NOCTTY);
        QVERIFY(device >= 0);
        QVERIFY(grantpt(device) == 0 && unlockpt(device) == 0);
        QVERIFY(::symlink(ptsname(device), remembered.port.toLocal8Bit().constData()) == 0);
        QTRY_VERIFY_WITH_TIMEOUT(!window.waiting_for_remembered_device(),
                                 3 * algogui::MainWindow::kRetryRememberedMs);
        QVERIFY(window.feed().connected());
        QVERIFY(!window.device_bar().state_text().contains(QStringLiteral("waiting")));
        QVERIFY2(window.banner().text().isEmpty(), qPrintable(window.banner().text()));
        window.feed().disconnect_device();
        ::close(device);
    }

    void aPortAskedForByTheUserStillSaysWhyItCannotOpen() {
        Station station;
        algogui::MainWindow& window = station.window;
        algogui::DeviceChoice chosen;
        chosen.port = station.path("ttyNONE");
        chosen.driver = QStringLiteral("native");
        QVERIFY(!window.connect_device(chosen));
        QVERIFY(!window.waiting_for_remembered_device());
        QVERIFY2(window.banner().text().contains(QStringLiteral("Cannot open")),
                 qPrintable(window.banner().text()));
    }
};

QTEST_MAIN(PlainWordsTest)
#include "PlainWordsTest.moc"
