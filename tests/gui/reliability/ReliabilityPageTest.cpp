// The Reliability page: what it shows for a data set, that answers from a worker thread reach
// it (and never a destroyed page), and that the table and plot export.
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <fstream>
#include <thread>

#include "algocore/analysis/ReliabilityCsv.h"
#include "algogui/reliability/BlandAltmanPlot.h"
#include "algogui/reliability/ReliabilityPage.h"
#include "algogui/reliability/StoredReliabilitySource.h"

using namespace algogui;
using algocore::analysis::TidyRow;

namespace {
std::vector<TidyRow> rows_of(const char* file) {
    std::ifstream in(std::string(ALGOSCOPE_RELIABILITY_DATA) + "/" + file);
    return algocore::analysis::read_reliability_csv(in, file).rows;
}
} // namespace

class ReliabilityPageTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void showsTheIccTableAndBlandAltmanOfTwoRaters() {
        ReliabilityPage page;
        page.resize(1100, 700);
        page.show();
        page.set_rows(rows_of("bland_altman_1986_pefr.csv"), QStringLiteral("peak flow"));
        QVERIFY(page.result().has_value());
        QCOMPARE(page.icc_table().item(1, 0)->text(), QStringLiteral("ICC(2,1)"));
        QCOMPARE(page.icc_table().item(1, 1)->text(), QStringLiteral("0.9459"));
        QVERIFY(page.plot().has_agreement());
        QVERIFY(page.status_text().contains(QStringLiteral("17 subjects x 2 raters")));
        QVERIFY(page.findChild<QLabel*>() != nullptr);
    }

    void fourJudgesShowBlandAltmanOfTheFirstTwoUntilAnotherPairIsChosen() {
        ReliabilityPage page;
        page.set_rows(rows_of("shrout_fleiss_1979.csv"), QStringLiteral("Shrout & Fleiss"));
        // The pair pickers start on the first two judges, so a plot is shown for J1 - J2.
        QVERIFY(page.plot().has_agreement());
        QCOMPARE(page.result()->bland_altman->first_rater, std::string("J1"));
        QCOMPARE(page.icc_table().item(0, 1)->text(), QStringLiteral("0.1657"));
    }

    void badRowsShowTheReasonAndNoResult() {
        ReliabilityPage page;
        page.set_rows({{"S1", "a", 1, 3}, {"S1", "a", 2, 4}}, QStringLiteral("x"));
        QVERIFY(!page.result().has_value());
        QVERIFY(page.status_text().contains(QStringLiteral("appear twice")));
    }

    void anAnswerFromAWorkerThreadReachesThePage() {
        ReliabilityPage page;
        std::thread worker;
        page.set_source(
            [&worker](const ReliabilityRequest& request, ReliabilityAnswerHandler handler) {
                worker = std::thread([request, handler] {
                    ReliabilityAnswer answer;
                    answer.sites = {{"upper_trapezius", "Upper trapezius"}};
                    if (!request.query.site_key.empty()) {
                        answer.data.rows = rows_of("synthetic_test_retest.csv");
                        answer.data.query = request.query;
                        answer.data.site_key = "upper_trapezius";
                        answer.data.site_name = "Upper trapezius";
                        answer.data.source_name = "study.sqlite";
                    }
                    handler(answer);
                });
            });
        page.show(); // asks for the site list
        QTRY_VERIFY(page.findChild<QComboBox*>(QStringLiteral("site"))->count() == 1);
        worker.join();
        page.request_rows();
        QTRY_VERIFY(page.result().has_value());
        worker.join();
        QCOMPARE(page.result()->n_subjects, 20);
        QVERIFY(page.status_text().startsWith(
            QStringLiteral("study.sqlite (PPT, Upper trapezius L, by session)")));
    }

    void anAnswerAfterThePageIsGoneIsDropped() {
        ReliabilityAnswerHandler kept;
        {
            ReliabilityPage page;
            page.set_source([&kept](const ReliabilityRequest&, ReliabilityAnswerHandler handler) {
                kept = std::move(handler);
            });
            page.request_rows();
        }
        ReliabilityAnswer late;
        late.data.rows = rows_of("synthetic_test_retest.csv");
        kept(late); // must neither crash nor post to the destroyed page
        QCoreApplication::processEvents();
        QVERIFY(true);
    }

    void exportsTheTableAsCsvAndThePlotAsPngAndSvg() {
        QTemporaryDir dir;
        ReliabilityPage page;
        page.set_rows(rows_of("bland_altman_1986_pefr.csv"), QStringLiteral("peak flow"));
        const QString csv = dir.filePath(QStringLiteral("table.csv"));
        QVERIFY(page.export_table_csv(csv));
        QFile table(csv);
        QVERIFY(table.open(QIODevice::ReadOnly));
        const QByteArray text = table.readAll();
        QVERIFY(
            text.startsWith("form,icc,ci_low,ci_high,f,df1,df2,p\r\n\"ICC(1,1)\",0.9460147251,"));
        QVERIFY(text.contains("psych::ICC 2.2.9"));
        const QString png = dir.filePath(QStringLiteral("plot.png"));
        QVERIFY(page.export_plot(png));
        QCOMPARE(QImage(png).size(), QSize(1200, 800));
        const QString svg = dir.filePath(QStringLiteral("plot.svg"));
        QVERIFY(page.export_plot(svg));
        QFile svg_file(svg);
        QVERIFY(svg_file.open(QIODevice::ReadOnly));
        QVERIFY(svg_file.readAll().contains("<svg"));
    }

    void theStoredSourceSaysWhenThereIsNoDatabase() {
        const ReliabilityAnswer answer =
            StoredReliabilitySource::answer(QStringLiteral("/nonexistent/algoscope.sqlite"), {});
        QVERIFY(answer.data.rows.empty());
        QVERIFY(QString::fromStdString(answer.error).startsWith(QStringLiteral("no database yet")));
    }

    void theSiteMdcIsStoredOnlyFromStoredData() {
        ReliabilityPage page;
        int asked = 0;
        page.set_store([&asked]() -> algocore::storage::Storage* {
            ++asked;
            return nullptr;
        });
        page.start_demo();
        QVERIFY(page.status_text().contains(QStringLiteral("demo data (synthetic)")));
        page.offer_mdc();
        QCOMPARE(asked, 0); // the store is not even asked for
        QVERIFY(page.status_text().startsWith(QStringLiteral("A site MDC needs stored data")));
    }

    void theStatusSaysWhetherTheSitesMdcWasStored() {
        ReliabilityPage page;
        algocore::analysis::SiteMdc mdc;
        mdc.site_key = "upper_trapezius";
        mdc.mdc95_kpa = 45.9;
        mdc.sem_kpa = 16.6;
        mdc.n_subjects = 500;
        mdc.n_raters = 2;
        mdc.raters_are = "operator";
        page.note_mdc_stored(mdc, {});
        QVERIFY(page.status_text().startsWith(QStringLiteral("Stored as this site's MDC")));
        QVERIFY(page.status_text().contains(QStringLiteral("MDC95 45.9 kPa")));
        page.note_mdc_stored(mdc, QStringLiteral("no database is open"));
        QCOMPARE(page.status_text(),
                 QStringLiteral("The site's MDC was not stored: no database is open"));
    }
};

QTEST_MAIN(ReliabilityPageTest)
#include "ReliabilityPageTest.moc"
