// Every page at 1024×640, 1280×800 and 1920×1080 (and the coach view): the window takes the
// size asked (nothing forces it bigger than the screen), every label, button and combo box
// shows its text whole, nothing sticks out of the window or its panel, and no panel lies over
// another. Once on the empty pages, once while each page's demo runs on the simulator (the
// states a therapist sees: a trial with its retest prompt, a hold under way, an attempt).
#include <QAbstractButton>
#include <QHeaderView>
#include <QScrollBar>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "LayoutChecks.h"
#include "algocore/protocols/DoseMetrics.h"
#include "algocore/session/Workbench.h"
#include "algogui/Banner.h"
#include "algogui/CoachPrompt.h"
#include "algogui/CoachView.h"
#include "algogui/HoldTimerPanel.h"
#include "algogui/LiveFeed.h"
#include "algogui/MainWindow.h"
#include "algogui/Preferences.h"
#include "algogui/PressureReadout.h"
#include "algogui/RampRateGauge.h"
#include "algogui/TargetEditor.h"
#include "algogui/ToneOutput.h"
#include "algogui/thresholds/ThresholdsPage.h"
#include "algogui/thresholds/TrialTable.h"
#include "algogui/treatment/HoldSummaryPanel.h"
#include "algogui/treatment/TreatmentPage.h"

using namespace algogui;

namespace {

const QStringList kPages = {QStringLiteral("Live"),        QStringLiteral("Thresholds"),
                            QStringLiteral("Treatment"),   QStringLiteral("Training"),
                            QStringLiteral("Calibration"), QStringLiteral("Reliability")};
const QList<QSize> kSizes = {{1024, 640}, {1280, 800}, {1920, 1080}};

// A window on a scratch database, as the app opens one.
struct Station {
    QTemporaryDir dir;
    Preferences prefs{dir.filePath(QStringLiteral("prefs.ini"))};
    algocore::session::Workbench workbench;
    std::string opened =
        workbench.open_database(dir.filePath(QStringLiteral("a.sqlite")).toStdString());
    MainWindow window{prefs, std::make_unique<SilentToneOutput>(), &workbench};

    QWidget* show_page(const QString& title, const QSize& size) {
        window.resize(size);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window)) return nullptr;
        auto* pages = window.findChild<QTabWidget*>();
        for (int i = 0; pages && i < pages->count(); ++i) {
            if (pages->tabText(i).remove(QLatin1Char('&')) == title) {
                pages->setCurrentIndex(i);
                QTest::qWait(50);
                return pages->widget(i);
            }
        }
        return nullptr;
    }
};

void check_window(const QWidget& window, const QSize& size) {
    QCOMPARE(window.size(), size);
    const QStringList problems = layout_checks::text_that_does_not_fit(window) +
                                 layout_checks::widgets_cut_off(window) +
                                 layout_checks::panels_overlapping(window);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("\n"))));
    // The ramp gauge paints its caption itself: the rate and the target must show whole.
    for (const RampRateGauge* gauge : window.findChildren<RampRateGauge*>()) {
        if (gauge->isVisible()) QVERIFY2(gauge->caption_fits(), qPrintable(gauge->caption_text()));
    }
}

// Where every visible button of the window is on the screen.
QMap<const QAbstractButton*, QPoint> button_positions(const QWidget& window) {
    QMap<const QAbstractButton*, QPoint> at;
    for (const QAbstractButton* button : window.findChildren<QAbstractButton*>())
        if (button->isVisible()) at.insert(button, button->mapToGlobal(QPoint(0, 0)));
    return at;
}

QStringList buttons_moved(const QMap<const QAbstractButton*, QPoint>& before,
                          const QMap<const QAbstractButton*, QPoint>& after) {
    QStringList moved;
    for (auto it = before.begin(); it != before.end(); ++it) {
        const QPoint now = after.value(it.key(), QPoint(-1, -1));
        if (now != it.value())
            moved << QStringLiteral("%1 from %2,%3 to %4,%5")
                         .arg(layout_checks::describe(it.key()))
                         .arg(it.value().x())
                         .arg(it.value().y())
                         .arg(now.x())
                         .arg(now.y());
    }
    return moved;
}

// Trials with the longest things a row can say: a retest, a cut-off threshold, a rate at the
// button off target, a trial excluded with its reason and flags, one not stored yet.
std::vector<PptTrialRow> widest_trial_rows() {
    using namespace algocore::protocols;
    std::vector<PptTrialRow> rows;
    for (int n = 1; n <= 4; ++n) {
        PptTrialRow row;
        row.number = n;
        row.record_id = n < 4 ? 1000 + n : 0;
        row.trial.number = n;
        row.trial.counted = n != 3;
        row.trial.retest = n == 2;
        PptTrialResult& r = row.trial.result;
        r.end = n == 1 ? PptTrialEnd::CutOff : PptTrialEnd::Signalled;
        r.ppt_kpa = 1234.5;
        r.rate_kpa_s = 123.4;
        r.rate_at_button_kpa_s = 180.5;
        r.in_corridor_pct = 100.0;
        r.flags = n == 1 ? kCutOff : kRateAtButton | kShortRest | kLowCorridorFraction;
        r.valid = n != 3;
        if (n == 3) row.excluded_reason = "patient moved during the ramp";
        rows.push_back(row);
    }
    return rows;
}

void add_rows(const QList<QSize>& sizes) {
    QTest::addColumn<QString>("page");
    QTest::addColumn<QSize>("size");
    for (const QString& page : kPages) {
        for (const QSize& size : sizes) {
            QTest::addRow("%s %dx%d", qPrintable(page), size.width(), size.height())
                << page << size;
        }
    }
}

} // namespace

class PageLayoutTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theWindowFitsTheSmallestScreenWithItsTitleBar() {
        Station station;
        // 1024×640 less a title bar and a panel: the window must be able to be this small.
        const QSize smallest =
            station.window.minimumSizeHint().expandedTo(station.window.minimumSize());
        QVERIFY2(smallest.width() <= 1024 && smallest.height() <= 580,
                 qPrintable(QStringLiteral("%1x%2").arg(smallest.width()).arg(smallest.height())));
    }

    void everyPageFitsAtEachSize_data() { add_rows(kSizes); }
    void everyPageFitsAtEachSize() {
        QFETCH(QString, page);
        QFETCH(QSize, size);
        Station station;
        QVERIFY(station.opened.empty());
        QVERIFY(station.show_page(page, size));
        check_window(station.window, size);
    }

    // A banner appearing, and going, moves no button of the page: it pushed the page down by
    // its height (29 px), and the control about to be clicked moved away under the pointer. It
    // lies in the window's bottom row, over no control, and says its whole message in a tooltip.
    void aBannerMovesNoButtonWhenItAppearsAndGoes_data() {
        QTest::addColumn<QSize>("size");
        for (const QSize& size : kSizes)
            QTest::addRow("%dx%d", size.width(), size.height()) << size;
    }
    void aBannerMovesNoButtonWhenItAppearsAndGoes() {
        QFETCH(QSize, size);
        Station station;
        QVERIFY(station.show_page(QStringLiteral("Thresholds"), size));
        const auto before = button_positions(station.window);
        QVERIFY(before.size() > 10);
        Banner& banner = station.window.banner();
        const QString message =
            QStringLiteral("Database /home/clinic/studies/knee-oa/station-a.sqlite cannot be "
                           "used: it is locked by another program — no database is open");
        banner.show_message(BannerLevel::Error, message);
        QTest::qWait(50);
        QVERIFY(banner.isVisible());
        QCOMPARE(banner.text(), QStringLiteral("✖ ") + message);
        QVERIFY2(buttons_moved(before, button_positions(station.window)).isEmpty(),
                 qPrintable(buttons_moved(before, button_positions(station.window))
                                .join(QStringLiteral("\n"))));
        // It covers no button (of what a scrolled column shows of it), and shows whole or
        // says itself whole in its tooltip (check_window).
        const QRect banner_on_screen(banner.mapToGlobal(QPoint(0, 0)), banner.size());
        for (auto it = before.begin(); it != before.end(); ++it) {
            const QRect shown = it.key()->visibleRegion().boundingRect();
            if (shown.isEmpty()) continue;
            const QRect button(it.key()->mapToGlobal(shown.topLeft()), shown.size());
            QVERIFY2(!button.intersects(banner_on_screen),
                     qPrintable(layout_checks::describe(it.key())));
        }
        check_window(station.window, size);
        banner.dismiss();
        QTest::qWait(50);
        QVERIFY(!banner.isVisible());
        QVERIFY2(buttons_moved(before, button_positions(station.window)).isEmpty(),
                 qPrintable(buttons_moved(before, button_positions(station.window))
                                .join(QStringLiteral("\n"))));
    }

    // The Thresholds trial table fits its width at every size: no scrolling sideways (at
    // 1024×640 it needed a horizontal scroll bar to reach Flags, Valid and Stored); a cell cut
    // short says itself whole in its tooltip.
    void theTrialTableFitsItsWidthAtEachSize_data() {
        QTest::addColumn<QSize>("size");
        for (const QSize& size : kSizes)
            QTest::addRow("%dx%d", size.width(), size.height()) << size;
    }
    void theTrialTableFitsItsWidthAtEachSize() {
        QFETCH(QSize, size);
        Station station;
        QVERIFY(station.show_page(QStringLiteral("Thresholds"), size));
        auto* page = station.window.findChild<ThresholdsPage*>();
        QVERIFY(page);
        TrialTable& table = page->trial_table();
        const auto rows = widest_trial_rows();
        const std::vector<bool> superseded = {false, true, false, false};
        const std::vector<std::optional<double>> estimates(rows.size(), 1188.4);
        table.show_rows(rows, superseded, estimates, 250.0);
        QTest::qWait(50);
        QVERIFY(table.isVisible());
        QVERIFY2(!table.horizontalScrollBar()->isVisible(),
                 qPrintable(QStringLiteral("scrolls sideways: %1 px of columns in %2 px")
                                .arg(table.horizontalHeader()->length())
                                .arg(table.viewport()->width())));
        QVERIFY2(table.horizontalHeader()->length() <= table.viewport()->width(),
                 qPrintable(QStringLiteral("%1 px of columns in %2 px")
                                .arg(table.horizontalHeader()->length())
                                .arg(table.viewport()->width())));
        for (int c = 0; c < TrialTable::ColumnCount; ++c) {
            QVERIFY2(table.isColumnHidden(c) || table.columnWidth(c) > 0,
                     qPrintable(QString::number(c)));
            for (int r = 0; r < table.rowCount(); ++r)
                QCOMPARE(table.item(r, c)->toolTip(), table.item(r, c)->text());
            const QString header = table.horizontalHeaderItem(c)->text();
            QVERIFY2(table.horizontalHeaderItem(c)->toolTip().startsWith(
                         QString(header).replace(QLatin1Char('\n'), QLatin1Char(' '))),
                     qPrintable(header));
        }
        check_window(station.window, size);
    }

    // The Live page's targets show whole (they were a scrolled box showing half a row at every
    // size), with a banner showing, and the hold timer's clocks do not overlap.
    void theLiveTargetsShowWholeAtEachSize_data() {
        QTest::addColumn<QSize>("size");
        for (const QSize& size : kSizes)
            QTest::addRow("%dx%d", size.width(), size.height()) << size;
    }
    void theLiveTargetsShowWholeAtEachSize() {
        QFETCH(QSize, size);
        Station station;
        station.window.banner().show_message(
            BannerLevel::Info, QStringLiteral("Connected: Algoscope native device (protocol 1.1), "
                                              "serial SIM-00000001, firmware 0.1.0, 1000 Hz"));
        QWidget* live = station.show_page(QStringLiteral("Live"), size);
        QVERIFY(live);
        auto* editor = live->findChild<TargetEditor*>();
        QVERIFY(editor);
        QVERIFY2(editor->height() >= editor->sizeHint().height(),
                 qPrintable(QStringLiteral("%1 of %2 px shown")
                                .arg(editor->height())
                                .arg(editor->sizeHint().height())));
        const QRect shown = editor->visibleRegion().boundingRect();
        QCOMPARE(shown.height(), editor->height());
        auto* timer = live->findChild<HoldTimerPanel*>();
        QVERIFY(timer);
        QVERIFY2(timer->height() >= timer->minimumSizeHint().height(),
                 qPrintable(QString::number(timer->height())));
        check_window(station.window, size);
    }

    // After Stop the hold's summary shows under the trace; at 1024×640 it cut "Stopped" and
    // "334 kPa" short. Its widest numbers, at each size.
    void theHoldSummaryFitsAtEachSize_data() {
        QTest::addColumn<QSize>("size");
        for (const QSize& size : kSizes)
            QTest::addRow("%dx%d", size.width(), size.height()) << size;
    }
    void theHoldSummaryFitsAtEachSize() {
        QFETCH(QSize, size);
        Station station;
        QVERIFY(station.show_page(QStringLiteral("Treatment"), size));
        auto* page = station.window.findChild<TreatmentPage*>();
        QVERIFY(page);
        algocore::protocols::DoseMetrics widest;
        widest.duration_s = 1234.5;
        widest.time_in_band_s = 1188.8;
        widest.time_in_band_pct = 100.0;
        widest.mean_kpa = 334.4;
        widest.median_kpa = 888.8;
        widest.peak_kpa = 1888.8;
        widest.cv_pct = 88.8;
        widest.pti_kpa_s = 888888.0;
        widest.excursions = 88;
        widest.step_ups = 88;
        // The device was lost twice during it: the summary says so under the figures.
        widest.signal_losses = {{12.0, 10.3}, {70.4, 1.5}};
        page->summary().show_hold(widest, station.window.unit());
        QTest::qWait(50);
        check_window(station.window, size);
    }

    // Read from two metres: on a 1920×1080 screen the Treatment readout takes at least a sixth
    // of the screen (it was about 4 %); on the smallest screen the page still fits (above).
    void theTreatmentReadoutIsASixthOfALargeScreen() {
        Station station;
        const QSize screen(1920, 1080);
        QVERIFY(station.show_page(QStringLiteral("Treatment"), screen));
        auto* page = station.window.findChild<TreatmentPage*>();
        QVERIFY(page);
        const QSize readout = page->readout().size();
        const double share =
            double(readout.width()) * readout.height() / (double(screen.width()) * screen.height());
        QVERIFY2(share >= 1.0 / 6.0, qPrintable(QStringLiteral("%1x%2: %3 % of the screen")
                                                    .arg(readout.width())
                                                    .arg(readout.height())
                                                    .arg(100.0 * share, 0, 'f', 1)));
        check_window(station.window, screen);
    }

    // The demo states at the smallest size, where they are hardest to fit.
    void everyPageFitsWhileItsDemoRuns_data() { add_rows({kSizes.front()}); }
    void everyPageFitsWhileItsDemoRuns() {
        QFETCH(QString, page);
        QFETCH(QSize, size);
        Station station;
        QWidget* shown = station.show_page(page, size);
        QVERIFY(shown);
        DeviceChoice choice;
        choice.scenario = page == QStringLiteral("Thresholds") ? QStringLiteral("ppt-ramp")
                                                               : QStringLiteral("sustained-hold");
        QVERIFY(station.window.connect_device(choice));
        if (shown->metaObject()->indexOfSlot("start_demo()") >= 0)
            QMetaObject::invokeMethod(shown, "start_demo");
        QTest::qWait(page == QStringLiteral("Thresholds") ? 12000 : 6000);
        check_window(station.window, size);
    }

    void theCoachViewFitsAtEachSizeWithItsLongestPrompt_data() {
        QTest::addColumn<QSize>("size");
        for (const QSize& size : kSizes)
            QTest::addRow("%dx%d", size.width(), size.height()) << size;
    }
    void theCoachViewFitsAtEachSizeWithItsLongestPrompt() {
        QFETCH(QSize, size);
        CoachView coach;
        coach.resize(size);
        coach.show();
        QVERIFY(QTest::qWaitForWindowExposed(&coach));
        coach.show_prompt(CoachPrompt::rest(599, 3, 3));
        QTest::qWait(20);
        check_window(coach, size);
        coach.show_prompt(CoachPrompt::step_up(1234.5));
        QTest::qWait(20);
        check_window(coach, size);
    }
};

QTEST_MAIN(PageLayoutTest)
#include "PageLayoutTest.moc"
