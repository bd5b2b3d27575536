#pragma once
// A ReliabilitySource over a SQLite database: each request runs on a worker thread that opens
// the file read-only, loads the study and builds the rows with algocore. Destroying the source
// waits for a running request, so answers never reach a destroyed page.
#include <QObject>
#include <QString>
#include <functional>
#include <memory>

#include "algocore/records/StudyData.h"
#include "algogui/reliability/ReliabilitySource.h"

class QThreadPool;

namespace algogui {

class StoredReliabilitySource : public QObject {
    Q_OBJECT
public:
    /// database_path is asked at each request (the Thresholds page may change it).
    explicit StoredReliabilitySource(std::function<QString()> database_path,
                                     QObject* parent = nullptr);
    ~StoredReliabilitySource() override;

    /// Answers on the worker thread.
    void request(const ReliabilityRequest& request, ReliabilityAnswerHandler handler);
    /// This source as the page's function.
    ReliabilitySource as_source();

    /// The work itself, synchronous (what the worker runs; tests call it directly).
    static ReliabilityAnswer answer(const QString& database_path,
                                    const ReliabilityRequest& request);
    /// The readings and sites of a loaded study (what answer() does after reading the file);
    /// location is the database's, for the provenance.
    static ReliabilityAnswer from_study(const algocore::records::StudyData& study,
                                        const ReliabilityRequest& request,
                                        const std::string& location);

private:
    std::function<QString()> database_path_;
    std::unique_ptr<QThreadPool> pool_;
};

} // namespace algogui
