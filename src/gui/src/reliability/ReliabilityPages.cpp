#include "algogui/reliability/ReliabilityPages.h"

#include "algogui/LiveFeed.h"
#include "algogui/MainWindow.h"
#include "algogui/reliability/ReliabilityPage.h"
#include "algogui/reliability/StoredReliabilitySource.h"

namespace algogui {

ReliabilityPage* add_reliability_page(MainWindow& window) {
    auto* page = new ReliabilityPage(&window);
    // The study is read on the workbench's storage thread and answered on the GUI thread
    // (the inbox is delivered every display frame): the window never waits for it.
    auto& workbench = window.feed().workbench();
    page->set_source(
        [&workbench](const ReliabilityRequest& request, ReliabilityAnswerHandler handler) {
            auto* storage = workbench.storage();
            if (!storage) {
                ReliabilityAnswer none;
                none.error = "no database is open";
                handler(none);
                return;
            }
            const std::string source = workbench.database_path();
            algocore::storage::ask<ReliabilityAnswer>(
                *storage, workbench.inbox(),
                [request, source](algocore::storage::Storage& s) {
                    return StoredReliabilitySource::from_study(s.load_study(), request, source);
                },
                [handler](algocore::storage::Answer<ReliabilityAnswer> answer) {
                    if (!answer.ok()) answer.value.error = answer.error;
                    handler(std::move(answer.value));
                });
        });
    window.add_page(QObject::tr("Reliability"), page);
    return page;
}

} // namespace algogui
