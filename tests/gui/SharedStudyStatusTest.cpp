// The status bar's word on the shared study, read from the background push: with the server
// out of reach it counts the station's waiting records (and the window does not wait for the
// network), and a file that cannot be a station is a refusal shown in red.
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include "algocore/storage/OpenStorage.h"
#include "algogui/SharedStudyStatus.h"

using namespace algogui;
using namespace algocore::storage;

class SharedStudyStatusTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void AnUnreachableServerShowsTheRecordsWaiting() {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("station.sqlite"));
        {
            auto opened = algocore::storage::open(db.toStdString());
            QVERIFY(opened.storage);
            SessionOpening o;
            o.subject.code = "S-1";
            o.by = Operator{kNoRecord, "Anna", "examiner"};
            o.session.started_utc = "2027-01-01T09:00:00Z";
            const auto opened_session = opened.storage->open_session(o);
            QVERIFY(
                opened.storage->wait_committed(opened_session.ticket, std::chrono::seconds(10)));
            opened.storage->close();
        }
        QElapsedTimer made;
        made.start();
        SharedStudyStatus status(db,
                                 QStringLiteral("postgresql://x@127.0.0.1:1/y?connect_timeout=2"),
                                 QStringLiteral("room A"));
        QVERIFY(made.elapsed() < 500); // the push runs on its own thread
        // subject, operator, session
        QTRY_COMPARE_WITH_TIMEOUT(
            status.text(), QStringLiteral("server unreachable: 3 records waiting, nothing lost"),
            20000);
        QVERIFY(status.styleSheet().isEmpty());
    }

    void AFileThatCannotBeAStationIsARefusalInRed() {
        QTemporaryDir dir;
        SharedStudyStatus status(dir.filePath(QStringLiteral("missing.sqlite")),
                                 QStringLiteral("postgresql://x@127.0.0.1:1/y"), {});
        QTRY_VERIFY_WITH_TIMEOUT(status.text().startsWith(QStringLiteral(
                                     "shared study refused this station: no database")),
                                 20000);
        QVERIFY(status.styleSheet().contains(QStringLiteral("#b00020")));
    }
};

QTEST_MAIN(SharedStudyStatusTest)
#include "SharedStudyStatusTest.moc"
