#include "algogui/SharedStudyStatus.h"

#include <chrono>

namespace algogui {

using algocore::sharedstudy::BackgroundSync;
using algocore::sharedstudy::SyncStatus;

SharedStudyStatus::SharedStudyStatus(const QString& db_path, const QString& server,
                                     const QString& station, QWidget* parent)
    : ElidedLabel(parent) {
    setObjectName(QStringLiteral("SharedStudyStatus"));
    BackgroundSync::Options options;
    options.push.station_name = station.toStdString();
    sync_ = std::make_unique<BackgroundSync>(db_path.toStdString(), server.toStdString(), options);
    connect(&timer_, &QTimer::timeout, this, &SharedStudyStatus::refresh);
    timer_.start(1000);
    refresh();
}

SharedStudyStatus::~SharedStudyStatus() = default;

void SharedStudyStatus::refresh() {
    const SyncStatus status = sync_->status();
    set_full_text(QString::fromStdString(describe(status, std::chrono::steady_clock::now())));
    // Waiting is normal offline work (nothing lost); a refusal needs a person.
    const bool refused = status.state == SyncStatus::State::Refused;
    setStyleSheet(refused ? QStringLiteral("color: #b00020; font-weight: 600;") : QString());
}

} // namespace algogui
