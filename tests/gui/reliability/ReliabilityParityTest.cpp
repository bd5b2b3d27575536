// One reliability engine: the Reliability page ("Use as this site's MDC") and `algoscope-cli
// reliability --save-mdc` on the same study store the same site_mdc row (value, SEM, ICC form,
// subjects and the provenance text), for the default SEM and for SD sqrt(1 - ICC(3,1)).
#include <CLI/CLI.hpp>
#include <QComboBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <chrono>

#include "CliCommand.h"
#include "ParityCheck.h"
#include "algocore/storage/OpenStorage.h"
#include "algogui/reliability/ReliabilityPage.h"
#include "algogui/reliability/StoredReliabilitySource.h"

namespace {

using namespace algocore::storage;

// Five subjects measured on two days at the left upper trapezius, two trials a day.
void make_study(const std::string& path) {
    auto opened = open(path);
    QVERIFY2(opened.storage, opened.error.c_str());
    Storage& db = *opened.storage;
    const RecordId anna = db.add_operator({0, "anna", "researcher"}).id;
    const auto site = db.find_site("upper_trapezius");
    QVERIFY(site.has_value());
    const double day1[5] = {300, 420, 250, 510, 365};
    const double day2[5] = {310, 400, 270, 480, 390};
    for (int s = 0; s < 5; ++s) {
        Subject subject;
        subject.code = "S" + std::to_string(s + 1);
        const RecordId subject_id = db.add_subject(subject).id;
        for (int day = 0; day < 2; ++day) {
            Session session;
            session.subject_id = subject_id;
            session.operator_id = anna;
            session.started_utc = "2026-03-0" + std::to_string(day + 1) + "T09:00:00Z";
            const RecordId session_id = db.begin_session(session).id;
            for (double offset : {-6.0, 4.0}) {
                Trial trial;
                trial.session_id = session_id;
                trial.site_id = site->id;
                trial.side = BodySide::Left;
                trial.ppt_kpa = (day == 0 ? day1[s] : day2[s]) + offset;
                trial.valid = trial.counted = true;
                db.record_trial(trial, {});
            }
        }
    }
    QVERIFY(db.flush(std::chrono::seconds(10)));
    QCOMPARE(db.close(), std::size_t{0});
}

// The page over the study: site and SEM chosen with the real combo boxes, Compute and "Use as
// this site's MDC" clicked.
void save_on_the_page(const std::string& path, const QString& sem_choice) {
    auto opened = open(path);
    QVERIFY2(opened.storage, opened.error.c_str());
    algogui::ReliabilityPage page;
    page.set_source([path](const algogui::ReliabilityRequest& request,
                           algogui::ReliabilityAnswerHandler handler) {
        handler(algogui::StoredReliabilitySource::answer(QString::fromStdString(path), request));
    });
    Storage* store = opened.storage.get();
    page.set_store([store] { return store; });
    page.resize(1280, 800);
    page.show();
    auto* site = page.findChild<QComboBox*>(QStringLiteral("site"));
    QTRY_COMPARE(site->count(), 1);
    QCOMPARE(site->currentText(), QStringLiteral("Upper trapezius"));
    auto* sem = page.findChild<QComboBox*>(QStringLiteral("sem"));
    const int choice = sem->findText(sem_choice);
    QVERIFY2(choice >= 0, qPrintable(sem_choice));
    sem->setCurrentIndex(choice);
    const auto buttons = page.findChildren<QPushButton*>();
    const auto compute = std::find_if(buttons.begin(), buttons.end(), [](QPushButton* b) {
        return b->text() == QStringLiteral("Compute");
    });
    QVERIFY(compute != buttons.end());
    QTest::mouseClick(*compute, Qt::LeftButton);
    QTRY_VERIFY(page.result().has_value());
    // Stored sessions are the raters here, and the page says so.
    QVERIFY2(page.status_text().contains(QStringLiteral("subjects x 2 sessions;")),
             qPrintable(page.status_text()));
    auto* use = page.findChild<QPushButton*>(QStringLiteral("useMdc"));
    QVERIFY(use->isEnabled());
    QTest::mouseClick(use, Qt::LeftButton);
    QVERIFY2(page.status_text().startsWith(QStringLiteral("Stored as this site's MDC")),
             qPrintable(page.status_text()));
    QCOMPARE(opened.storage->close(), std::size_t{0});
}

const std::vector<std::string>& mdc_queries() {
    // Everything but the row id and the moment it was computed.
    static const std::vector<std::string> queries{
        "SELECT s.key, m.side, m.mdc_kpa, m.sem_kpa, m.icc_form, m.n_subjects, m.source "
        "FROM site_mdc m JOIN sites s ON s.id = m.site_id ORDER BY m.id"};
    return queries;
}

} // namespace

class ReliabilityParityTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void thePageAndTheCliStoreTheSameSiteMdc() {
        // The same file name in two folders: the provenance names the study file.
        QTemporaryDir gui_dir, cli_dir;
        const std::string gui_db = gui_dir.filePath(QStringLiteral("study.sqlite")).toStdString();
        const std::string cli_db = cli_dir.filePath(QStringLiteral("study.sqlite")).toStdString();
        make_study(gui_db);
        make_study(cli_db);
        save_on_the_page(gui_db, QStringLiteral("SEM = sqrt(MSE)"));
        QCOMPARE(parity::cli_command({"reliability", "--db", cli_db, "--site", "upper_trapezius",
                                      "--side", "L", "--by", "session", "--save-mdc"}),
                 0);
        const std::string difference = parity::first_difference(gui_db, cli_db, mdc_queries());
        QVERIFY2(difference.empty(), difference.c_str());
        const auto stored = parity::rows(cli_db, "SELECT icc_form, source FROM site_mdc");
        QCOMPARE(stored.size(), std::size_t{1});
        QVERIFY2(stored[0].find("icc_form=ICC(2,1)|") == 0, stored[0].c_str());
        QVERIFY2(stored[0].find("study.sqlite (PPT, Upper trapezius L, by session)") !=
                     std::string::npos,
                 stored[0].c_str());
    }

    void theIccChosenForTheSemIsTheSameChoiceInBoth() {
        QTemporaryDir gui_dir, cli_dir;
        const std::string gui_db = gui_dir.filePath(QStringLiteral("study.sqlite")).toStdString();
        const std::string cli_db = cli_dir.filePath(QStringLiteral("study.sqlite")).toStdString();
        make_study(gui_db);
        make_study(cli_db);
        save_on_the_page(gui_db, QStringLiteral("SEM = SD sqrt(1 - ICC(3,1))"));
        QCOMPARE(parity::cli_command({"reliability", "--db", cli_db, "--site", "upper_trapezius",
                                      "--sem", "sd-icc", "--sem-icc", "ICC(3,1)", "--save-mdc"}),
                 0);
        const std::string difference = parity::first_difference(gui_db, cli_db, mdc_queries());
        QVERIFY2(difference.empty(), difference.c_str());
        const auto stored = parity::rows(gui_db, "SELECT icc_form FROM site_mdc");
        QCOMPARE(stored, std::vector<std::string>{"icc_form=ICC(3,1)|"});
    }
};

QTEST_MAIN(ReliabilityParityTest)
#include "ReliabilityParityTest.moc"
