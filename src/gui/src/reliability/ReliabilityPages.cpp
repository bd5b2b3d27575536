#include "algogui/reliability/ReliabilityPages.h"

#include "algogui/LiveFeed.h"
#include "algogui/MainWindow.h"
#include "algogui/SharedStudyReading.h"
#include "algogui/reliability/ReliabilityPage.h"
#include "algogui/reliability/StoredReliabilitySource.h"

namespace algogui {

ReliabilityPage* add_reliability_page(MainWindow& window) {
    auto* page = new ReliabilityPage(&window);
    // The study is read on the workbench's storage thread and answered on the GUI thread
    // (the inbox is delivered every display frame): the window never waits for it.
    auto& workbench = window.feed().workbench();
    // This station's database, or every station's sessions when the window reads the shared
    // study (raters are then operators by name across stations).
    SharedStudyReading& reading = SharedStudyReading::of(window);
    page->set_source([&workbench, &reading](const ReliabilityRequest& request,
                                            ReliabilityAnswerHandler handler) {
        auto* storage = reading.storage(workbench);
        if (!storage) {
            ReliabilityAnswer none;
            none.error = "no database is open";
            handler(none);
            return;
        }
        const std::string source =
            reading.reading_shared() ? std::string("the shared study") : workbench.database_path();
        algocore::storage::ask<ReliabilityAnswer>(
            *storage, workbench.inbox(),
            [request, source](algocore::storage::StorageReader& s) {
                return StoredReliabilitySource::from_study(s.load_study(), request, source);
            },
            [handler](algocore::storage::Answer<ReliabilityAnswer> answer) {
                if (!answer.ok()) answer.value.error = answer.error;
                handler(std::move(answer.value));
            });
    });
    // "Use as this site's MDC" stores into this station's database (an MDC saved on a station
    // reaches the shared study with its push).
    page->set_store([&workbench] { return workbench.storage(); });
    QObject::connect(&reading, &SharedStudyReading::changed, page, &ReliabilityPage::request_rows);
    QObject::connect(&window, &MainWindow::databaseOpened, page, &ReliabilityPage::request_rows);
    window.add_page(QObject::tr("Reliability"), page);
    return page;
}

} // namespace algogui
