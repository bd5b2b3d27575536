// The report header edited in the window is saved in the file algoscope-cli report reads, and
// a header an older version kept in the settings is carried over.
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include "algocore/history/ReportHeaderFile.h"
#include "algogui/Preferences.h"

using namespace algogui;

class ReportHeaderPreferenceTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theHeaderIsSavedWhereTheCommandLineReadsIt() {
        QTemporaryDir dir;
        Preferences prefs(dir.filePath(QStringLiteral("prefs.ini")));
        QCOMPARE(prefs.report_header_path(), dir.filePath(QStringLiteral("report-header.json")));
        QCOMPARE(prefs.set_report_header(QStringLiteral("Praxis Nord"), QStringLiteral("A. Roth")),
                 QString());
        const auto read =
            algocore::history::read_report_header(prefs.report_header_path().toStdString());
        QCOMPARE(QString::fromStdString(read.error), QString());
        QCOMPARE(QString::fromStdString(read.header.clinic), QStringLiteral("Praxis Nord"));
        QCOMPARE(QString::fromStdString(read.header.therapist), QStringLiteral("A. Roth"));
        // A second Preferences (the next start) reads it back.
        Preferences again(dir.filePath(QStringLiteral("prefs.ini")));
        QCOMPARE(QString::fromStdString(again.report_header().clinic),
                 QStringLiteral("Praxis Nord"));
        QCOMPARE(QString::fromStdString(again.report_header().therapist),
                 QStringLiteral("A. Roth"));
    }

    void aHeaderKeptInTheOldSettingsIsCarriedOver() {
        QTemporaryDir dir;
        {
            QSettings old(dir.filePath(QStringLiteral("prefs.ini")), QSettings::IniFormat);
            old.setValue("report/clinic", QStringLiteral("Klinik Süd"));
            old.setValue("report/therapist", QStringLiteral("D. Berg"));
        }
        Preferences prefs(dir.filePath(QStringLiteral("prefs.ini")));
        QCOMPARE(QString::fromStdString(prefs.report_header().clinic),
                 QStringLiteral("Klinik Süd"));
        QCOMPARE(QString::fromStdString(prefs.report_header().therapist),
                 QStringLiteral("D. Berg"));
    }

    void aHeaderThatCannotBeSavedIsSaid() {
        QTemporaryDir dir;
        // The header's folder is a file: nothing can be created there.
        QFile blocker(dir.filePath(QStringLiteral("blocked")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        Preferences prefs(dir.filePath(QStringLiteral("blocked/prefs.ini")));
        const QString problem = prefs.set_report_header(QStringLiteral("X"), QStringLiteral("Y"));
        QVERIFY2(problem.contains(QStringLiteral("blocked")), qPrintable(problem));
    }
};

QTEST_MAIN(ReportHeaderPreferenceTest)
#include "ReportHeaderPreferenceTest.moc"
