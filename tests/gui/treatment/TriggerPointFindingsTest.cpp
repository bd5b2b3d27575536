// Trigger-point findings on the Treatment page as a therapist records them: the five boxes,
// the class they make, the referral zone tapped and dragged on the body map (front and back),
// "Record findings", and what the store then holds; the same findings through `algoscope-cli
// findings set` store the same record. The History page lists a point's visits with the zone
// shrinking. Everything is read whole at 1024x640, 1280x800 and 1920x1080.
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QMouseEvent>
#include <QPushButton>
#include <QScrollBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "CliCommand.h"
#include "LayoutChecks.h"
#include "algocore/session/Workbench.h"
#include "algogui/Screenshot.h"
#include "algogui/bodymap/BodyMapWidget.h"
#include "algogui/history/HistoryPage.h"
#include "algogui/history/TriggerPointHistory.h"
#include "algogui/treatment/FindingsPanel.h"
#include "algogui/treatment/PointPicker.h"
#include "algogui/treatment/TreatmentPage.h"
#include "algogui/treatment/TriggerPointDialog.h"

using namespace algogui;
using algocore::records::BodySide;
using algocore::records::Finding;
using algocore::records::RegionRef;

namespace {

const QList<QSize> kSizes = {QSize(1024, 640), QSize(1280, 800), QSize(1920, 1080)};

void click_box(QCheckBox* box) {
    QVERIFY(box);
    QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(8, box->height() / 2));
}

void send_mouse(QWidget& w, QEvent::Type type, QPointF at, Qt::MouseButtons buttons) {
    QMouseEvent event(type, at, w.mapToGlobal(at), Qt::LeftButton, buttons, Qt::NoModifier);
    QApplication::sendEvent(&w, &event);
}

// A tap at a region; a drag from one region's middle to another's through the points between.
void tap(BodyMapWidget& map, const RegionRef& region) {
    const auto at = map.region_centre(region);
    QVERIFY(at);
    send_mouse(map, QEvent::MouseButtonPress, *at, Qt::LeftButton);
    send_mouse(map, QEvent::MouseButtonRelease, *at, Qt::NoButton);
}

void drag(BodyMapWidget& map, const RegionRef& from, const RegionRef& to) {
    const auto a = map.region_centre(from);
    const auto b = map.region_centre(to);
    QVERIFY(a && b);
    send_mouse(map, QEvent::MouseButtonPress, *a, Qt::LeftButton);
    for (int i = 1; i <= 10; ++i)
        send_mouse(map, QEvent::MouseMove, *a + (*b - *a) * (i / 10.0), Qt::LeftButton);
    send_mouse(map, QEvent::MouseButtonRelease, *b, Qt::NoButton);
}

void check_layout(QWidget& w, const QString& name, QSize size) {
    w.resize(size);
    QTest::qWait(80);
    const QStringList problems = layout_checks::text_that_does_not_fit(w) +
                                 layout_checks::widgets_cut_off(w) +
                                 layout_checks::panels_overlapping(w);
    QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1 %2x%3: %4")
                                                .arg(name)
                                                .arg(size.width())
                                                .arg(size.height())
                                                .arg(problems.join(QStringLiteral("; ")))));
    // For docs/screenshots (scripts/screenshots.sh sets the folder).
    if (const QByteArray folder = qgetenv("ALGOSCOPE_SHOT_DIR"); !folder.isEmpty()) {
        QString error;
        QVERIFY2(save_widget_png(w,
                                 QStringLiteral("%1/%2-%3x%4.png")
                                     .arg(QString::fromLocal8Bit(folder), name)
                                     .arg(size.width())
                                     .arg(size.height()),
                                 &error),
                 qPrintable(error));
    }
}

} // namespace

class TriggerPointFindingsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theTherapistRecordsFindingsAndDrawsTheZone();
    void theHistoryShowsAPointsZoneOverTheVisits();
};

void TriggerPointFindingsTest::theTherapistRecordsFindingsAndDrawsTheZone() {
    QTemporaryDir dir;
    algocore::session::Workbench workbench;
    const std::string db = dir.filePath(QStringLiteral("clinic.sqlite")).toStdString();
    QCOMPARE(QString::fromStdString(workbench.open_database(db)), QString());
    TreatmentPage page(workbench, nullptr);
    page.resize(1024, 640);
    page.show();
    QVERIFY(!page.examine_button().isEnabled()); // no patient yet
    page.point().set_subject_code(QStringLiteral("S-TP"));
    Q_EMIT page.point().subjectEdited();
    QVERIFY(page.point().choose_site(QStringLiteral("upper_trapezius")));
    page.point().choose_side(BodySide::Right);
    QVERIFY(page.examine_button().isEnabled());

    QTest::mouseClick(&page.examine_button(), Qt::LeftButton);
    TriggerPointDialog* dialog = page.findings_dialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QTRY_COMPARE(dialog->status_text(), QStringLiteral("Not examined yet in this visit."));
    FindingsPanel& panel = dialog->findings();
    QCOMPARE(panel.class_text(), QStringLiteral("Not classified"));

    // Every box starts at "not examined": one click is present, two absent.
    click_box(panel.box("taut_band"));
    click_box(panel.box("tender_spot"));
    click_box(panel.box("local_twitch_response"));
    click_box(panel.box("local_twitch_response"));
    QCOMPARE(panel.class_text(), QStringLiteral("Not classified")); // familiar pain unknown
    click_box(panel.box("familiar_pain"));
    QCOMPARE(panel.class_text(), QStringLiteral("Active trigger point"));

    // The zone: a drag from the temple down to the jaw (front), a tap on the back of the neck
    // (back); the temple tapped again is cleared, and tapped once more is back.
    BodyMapWidget& map = dialog->map();
    QVERIFY(map.zone_editable());
    drag(map, {"temple", BodySide::Right}, {"jaw", BodySide::Right});
    tap(map, {"back_of_neck", BodySide::Right});
    const std::vector<RegionRef> zone = {
        {"temple", BodySide::Right}, {"jaw", BodySide::Right}, {"back_of_neck", BodySide::Right}};
    QVERIFY(map.zone() == zone);
    tap(map, {"temple", BodySide::Right});
    QCOMPARE(map.zone().size(), std::size_t(2));
    tap(map, {"temple", BodySide::Right});
    QVERIFY(map.zone() == zone);
    QVERIFY2(panel.zone_text().startsWith(QStringLiteral(
                 "Referred pain: temple (R); jaw (R); back of the neck (R) (3 regions, ")),
             qPrintable(panel.zone_text()));

    QTest::mouseClick(&dialog->record_button(), Qt::LeftButton);
    // The storage's answers reach the page through the workbench's inbox (the main window
    // delivers it on its frame timer).
    QTRY_VERIFY((workbench.inbox().deliver(),
                 dialog->status_text().startsWith(QStringLiteral("Recorded in this visit"))));

    // The store holds what the screen shows.
    const auto session_id = workbench.visit().session_id();
    const auto stored = workbench.storage()->findings_of(session_id);
    QCOMPARE(stored.size(), std::size_t(1));
    QVERIFY(stored[0].exam == panel.exam());
    QVERIFY(stored[0].exam.taut_band == Finding::Present);
    QVERIFY(stored[0].exam.local_twitch == Finding::Absent);
    QVERIFY(stored[0].exam.jump_sign == Finding::NotExamined);
    QVERIFY(stored[0].exam.referral == zone);
    QCOMPARE(stored[0].site_id, page.point().site().id);
    QVERIFY(stored[0].side == BodySide::Right);

    // The same findings from the command line store the same record.
    const std::string cli_db = dir.filePath(QStringLiteral("cli.sqlite")).toStdString();
    QCOMPARE(parity::cli_command({"findings",
                                  "set",
                                  "--db",
                                  cli_db,
                                  "--subject",
                                  "S-TP",
                                  "--site",
                                  "upper_trapezius",
                                  "--side",
                                  "R",
                                  "--taut-band",
                                  "yes",
                                  "--tender-spot",
                                  "yes",
                                  "--local-twitch-response",
                                  "no",
                                  "--familiar-pain",
                                  "yes",
                                  "--zone",
                                  "jaw:R",
                                  "--zone",
                                  "back_of_neck:R",
                                  "--zone",
                                  "temple:R"}),
             0);
    {
        algocore::session::Workbench cli_side;
        QCOMPARE(QString::fromStdString(cli_side.open_database(cli_db)), QString());
        const auto history = cli_side.storage()->history_of("S-TP");
        QVERIFY(history);
        QCOMPARE(history->findings.size(), std::size_t(1));
        QVERIFY(history->findings[0].exam == stored[0].exam);
        QVERIFY(history->findings[0].side == stored[0].side);
    }

    // A dialog opened again on the point shows what is stored.
    dialog->close();
    QTRY_VERIFY(!page.findings_dialog());
    TriggerPointDialog* again = page.open_findings();
    QVERIFY(again);
    QTRY_VERIFY((workbench.inbox().deliver(),
                 again->status_text().startsWith(QStringLiteral("Recorded in this visit"))));
    QVERIFY(again->map().zone() == zone);
    QCOMPARE(again->findings().class_text(), QStringLiteral("Active trigger point"));
    for (const QSize size : kSizes)
        check_layout(*again, QStringLiteral("treatment-findings"), size);
    again->close();
}

void TriggerPointFindingsTest::theHistoryShowsAPointsZoneOverTheVisits() {
    QTemporaryDir dir;
    algocore::session::Workbench workbench;
    QCOMPARE(QString::fromStdString(
                 workbench.open_database(dir.filePath(QStringLiteral("h.sqlite")).toStdString())),
             QString());
    auto& storage = *workbench.storage();
    const auto site = storage.find_site("upper_trapezius");
    QVERIFY(site);
    const auto subject = storage.add_subject({0, "P-0031", {}, {}, {}, ""});
    // Three visits: the referral zone of the right trapezius shrinks from four regions to one,
    // and the point turns latent.
    const std::vector<std::vector<RegionRef>> zones = {
        {{"temple", BodySide::Right},
         {"jaw", BodySide::Right},
         {"back_of_head", BodySide::Right},
         {"back_of_neck", BodySide::Right}},
        {{"temple", BodySide::Right}, {"back_of_neck", BodySide::Right}},
        {{"back_of_neck", BodySide::Right}}};
    const char* days[] = {"2026-11-02T09:00:00Z", "2026-11-16T09:00:00Z", "2026-11-30T09:00:00Z"};
    for (std::size_t i = 0; i < zones.size(); ++i) {
        algocore::records::Session s;
        s.subject_id = subject.id;
        s.started_utc = days[i];
        algocore::records::TriggerPointFindings f;
        f.session_id = storage.begin_session(s).id;
        f.site_id = site->id;
        f.side = BodySide::Right;
        f.exam.taut_band = Finding::Present;
        f.exam.tender_spot = Finding::Present;
        f.exam.local_twitch = i == 0 ? Finding::Present : Finding::Absent;
        f.exam.familiar_pain = i < 2 ? Finding::Present : Finding::Absent;
        f.exam.referral = zones[i];
        storage.record_findings(f);
    }
    QVERIFY(storage.flush(std::chrono::seconds(5)));
    const auto records = storage.history_of("P-0031");
    QVERIFY(records);

    HistoryPage page(HistoryStore{});
    page.show();
    page.show_records(*records);
    page.tabs().setCurrentWidget(&page.trigger_points());
    QTableWidget& table = page.trigger_points().table();
    QCOMPARE(table.rowCount(), 3);
    QCOMPARE(table.item(0, 0)->text(), QStringLiteral("Upper trapezius R"));
    QCOMPARE(table.item(0, 1)->text(), QStringLiteral("2026-11-02"));
    QCOMPARE(table.item(0, 2)->text(), QStringLiteral("Active trigger point"));
    QVERIFY(table.item(0, 3)->text().startsWith(QStringLiteral("4 (")));
    QVERIFY(table.item(1, 3)->text().startsWith(QStringLiteral("2 (")));
    QVERIFY(table.item(2, 3)->text().startsWith(QStringLiteral("1 (")));
    QCOMPARE(table.item(2, 2)->text(), QStringLiteral("Latent trigger point"));
    QCOMPARE(table.item(2, 4)->text(), QStringLiteral("back of the neck (R)"));
    // The map shades the selected visit's zone.
    QVERIFY(page.trigger_points().map().zone() == zones[0]);
    table.setCurrentCell(2, 0);
    QVERIFY(page.trigger_points().map().zone() == zones[2]);
    table.setCurrentCell(0, 0);
    // The selected visit's words whole under the table, where its columns cut them.
    QCOMPARE(page.trigger_points().selected_words(),
             QStringLiteral("Upper trapezius R, 2026-11-02. Referred pain: %1. Findings: %2.")
                 .arg(table.item(0, 4)->text(), table.item(0, 5)->text()));
    // The field names the subject whose findings are listed.
    QCOMPARE(page.findChild<QComboBox*>(QStringLiteral("SubjectCode"))->currentText(),
             QStringLiteral("P-0031"));
    for (const QSize size : kSizes) {
        check_layout(page, QStringLiteral("history-trigger-points"), size);
        // Read without scrolling sideways: the words that do not fit end in "…", whole in the
        // tooltip.
        QVERIFY2(!table.horizontalScrollBar()->isVisible() &&
                     table.horizontalHeader()->length() <= table.viewport()->width(),
                 qPrintable(QStringLiteral("%1x%2: columns %3 px in %4")
                                .arg(size.width())
                                .arg(size.height())
                                .arg(table.horizontalHeader()->length())
                                .arg(table.viewport()->width())));
        QCOMPARE(table.item(0, 4)->toolTip(), table.item(0, 4)->text());
    }
}

QTEST_MAIN(TriggerPointFindingsTest)
#include "TriggerPointFindingsTest.moc"
