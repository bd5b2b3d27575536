#pragma once
// The status bar's word on the shared study: "shared study: synced 12 s ago", "server
// unreachable: 14 records waiting, nothing lost". It owns the station's background push
// (its own thread: the window never waits for the network) and reads its status once a
// second. A long refusal is cut with "…" where the status bar has no room (whole in its
// tooltip).
#include <QTimer>
#include <memory>

#include "algocore/sharedstudy/BackgroundSync.h"
#include "algogui/ElidedLabel.h"

namespace algogui {

class SharedStudyStatus : public ElidedLabel {
    Q_OBJECT
public:
    /// Pushes the database at db_path to server under the name station (empty: the
    /// computer's name) after every stored record and every minute.
    SharedStudyStatus(const QString& db_path, const QString& server, const QString& station,
                      QWidget* parent = nullptr);
    ~SharedStudyStatus() override;

    /// Re-reads the push's status now (the timer does it every second).
    void refresh();

private:
    std::unique_ptr<algocore::sharedstudy::BackgroundSync> sync_;
    QTimer timer_;
};

} // namespace algogui
