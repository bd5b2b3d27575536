#include "algogui/SharedStudyReading.h"

#include "algocore/session/Workbench.h"
#include "algocore/storage/OpenStorage.h"

namespace algogui {

SharedStudyReading::SharedStudyReading(QObject* parent) : QObject(parent) {
    setObjectName(QStringLiteral("SharedStudyReading"));
}

SharedStudyReading::~SharedStudyReading() = default;

SharedStudyReading& SharedStudyReading::of(QObject& window) {
    auto* existing = window.findChild<SharedStudyReading*>(QStringLiteral("SharedStudyReading"),
                                                           Qt::FindDirectChildrenOnly);
    return existing ? *existing : *new SharedStudyReading(&window);
}

void SharedStudyReading::set_server(const QString& server) {
    if (server == server_) return;
    server_ = server;
    shared_.reset();
    if (server_.isEmpty()) reading_shared_ = false;
    Q_EMIT changed();
}

void SharedStudyReading::set_reading_shared(bool shared) {
    shared = shared && !server_.isEmpty();
    if (shared == reading_shared_) return;
    reading_shared_ = shared;
    Q_EMIT changed();
}

algocore::storage::Storage* SharedStudyReading::storage(algocore::session::Workbench& bench) {
    if (!reading_shared_) return bench.storage();
    if (!shared_)
        shared_ = algocore::storage::open_server(server_.toStdString(),
                                                 {.writable = false, .connect_at_first_read = true})
                      .storage;
    return shared_.get();
}

} // namespace algogui
