#include "algogui/treatment/TreatmentPages.h"

#include <memory>
#include <optional>

#include "algogui/Banner.h"
#include "algogui/CoachView.h"
#include "algogui/LiveFeed.h"
#include "algogui/LivePanel.h"
#include "algogui/MainWindow.h"
#include "algogui/thresholds/ThresholdsPage.h"
#include "algogui/training/TrainingPage.h"
#include "algogui/treatment/PointPicker.h"
#include "algogui/treatment/TreatmentPage.h"

namespace algogui {

TreatmentPages add_treatment_pages(MainWindow& window) {
    auto& workbench = window.feed().workbench();
    TreatmentPages pages;
    pages.treatment = new TreatmentPage(workbench, &window.audio(), &window);
    pages.training = new TrainingPage(workbench, &window);
    window.add_page(QObject::tr("Treatment"), pages.treatment);
    window.add_page(QObject::tr("Training"), pages.training);

    // Both pages draw every frame: a hold keeps running while another page is looked at.
    QObject::connect(&window.feed(), &LiveFeed::frameReady, pages.treatment, [&window, pages] {
        if (pages.treatment->unit().key != window.unit().key) {
            pages.treatment->set_unit(window.unit());
            pages.training->set_unit(window.unit());
        }
        pages.treatment->feed(window.feed().frame_samples());
        pages.training->feed(window.feed().frame_samples());
    });

    // While a treatment set runs, the audio cues, the coach view and the Live page judge
    // against its band (so no cue contradicts the hold); when it ends, the user's own
    // targets are back.
    auto saved = std::make_shared<std::optional<LiveTargets>>();
    QObject::connect(pages.treatment, &TreatmentPage::activeBandChanged, &window,
                     [&window, pages, saved] {
                         const auto band = pages.treatment->session().active_band();
                         if (!band) {
                             if (*saved) window.live_panel().set_targets(**saved);
                             saved->reset();
                             window.feed().model().stop_hold();
                             return;
                         }
                         LiveTargets targets = window.feed().model().targets();
                         if (!*saved) *saved = targets;
                         targets.band_low_kpa = band->low_kpa;
                         targets.band_high_kpa = band->high_kpa;
                         if (band->has_limit())
                             targets.limit_kpa = band->limit_kpa;
                         else if (targets.limit_kpa <= band->high_kpa)
                             targets.limit_kpa = 1.5 * band->high_kpa;
                         targets.hold_s = pages.treatment->session().prescription().hold_s;
                         targets.grace_s = pages.treatment->session().prescription().grace_s;
                         if (!targets.validate().ok()) return;
                         window.live_panel().set_targets(targets);
                         window.feed().model().start_hold();
                     });

    // Another database: the Treatment page starts over (the Training page follows its
    // session, which drops what it read from the database before).
    QObject::connect(&window, &MainWindow::databaseOpened, pages.treatment,
                     &TreatmentPage::start_over);

    // Every prompt of the set reaches the coach view, in the same words and colour.
    QObject::connect(pages.treatment, &TreatmentPage::promptShown, &window.coach_view(),
                     &CoachView::show_prompt);
    QObject::connect(pages.treatment, &TreatmentPage::promptCleared, &window.coach_view(),
                     &CoachView::clear_prompt);

    QObject::connect(pages.treatment, &TreatmentPage::measureThresholdRequested, &window,
                     [&window, pages](const QString& threshold) {
                         window.show_page(&window.thresholds_page());
                         window.banner().show_message(
                             BannerLevel::Info,
                             QObject::tr("Measure the %1 at %2 for %3, then return to Treatment.")
                                 .arg(threshold, pages.treatment->point().point_name(),
                                      pages.treatment->point().subject_code()));
                     });
    return pages;
}

} // namespace algogui
