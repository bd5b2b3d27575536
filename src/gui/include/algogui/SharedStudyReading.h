#pragma once
// Which study the History and Reliability pages read: this station's own database, or the
// whole shared study on its server (every station's sessions). The shared study is opened the
// first time it is read, on its own thread (the window never waits for the network); a read
// that fails says why through the page's usual answer.
#include <QObject>
#include <QString>
#include <memory>

#include "algocore/storage/Storage.h"

namespace algocore::session {
class Workbench;
}

namespace algogui {

class SharedStudyReading : public QObject {
    Q_OBJECT
public:
    explicit SharedStudyReading(QObject* parent = nullptr);
    ~SharedStudyReading() override;

    /// The one of a window (made on first use): the pages of a window read the same study.
    static SharedStudyReading& of(QObject& window);

    /// The shared study's address (empty: the station works alone and reads its own file).
    void set_server(const QString& server);
    const QString& server() const { return server_; }
    /// Reads the shared study (true) or this station's database (false).
    void set_reading_shared(bool shared);
    bool reading_shared() const { return reading_shared_; }

    /// What the pages read now; nullptr when nothing is open.
    algocore::storage::Storage* storage(algocore::session::Workbench& bench);

Q_SIGNALS:
    /// The pages re-read what they show.
    void changed();

private:
    QString server_;
    bool reading_shared_ = false;
    std::unique_ptr<algocore::storage::Storage> shared_;
};

} // namespace algogui
