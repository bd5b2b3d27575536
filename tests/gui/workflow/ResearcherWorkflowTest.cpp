// A researcher's session, driven as the researcher does it, at 1024×640, 1280×800 and
// 1920×1080 (issue 18's workflow suite): a new subject with sex and age band, a custom rest of
// 10 s, three trials at each of four points (upper trapezius and tibialis anterior, left and
// right, chosen on the body map; after the left tibialis' first trial the lab's calibrated
// algometer is replaced by a spare never calibrated), one trial the subject signalled by
// mistake excluded through the exclusion dialog with a reason, the subject's History, and the
// export of this subject as CSV. After every step the counts and means the page shows are
// compared with the store (read through the storage's reader half), and the exported rows with
// the stored trials.
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QTableWidget>
#include <map>

#include "DeviceShown.h"
#include "Screen.h"
#include "Station.h"
#include "algogui/Banner.h"
#include "algogui/TrialExclusionDialog.h"
#include "algogui/bodymap/BodyMapWidget.h"
#include "algogui/history/HistoryPage.h"
#include "algogui/thresholds/PointSummaryView.h"
#include "algogui/thresholds/ProtocolForm.h"
#include "algogui/thresholds/RunControls.h"
#include "algogui/thresholds/SubjectForm.h"
#include "algogui/thresholds/ThresholdsPage.h"
#include "algogui/thresholds/TrialTable.h"

using namespace algogui;
using namespace workflow;
using algocore::records::BodySide;
using algocore::records::RecordId;

namespace {

// Another subject of the study, measured last month: the export of R01 must not carry it.
void seed_study(algocore::storage::Storage& db) {
    algocore::records::Subject other;
    other.code = "R00";
    algocore::records::Session session;
    session.subject_id = db.add_subject(other).id;
    session.operator_id = db.add_operator({0, "Ravi", "researcher"}).id;
    session.started_utc = "2026-11-02T09:00:00Z";
    const RecordId session_id = db.begin_session(session).id;
    algocore::records::Trial trial;
    trial.session_id = session_id;
    trial.site_id = db.find_site("upper_trapezius")->id;
    trial.ppt_kpa = 333.0;
    trial.valid = trial.counted = true;
    trial.outcome = "signalled";
    db.record_trial(trial, {});
}

struct Point {
    const char* key;
    BodySide side;
    BodyView view;
    double pain_at_kpa[3];
};

// The four points and where the subject signalled; at the right trapezius the second
// signal was a mistake (the subject pressed at the first touch of pressure).
const Point kPoints[] = {
    {"upper_trapezius", BodySide::Left, BodyView::Back, {362.0, 371.0, 368.0}},
    {"upper_trapezius", BodySide::Right, BodyView::Back, {391.0, 154.0, 398.0}},
    {"tibialis_anterior", BodySide::Left, BodyView::Front, {512.0, 527.0, 519.0}},
    {"tibialis_anterior", BodySide::Right, BodyView::Front, {488.0, 497.0, 503.0}},
};

// The counted PPTs of one point in one session, as stored.
std::vector<double> counted_at(algocore::storage::StorageReader& store, RecordId session,
                               const std::string& key, BodySide side) {
    const auto site = store.find_site(key);
    std::vector<double> out;
    for (const auto& t : store.trials_of(session))
        if (site && t.site_id == site->id && t.side == side && t.counted) out.push_back(t.ppt_kpa);
    return out;
}

QString site_key_of(algocore::storage::StorageReader& store, RecordId site_id) {
    for (const auto& s : store.sites())
        if (s.id == site_id) return QString::fromStdString(s.key);
    return {};
}

// One CSV line split into its fields (quoted fields may hold commas).
QStringList csv_fields(const QString& line) {
    QStringList out;
    QString field;
    bool quoted = false;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted && c == QLatin1Char('"') && i + 1 < line.size() && line[i + 1] == '"') {
            field += c;
            ++i;
        } else if (c == QLatin1Char('"')) {
            quoted = !quoted;
        } else if (c == QLatin1Char(',') && !quoted) {
            out << field;
            field.clear();
        } else {
            field += c;
        }
    }
    out << field;
    return out;
}

// The rows of a CSV file as maps from its header's names.
std::vector<std::map<QString, QString>> csv_rows(const QString& path) {
    QFile file(path);
    std::vector<std::map<QString, QString>> rows;
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) return rows;
    const QStringList lines =
        QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.isEmpty()) return rows;
    const QStringList header = csv_fields(lines.front().trimmed());
    for (int i = 1; i < lines.size(); ++i) {
        const QStringList fields = csv_fields(lines[i].trimmed());
        std::map<QString, QString> row;
        for (int c = 0; c < header.size() && c < fields.size(); ++c)
            row[header[c]] = fields[c];
        rows.push_back(row);
    }
    return rows;
}

} // namespace

class ResearcherWorkflowTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QApplication::setAttribute(Qt::AA_DontUseNativeDialogs); }

    void fourPointsAnExclusionAndTheExportShowWhatIsStored_data() { add_size_rows(); }
    void fourPointsAnExclusionAndTheExportShowWhatIsStored() {
        QFETCH(QSize, size);
        Station station(size, seed_study);
        MainWindow& window = station.window();
        Hand& hand = station.hand();

        // ---- The lab's algometer, calibrated; a spare that never was -------------------------
        AlgometerSpec calibrated;
        calibrated.serial = "ALG-2A17";
        calibrated.factory_gain = 0.95;
        calibrated.calibration_id = 1001;
        AlgometerSpec spare;
        spare.serial = "ALG-4D90";
        spare.model = "Algoscope native v1.1";
        spare.factory_gain = 1.04;
        Algometer device_a(calibrated);
        Algometer device_c(spare);
        device_a.calibrate_in(station.workbench().calibration_store());
        device_c.calibrate_in(station.workbench().calibration_store()); // nothing: none
        device_a.plug_into(window.feed());
        hand.use(&device_a);

        // ---- The subject, the session and the protocol's rest ------------------------------
        auto* page = station.open_page<ThresholdsPage>(QStringLiteral("Thresholds"));
        QVERIFY(page);
        auto* code = page->findChild<QComboBox*>(QStringLiteral("SubjectCode"));
        QTRY_COMPARE(code->count(), 1);
        pick_subject(code, QStringLiteral("R01"));
        QComboBox* sex = nullptr;
        QComboBox* age = nullptr;
        for (auto* box : page->subject_form().findChildren<QComboBox*>()) {
            if (box->findText(QStringLiteral("female")) >= 0) sex = box;
            if (box->findText(QStringLiteral("30-39")) >= 0) age = box;
        }
        QVERIFY(sex && age);
        QVERIFY(choose_in(sex, QStringLiteral("female")));
        QVERIFY(choose_in(age, QStringLiteral("30-39")));
        QVERIFY(click(button_in(*page, QStringLiteral("Use subject"))));
        type_into(field_in(*page, QStringLiteral("who measures")), QStringLiteral("Ravi"));
        QDoubleSpinBox* rest = nullptr;
        for (auto* box : page->protocol_form().findChildren<QDoubleSpinBox*>())
            if (box->suffix() == QStringLiteral(" s")) rest = box;
        QVERIFY(rest);
        reveal(rest);
        QTest::mouseClick(rest, Qt::LeftButton, {}, rest->rect().center());
        rest->selectAll();
        QTest::keyClicks(rest, QStringLiteral("10"));
        QTest::keyClick(rest, Qt::Key_Tab);
        QCOMPARE(page->session().preset().inter_trial_s, 10.0);
        QVERIFY(click(button_in(*page, QStringLiteral("Start session"))));
        QVERIFY(station.workbench().visit().visit().has_value());
        // The visit's session opens with its first record.
        RecordId session = algocore::records::kNoRecord;

        // The page's summary of the point in view against the stored counted trials.
        const auto check_summary = [&](const Point& point) {
            const auto counted = counted_at(station.store(), session, point.key, point.side);
            const QString text = page->summary().statistics_text();
            const QList<double> stats = numbers_in(text);
            QVERIFY2(stats.size() == 4, qPrintable(text));
            QVERIFY2(shown_as(stats[0], mean_of(counted)) && shown_as(stats[1], sd_of(counted)) &&
                         stats[3] == static_cast<double>(counted.size()),
                     qPrintable(QStringLiteral("%1 %2: \"%3\", stored n = %4, mean %5")
                                    .arg(QLatin1String(point.key))
                                    .arg(algocore::records::to_letter(point.side))
                                    .arg(text)
                                    .arg(counted.size())
                                    .arg(mean_of(counted))));
        };
        const auto choose_point = [&](const Point& point) {
            const auto at = page->body_map().marker_position(point.key, point.side, point.view);
            QVERIFY(at.has_value());
            QTest::mouseClick(&page->body_map(), Qt::LeftButton, {}, at->toPoint());
            QCOMPARE(page->session().site()->key, std::string(point.key));
            QCOMPARE(page->session().side(), point.side);
        };

        // ---- Three trials at each of the four points ---------------------------------------
        for (const Point& point : kPoints) {
            choose_point(point);
            if (QTest::currentTestFailed()) return;
            for (int trial = 0; trial < 3; ++trial) {
                QVERIFY2(click(&page->run_controls().start_button()),
                         qPrintable(page->run_controls().status_text()));
                hand.ramp(50.0, point.pain_at_kpa[trial]);
                QTest::keyClick(&window, Qt::Key_Space);
                hand.release(50.0);
                if (&point == &kPoints[2] && trial == 0) {
                    // The lab's algometer is needed elsewhere: the spare, never calibrated,
                    // goes on with the left tibialis. Its factory calibration is flagged, and
                    // no record of the one before is applied to it.
                    device_c.plug_into(window.feed());
                    hand.use(&device_c);
                    check_change_said(station, device_c, device_a);
                    check_device_shown(station, device_c, device_a, *page);
                    if (QTest::currentTestFailed()) return;
                }
                if (trial < 2) hand.rest(10.5);
            }
            session = station.workbench().visit().session_id();
            QVERIFY(session != algocore::records::kNoRecord);
            QCOMPARE(page->trial_table().rowCount(), 3);
            check_summary(point);
            if (QTest::currentTestFailed()) return;
            hand.rest(10.5);
        }

        // ---- Left and right of the trapezius, as stored ------------------------------------
        choose_point(kPoints[1]);
        {
            const double left =
                mean_of(counted_at(station.store(), session, "upper_trapezius", BodySide::Left));
            const double right =
                mean_of(counted_at(station.store(), session, "upper_trapezius", BodySide::Right));
            const QList<double> sides = numbers_in(page->summary().sides_text());
            QVERIFY2(sides.size() >= 3 && shown_as(sides[0], left) && shown_as(sides[1], right) &&
                         shown_as(sides[2], left - right),
                     qPrintable(page->summary().sides_text()));
        }

        // ---- The mistaken trial excluded, with a reason, through the dialog ----------------
        TrialTable& table = page->trial_table();
        QCOMPARE(table.rowCount(), 3);
        QCOMPARE(number_in(table.cell_text(1, TrialTable::Ppt)), 154.0);
        reveal(&table);
        QTest::mouseClick(table.viewport(), Qt::LeftButton, {},
                          table.visualItemRect(table.item(1, TrialTable::Ppt)).center());
        QVERIFY(click(button_in(*page, QStringLiteral("Exclude trial…"))));
        TrialExclusionDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = page->findChild<TrialExclusionDialog*>()) && dialog->isVisible());
        QVERIFY(!dialog->confirm_button().isEnabled()); // a reason is needed first
        QVERIFY(choose_in(&dialog->reason_box(), QStringLiteral("patient misunderstood")));
        QVERIFY(click(&dialog->confirm_button()));
        QTRY_COMPARE(table.cell_text(1, TrialTable::Valid), QStringLiteral("excluded"));
        {
            auto& store = station.store();
            const auto site = store.find_site("upper_trapezius");
            std::optional<algocore::records::Trial> excluded;
            for (const auto& t : store.trials_of(session))
                if (t.site_id == site->id && t.side == BodySide::Right && t.ppt_kpa < 200.0)
                    excluded = t;
            QVERIFY(excluded.has_value());
            QVERIFY(!excluded->counted);
            QCOMPARE(QString::fromStdString(excluded->excluded_reason),
                     QStringLiteral("patient misunderstood the instruction"));
            QVERIFY2(table.cell_text(1, TrialTable::Flags)
                         .contains(QString::fromStdString(excluded->excluded_reason)),
                     qPrintable(table.cell_text(1, TrialTable::Flags)));
            const auto audit = store.audit_log("trials", excluded->id);
            QVERIFY(!audit.empty());
            QCOMPARE(audit.back().who, std::string("Ravi"));
        }
        QTRY_VERIFY(page->summary().statistics_text().contains(QStringLiteral("(n = 2)")));
        check_summary(kPoints[1]);
        if (QTest::currentTestFailed()) return;

        // ---- History: the four points of the session, counts and means as stored ----------
        auto* history = station.open_page<HistoryPage>(QStringLiteral("History"));
        QTableWidget& points = history->points_table();
        QTRY_COMPARE(points.rowCount(), 4);
        for (const Point& point : kPoints) {
            auto& store = station.store();
            const auto site = store.find_site(point.key);
            const QString label = QStringLiteral("%1 %2").arg(
                QString::fromStdString(site->name), algocore::records::to_letter(point.side));
            int row = -1;
            for (int r = 0; r < points.rowCount(); ++r)
                if (points.item(r, 0)->text() == label) row = r;
            QVERIFY2(row >= 0, qPrintable(label));
            const auto counted = counted_at(store, session, point.key, point.side);
            QCOMPARE(points.item(row, 1)->text(), QStringLiteral("%1/3").arg(counted.size()));
            const QList<double> mean_sd = numbers_in(points.item(row, 2)->text());
            QVERIFY2(mean_sd.size() == 2 && shown_as(mean_sd[0], mean_of(counted)) &&
                         shown_as(mean_sd[1], sd_of(counted)),
                     qPrintable(label + QStringLiteral(": ") + points.item(row, 2)->text()));
        }

        // ---- The export of this subject: every stored trial, one row each -----------------
        page = station.open_page<ThresholdsPage>(QStringLiteral("Thresholds"));
        const QString folder = station.path(QStringLiteral("export"));
        QVERIFY(QDir().mkpath(folder));
        answer_dialogs(folder);
        QVERIFY(click(page->findChild<QPushButton*>(QStringLiteral("ExportData"))));
        const auto exported = [&] {
            return QDir(folder + QStringLiteral("/traces")).entryList(QDir::Files).size() == 12 &&
                   window.banner().text().contains(folder);
        };
        QTRY_VERIFY2_WITH_TIMEOUT(
            exported(),
            qPrintable(QStringLiteral("banner \"%1\", files %2, modal %3")
                           .arg(window.banner().text(), QDir(folder).entryList().join(' '),
                                QApplication::activeModalWidget()
                                    ? QApplication::activeModalWidget()->windowTitle()
                                    : QStringLiteral("none"))),
            20000);
        const auto stored = station.store().trials_of(session);
        QCOMPARE(stored.size(), std::size_t{12});
        // One session, the spare's now, the change and the calibration before on its audit.
        {
            auto& store = station.store();
            const auto r01 = store.find_subject("R01");
            QVERIFY(r01);
            const auto sessions = store.sessions_of(r01->id);
            QCOMPARE(sessions.size(), std::size_t{1});
            QCOMPARE(sessions.front().device_serial, device_c.serial());
            QCOMPARE(sessions.front().calibration_id, algocore::kFactoryCalibration);
            const auto audit = store.audit_log("sessions", session);
            QCOMPARE(audit.size(), std::size_t{2});
            QCOMPARE(audit[0].old_value, device_a.serial());
            QCOMPARE(audit[0].new_value, device_c.serial());
            QCOMPARE(audit[1].field, std::string("calibration_id"));
            QCOMPARE(audit[1].old_value, std::string("1001"));
            QCOMPARE(audit[1].new_value, std::string("0"));
        }
        // The seven trials before the change measured through A's record, the five after it
        // on the spare's factory calibration (id 0, never A's record), at the pressure its
        // factory force gives (4 % high: what an uncalibrated device measures).
        int factory_trials = 0;
        for (const auto& t : stored) {
            const bool after_change = t.calibration_id == algocore::kFactoryCalibration;
            factory_trials += after_change ? 1 : 0;
            if (!after_change) QCOMPARE(t.calibration_id, std::uint64_t{1001});
        }
        QCOMPARE(factory_trials, 5);
        const auto rows = csv_rows(folder + QStringLiteral("/trials.csv"));
        QCOMPARE(rows.size(), stored.size()); // R01's trials only: R00's stay out
        for (const auto& t : stored) {
            const auto row = std::find_if(rows.begin(), rows.end(), [&](const auto& r) {
                return r.at(QStringLiteral("trial_id")).toLongLong() == t.id;
            });
            QVERIFY2(row != rows.end(),
                     qPrintable(QStringLiteral("trial %1 not exported").arg(t.id)));
            const auto& r = *row;
            QCOMPARE(r.at(QStringLiteral("subject")), QStringLiteral("R01"));
            QCOMPARE(r.at(QStringLiteral("site")), site_key_of(station.store(), t.site_id));
            QCOMPARE(r.at(QStringLiteral("side")),
                     QString::fromLatin1(algocore::records::to_letter(t.side)));
            QVERIFY(shown_as(r.at(QStringLiteral("ppt_kpa")).toDouble(), t.ppt_kpa, 3));
            QCOMPARE(r.at(QStringLiteral("counted")),
                     t.counted ? QStringLiteral("1") : QStringLiteral("0"));
            QCOMPARE(r.at(QStringLiteral("excluded_reason")),
                     QString::fromStdString(t.excluded_reason));
            QCOMPARE(r.at(QStringLiteral("calibration_id")), QString::number(t.calibration_id));
        }
        const auto subjects = csv_rows(folder + QStringLiteral("/subjects.csv"));
        QCOMPARE(subjects.size(), std::size_t{1});
        QCOMPARE(subjects.front().at(QStringLiteral("subject")), QStringLiteral("R01"));
        QCOMPARE(subjects.front().at(QStringLiteral("sex")), QStringLiteral("female"));
        QCOMPARE(subjects.front().at(QStringLiteral("age_band")), QStringLiteral("30-39"));
    }
};

QTEST_MAIN(ResearcherWorkflowTest)
#include "ResearcherWorkflowTest.moc"
