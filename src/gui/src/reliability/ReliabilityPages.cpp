#include "algogui/reliability/ReliabilityPages.h"

#include "algogui/MainWindow.h"
#include "algogui/reliability/ReliabilityPage.h"
#include "algogui/reliability/StoredReliabilitySource.h"
#include "algogui/thresholds/ThresholdsPage.h"

namespace algogui {

ReliabilityPage* add_reliability_page(MainWindow& window) {
    auto* page = new ReliabilityPage(&window);
    // The source is the page's child: it is destroyed (waiting for its worker) with the page.
    auto* source = new StoredReliabilitySource(
        [&window] {
            auto* thresholds = window.findChild<ThresholdsPage*>();
            return thresholds ? thresholds->database_path() : QString();
        },
        page);
    page->set_source(source->as_source());
    window.add_page(QObject::tr("Reliability"), page);
    return page;
}

} // namespace algogui
