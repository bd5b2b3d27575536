#include "algogui/treatment/TreatmentPages.h"

#include "algogui/Banner.h"
#include "algogui/LiveFeed.h"
#include "algogui/LivePanel.h"
#include "algogui/MainWindow.h"
#include "algogui/thresholds/ThresholdsPage.h"
#include "algogui/training/TrainingPage.h"
#include "algogui/treatment/PointPicker.h"
#include "algogui/treatment/TreatmentPage.h"

namespace algogui {

TreatmentPages add_treatment_pages(MainWindow& window) {
    TreatmentPages pages;
    pages.treatment = new TreatmentPage(&window.audio(), &window);
    pages.training = new TrainingPage(&window);
    window.add_page(QObject::tr("Treatment"), pages.treatment);
    window.add_page(QObject::tr("Training"), pages.training);

    // The Thresholds page owns the database; these pages use it once it is needed.
    const auto storage = [&window]() -> algocore::storage::Storage* {
        auto* thresholds = window.findChild<ThresholdsPage*>();
        if (!thresholds) return nullptr;
        if (!thresholds->storage()) thresholds->open_database();
        return thresholds->storage();
    };
    pages.treatment->set_storage_source(storage);
    pages.training->set_storage_source(storage);

    // Both pages see every sample: a hold keeps running while another page is looked at.
    QObject::connect(&window.feed(), &LiveFeed::frameReady, pages.treatment, [&window, pages] {
        if (pages.treatment->unit().key != window.unit().key) {
            pages.treatment->set_unit(window.unit());
            pages.training->set_unit(window.unit());
        }
        pages.treatment->feed(window.feed().frame_samples());
        pages.training->feed(window.feed().frame_samples());
    });

    // The audio cues, the coach view and the Live page judge against the live targets: a
    // treatment hold moves them to its own band so no cue contradicts the hold.
    QObject::connect(pages.treatment, &TreatmentPage::holdStarted, &window,
                     [&window](const algocore::protocols::HoldConfig& config) {
                         LiveTargets targets = window.feed().model().targets();
                         targets.band_low_kpa = config.band.low_kpa;
                         targets.band_high_kpa = config.band.high_kpa;
                         if (config.band.has_limit())
                             targets.limit_kpa = config.band.limit_kpa;
                         else if (targets.limit_kpa <= config.band.high_kpa)
                             targets.limit_kpa = 1.5 * config.band.high_kpa;
                         targets.hold_s = config.hold_s;
                         targets.grace_s = config.grace_s;
                         if (!targets.validate().ok()) return;
                         window.live_panel().set_targets(targets);
                         window.feed().model().start_hold();
                     });

    QObject::connect(pages.treatment, &TreatmentPage::measureThresholdRequested, &window,
                     [&window, pages](const QString& threshold) {
                         auto* thresholds = window.findChild<ThresholdsPage*>();
                         if (!thresholds) {
                             window.banner().show_message(
                                 BannerLevel::Warning,
                                 QObject::tr("This build has no Thresholds page to measure the %1.")
                                     .arg(threshold));
                             return;
                         }
                         window.show_page(thresholds);
                         window.banner().show_message(
                             BannerLevel::Info,
                             QObject::tr("Measure the %1 at %2 for %3, then return to Treatment.")
                                 .arg(threshold, pages.treatment->point().point_name(),
                                      pages.treatment->point().subject_code()));
                     });
    return pages;
}

} // namespace algogui
