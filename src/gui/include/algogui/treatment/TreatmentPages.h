#pragma once
// Puts the Treatment and Training pages into the main window and wires them: the samples of
// each display frame, the display unit, the database the Thresholds page opens, and
// "Measure PPT first" showing the Thresholds page. Kept out of MainWindow.cpp so the
// composition root stays one line per page family.

namespace algogui {

class MainWindow;
class TrainingPage;
class TreatmentPage;

struct TreatmentPages {
    TreatmentPage* treatment = nullptr;
    TrainingPage* training = nullptr;
};

/// Adds both pages (titled "Treatment" and "Training") and returns them.
TreatmentPages add_treatment_pages(MainWindow& window);

} // namespace algogui
