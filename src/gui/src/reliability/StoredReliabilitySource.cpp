#include "algogui/reliability/StoredReliabilitySource.h"

#include <QFileInfo>
#include <QThreadPool>
#include <algorithm>

#include "algocore/session/ReliabilitySession.h"
#include "algocore/storage/OpenStorage.h"

namespace algogui {

StoredReliabilitySource::StoredReliabilitySource(std::function<QString()> database_path,
                                                 QObject* parent)
    : QObject(parent), database_path_(std::move(database_path)),
      pool_(std::make_unique<QThreadPool>()) {
    pool_->setMaxThreadCount(1); // one study load at a time; requests queue
}

StoredReliabilitySource::~StoredReliabilitySource() {
    pool_->waitForDone();
}

ReliabilitySource StoredReliabilitySource::as_source() {
    return [this](const ReliabilityRequest& r, ReliabilityAnswerHandler h) {
        request(r, std::move(h));
    };
}

void StoredReliabilitySource::request(const ReliabilityRequest& request,
                                      ReliabilityAnswerHandler handler) {
    const QString path = database_path_ ? database_path_() : QString();
    pool_->start([path, request, handler = std::move(handler)] { handler(answer(path, request)); });
}

ReliabilityAnswer StoredReliabilitySource::answer(const QString& database_path,
                                                  const ReliabilityRequest& request) {
    using namespace algocore;
    ReliabilityAnswer out;
    const std::string location = database_path.toStdString();
    if (database_path.isEmpty() || !QFileInfo::exists(database_path)) {
        out.error = "no database yet at " + location + " (record thresholds first, or open a CSV)";
        return out;
    }
    // Reading for statistics never changes the study.
    auto opened = storage::open(location, {.writable = false});
    if (!opened.storage) {
        out.error = opened.error;
        return out;
    }
    const records::StudyData study = opened.storage->load_study();
    opened.storage->close();
    return from_study(study, request, location);
}

ReliabilityAnswer StoredReliabilitySource::from_study(const algocore::records::StudyData& study,
                                                      const ReliabilityRequest& request,
                                                      const std::string& location) {
    using namespace algocore;
    ReliabilityAnswer out;
    // Sites with at least one counted trial, so the list offers only sites with data.
    for (const records::Site& site : study.sites) {
        const bool measured =
            std::any_of(study.trials.begin(), study.trials.end(),
                        [&](const records::Trial& t) { return t.site_id == site.id && t.counted; });
        if (measured) out.sites.push_back({site.key, site.name});
    }
    if (request.query.site_key.empty()) return out;
    out.data = session::ReliabilitySession::from_study(study, request.query, location);
    return out;
}

} // namespace algogui
