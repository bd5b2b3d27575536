// The export dialog of the Thresholds and History pages: the subject in view is the first
// choice (one patient's export never carries everyone by accident), then its session, then
// everything; dates and the format become the request algocore's export runs.
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QtTest>

#include "algogui/ExportDialog.h"

using namespace algogui;

class ExportDialogTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theSubjectInViewComesFirstThenItsSessionThenEverything() {
        ExportDialog dialog(QStringLiteral(" S014 "), 12);
        QCOMPARE(dialog.scope().count(), 3);
        QCOMPARE(dialog.scope().currentText(), QStringLiteral("Subject S014"));
        auto request = dialog.request();
        QCOMPARE(request.filter.subject_code.value_or(""), std::string("S014"));
        QVERIFY(!request.filter.session_id);
        QVERIFY(!request.json);

        dialog.scope().setCurrentIndex(1);
        request = dialog.request();
        QCOMPARE(request.filter.session_id.value_or(0), 12);
        QCOMPARE(request.filter.subject_code.value_or(""), std::string("S014"));

        dialog.scope().setCurrentIndex(2);
        dialog.format().setCurrentIndex(1);
        request = dialog.request();
        QVERIFY(request.filter.selects_everything());
        QVERIFY(request.json);
    }

    void datesAreTakenOnlyWhenTicked() {
        ExportDialog dialog(QStringLiteral("S1"), algocore::records::kNoRecord);
        QCOMPARE(dialog.scope().count(), 2); // no session to offer
        dialog.from().setDate(QDate(2026, 1, 5));
        QVERIFY(!dialog.request().filter.from_date);
        dialog.use_from().setChecked(true);
        dialog.use_to().setChecked(true);
        dialog.to().setDate(QDate(2026, 2, 28));
        const auto request = dialog.request();
        QCOMPARE(request.filter.from_date.value_or(""), std::string("2026-01-05"));
        QCOMPARE(request.filter.to_date.value_or(""), std::string("2026-02-28"));
    }

    void withNothingInViewOnlyEverythingIsOffered() {
        ExportDialog dialog(QString(), algocore::records::kNoRecord);
        QCOMPARE(dialog.scope().count(), 1);
        QVERIFY(dialog.request().filter.selects_everything());
    }
};

QTEST_MAIN(ExportDialogTest)
#include "ExportDialogTest.moc"
