// The History page as a therapist reads it: the newest session first, each point's mean with
// its change and verdict, holds with their dose, every number in the chosen unit, no cell cut
// at 1024 x 640, and answers that arrive after the page is gone are dropped.
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTableWidget>
#include <QtTest>

#include "HistoryRecords.h"
#include "algogui/history/HistoryPage.h"

using namespace algogui;
using algocore::records::BodySide;

namespace {

algotest::HistoryRecords records() {
    algotest::HistoryRecords r;
    const auto a = r.session("2026-01-05");
    const auto b = r.session("2026-02-05");
    for (double v : {300.0, 310.0, 320.0})
        r.trial(a, 10, BodySide::Left, v);
    for (double v : {390.0, 400.0, 410.0})
        r.trial(b, 10, BodySide::Left, v);
    for (double v : {420.0, 440.0})
        r.trial(b, 10, BodySide::Right, v);
    r.hold(b);
    return r;
}

// Every cell's text fits its column (nothing elided) and every column is in view.
bool every_cell_fits(QTableWidget& t) {
    if (t.horizontalScrollBar()->isVisible()) return false;
    const QFontMetrics fm(t.font());
    for (int c = 0; c < t.columnCount(); ++c) {
        const int width = t.columnWidth(c);
        const QString header = t.horizontalHeaderItem(c) ? t.horizontalHeaderItem(c)->text() : "";
        if (c + 1 < t.columnCount())
            for (const QString& line : header.split(QLatin1Char('\n')))
                if (QFontMetrics(t.horizontalHeader()->font()).horizontalAdvance(line) + 8 > width)
                    return false;
        for (int r = 0; r < t.rowCount(); ++r) {
            if (!t.item(r, c)) continue;
            // A cell of two lines (a change and its verdict) must fit line by line, and in height.
            const QStringList lines = t.item(r, c)->text().split(QLatin1Char('\n'));
            for (const QString& line : lines)
                if (fm.horizontalAdvance(line) + 6 > width) return false;
            if (static_cast<int>(lines.size()) * fm.lineSpacing() > t.rowHeight(r)) return false;
        }
    }
    return true;
}

} // namespace

class HistoryPageTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void showsTheNewestSessionWithItsChangeAndVerdict() {
        HistoryPage page({});
        page.resize(1000, 560);
        page.show();
        page.show_records(records().records);
        QCOMPARE(page.sessions_table().rowCount(), 2);
        QCOMPARE(page.sessions_table().item(0, 0)->text(), QStringLiteral("2026-02-05"));
        QTableWidget& points = page.points_table();
        QCOMPARE(points.rowCount(), 2);
        QCOMPARE(points.item(0, 0)->text(), QStringLiteral("Upper trapezius L"));
        QCOMPARE(points.item(0, 1)->text(), QStringLiteral("3/3"));
        QCOMPARE(points.item(0, 2)->text(), QStringLiteral("400 ± 10"));
        QCOMPARE(points.item(0, 3)->text(), QStringLiteral("+90\nreal increase"));
        QCOMPARE(points.item(0, 5)->text(), QStringLiteral("7 % L"));
        QCOMPARE(points.item(0, 6)->text(), QStringLiteral("47 (built-in)"));
        QCOMPARE(points.item(0, 6)->toolTip(),
                 QStringLiteral("built-in default (Walton et al. 2011)"));
        QCOMPARE(points.item(1, 3)->text(), QStringLiteral("first"));
        QCOMPARE(page.holds_table().rowCount(), 1);
        QCOMPARE(page.holds_table().item(0, 3)->text(), QStringLiteral("85 s (92 %)"));
        QCOMPARE(page.holds_table().item(0, 7)->text(), QStringLiteral("4/10"));
        // The older session has its own numbers.
        page.sessions_table().setCurrentCell(1, 0);
        QCOMPARE(points.rowCount(), 1);
        QCOMPARE(points.item(0, 2)->text(), QStringLiteral("310 ± 10"));
    }

    // With a reaction time, each point's threshold has its RT-adjusted estimate on a second
    // line (mean of the counted trials' estimates), labelled as one; the session says which
    // reaction time it uses. A visit before the test has none.
    void theEstimateStandsUnderTheThresholdLabelledAsAnEstimate() {
        auto r = records();
        for (auto& t : r.records.trials)
            t.rate_at_button_kpa_s = 50.0;
        algocore::records::ReactionTest test;
        test.id = 1;
        test.session_id = r.records.sessions[1].id;
        test.median_ms = 250.0;
        test.complete = true;
        r.records.reaction_tests.push_back(test);
        HistoryPage page({});
        page.resize(980, 500); // the page's share of a 1024 x 640 window
        page.show();
        page.show_records(r.records);
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTableWidget& points = page.points_table();
        // 390, 400, 410 kPa at 50 kPa/s with 250 ms: 12.5 kPa less each.
        QCOMPARE(points.item(0, 2)->text(), QStringLiteral("400 ± 10\nRT-adj. ≈ 388"));
        QVERIFY(points.item(0, 2)->toolTip().contains(QStringLiteral("an estimate")));
        QVERIFY(page.sessions_table().item(0, 0)->toolTip().contains(
            QStringLiteral("reaction time of 250 ms")));
        QVERIFY(every_cell_fits(points));
        page.sessions_table().setCurrentCell(1, 0);
        QCOMPARE(points.item(0, 2)->text(), QStringLiteral("310 ± 10"));
    }

    void aLabsOwnMdcIsNamedAndDecidesTheVerdict() {
        auto r = records();
        algocore::records::SiteMdcRecord lab;
        lab.id = 1;
        lab.site_key = "upper_trapezius";
        lab.side = BodySide::Left;
        lab.mdc_kpa = 120.0;
        lab.source = "ICC(2,1) 0.85, 20 subjects x 2 sessions; lab.db";
        lab.computed_utc = "2026-03-01T10:00:00Z";
        r.records.site_mdc = {lab};
        HistoryPage page({});
        page.resize(980, 500); // the page's share of a 1024 x 640 window
        page.show();
        page.show_records(r.records);
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTableWidget& points = page.points_table();
        QCOMPARE(points.item(0, 0)->text(), QStringLiteral("Upper trapezius L"));
        // +90 kPa is a real increase against the built-in 47 kPa, not against the lab's 120.
        QCOMPARE(points.item(0, 3)->text(), QStringLiteral("+90\nno real change"));
        QCOMPARE(points.item(0, 6)->text(), QStringLiteral("120 (this lab)"));
        QCOMPARE(points.item(0, 6)->toolTip(),
                 QStringLiteral("this lab (2026-03-01): ICC(2,1) 0.85, 20 subjects x 2 sessions; "
                                "lab.db"));
        QVERIFY(points.item(0, 3)->toolTip().contains(QStringLiteral("MDC 120 kPa, this lab")));
        QCOMPARE(points.item(1, 6)->text(), QStringLiteral("47 (built-in)"));
        QVERIFY(every_cell_fits(points));
    }

    void everyNumberFollowsTheChosenUnit() {
        HistoryPage page({});
        page.show_records(records().records);
        page.set_unit(display_unit(QStringLiteral("kgf_cm2")));
        QCOMPARE(page.points_table().horizontalHeaderItem(2)->text(),
                 QStringLiteral("Mean ± SD\n(kgf/cm²)"));
        QCOMPARE(page.points_table().item(0, 2)->text(), QStringLiteral("4.08 ± 0.10"));
        QCOMPARE(page.holds_table().horizontalHeaderItem(5)->text(),
                 QStringLiteral("Pressure × time (kgf/cm²·s)"));
        QCOMPARE(page.holds_table().item(0, 4)->text(), QStringLiteral("2.81"));
    }

    // Item 4 of issue 18: a hold whose signal was lost says how long and when, and that its
    // duration includes it; a hold recorded before losses were measured says so.
    void aHoldsSignalLossIsShownWithWhetherTheFiguresIncludeIt() {
        auto r = records();
        r.hold(r.records.sessions.back().id).metrics.signal_losses =
            std::vector<algocore::records::SignalLossRecord>{{20.0, 10.25}};
        HistoryPage page({});
        page.resize(980, 500);
        page.show();
        page.show_records(r.records);
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTableWidget& holds = page.holds_table();
        QCOMPARE(holds.rowCount(), 2);
        QCOMPARE(holds.horizontalHeaderItem(8)->text(), QStringLiteral("Signal lost"));
        QStringList cells;
        for (int row = 0; row < holds.rowCount(); ++row)
            cells << holds.item(row, 8)->text();
        cells.sort();
        QCOMPARE(cells,
                 (QStringList{QStringLiteral("10.2 s at 0:20"), QStringLiteral("not measured")}));
        for (int row = 0; row < holds.rowCount(); ++row) {
            if (holds.item(row, 8)->text() != QStringLiteral("10.2 s at 0:20")) continue;
            const QString said = QStringLiteral(
                "Signal lost 10.2 s at 0:20: the duration includes it; in band, mean and PTI "
                "are over the 81.8 s with signal.");
            QCOMPARE(holds.item(row, 8)->toolTip(), said);
            QCOMPARE(holds.item(row, 2)->toolTip(), said); // where the duration is read
        }
        QVERIFY(every_cell_fits(holds));
    }

    void noCellIsCutAtTheSmallestWindow() {
        HistoryPage page({});
        page.resize(980, 500); // the page's share of a 1024 x 640 window
        page.show();
        page.show_records(records().records);
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(every_cell_fits(page.sessions_table()));
        QVERIFY(every_cell_fits(page.points_table()));
        QVERIFY(every_cell_fits(page.holds_table()));
    }

    // Item 1 of issue 18: with a session row selected, another code typed and Open clicked
    // must replace every number (the points table and the trend), not only the session list.
    void anotherSubjectTypedAndOpenedReplacesEveryNumber() {
        auto s03 = records();
        s03.records.subject = {1, "S03", {}, {}, {}, ""};
        algotest::HistoryRecords s05;
        s05.records.subject = {2, "S05", {}, {}, {}, ""};
        const auto day = s05.session("2026-02-05"); // same row (the newest) as S03's
        for (double v : {200.0, 210.0, 220.0})
            s05.trial(day, 10, BodySide::Left, v);
        HistoryStore store;
        store.subject = [&](QString code, std::function<void(SubjectAnswer)> done) {
            done({code == QStringLiteral("S05") ? s05.records : s03.records, {}});
        };
        HistoryPage page(store);
        page.resize(1000, 560);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.open_subject(QStringLiteral("S03"));
        QCOMPARE(page.points_table().item(0, 2)->text(), QStringLiteral("400 ± 10"));
        auto* subject = page.findChild<QComboBox*>();
        QVERIFY(subject && subject->isEditable());
        subject->lineEdit()->selectAll();
        QTest::keyClicks(subject->lineEdit(), QStringLiteral("S05"));
        QPushButton* open = nullptr;
        for (auto* button : page.findChildren<QPushButton*>())
            if (button->text() == QStringLiteral("Open")) open = button;
        QVERIFY(open);
        QTest::mouseClick(open, Qt::LeftButton);
        QCOMPARE(page.history().subject().code, std::string("S05"));
        QCOMPARE(page.points_table().rowCount(), 1);
        QCOMPARE(page.points_table().item(0, 2)->text(), QStringLiteral("210 ± 10"));
        QCOMPARE(page.points_table().item(0, 3)->text(), QStringLiteral("first"));
    }

    // At start the page opens the subject in view (algoscope --subject CODE), not the most
    // recently added one.
    void atStartTheSubjectInViewIsOpenedNotTheNewest() {
        QString asked;
        HistoryStore store;
        store.subjects = [](std::function<void(QStringList, QString)> done) {
            done({QStringLiteral("S014"), QStringLiteral("S099")}, {});
        };
        store.subject = [&](QString code, std::function<void(SubjectAnswer)> done) {
            asked = code;
            done({records().records, {}});
        };
        store.subject_in_view = [] { return QStringLiteral("S014"); };
        HistoryPage page(store);
        page.show();
        QCOMPARE(asked, QStringLiteral("S014"));
    }

    void aSubjectIsAskedForAndAnswersAfterThePageIsGoneAreDropped() {
        std::function<void(SubjectAnswer)> pending;
        QString asked;
        HistoryStore store;
        store.subject = [&](QString code, std::function<void(SubjectAnswer)> done) {
            asked = code;
            pending = std::move(done);
        };
        auto* page = new HistoryPage(store);
        page->open_subject(QStringLiteral(" S014 "));
        QCOMPARE(asked, QStringLiteral("S014"));
        pending({records().records, {}});
        QCOMPARE(page->sessions_table().rowCount(), 2);
        page->open_subject(QStringLiteral("S014"));
        delete page;
        pending({records().records, {}}); // must not touch the deleted page
    }
};

QTEST_MAIN(HistoryPageTest)
#include "HistoryPageTest.moc"
