#pragma once
// Examining a trigger point in the visit: the findings (FindingsPanel) beside the body map,
// on which the therapist taps or drags over the regions where the patient feels the referred
// pain (front and back). "Record findings" stores them with the visit through algocore's
// Recorder, as `algoscope-cli findings set` does; the dialog opens on the findings stored for
// the point in this visit, read from the store, and shows what was stored after recording.
#include <QDialog>

#include "algocore/records/Records.h"
#include "algocore/session/Workbench.h"

class QLabel;
class QPushButton;

namespace algogui {

class BodyMapWidget;
class FindingsPanel;

class TriggerPointDialog : public QDialog {
    Q_OBJECT
public:
    /// The point examined: a site of the workbench's library on a side, in the visit begun
    /// on the workbench.
    TriggerPointDialog(algocore::session::Workbench& workbench, algocore::records::Site site,
                       algocore::records::BodySide side, QWidget* parent = nullptr);

    FindingsPanel& findings() { return *panel_; }
    BodyMapWidget& map() { return *map_; }
    QPushButton& record_button() { return *record_; }
    /// "Not examined yet in this visit", "Recorded in this visit at 09:20", or why not.
    QString status_text() const;
    /// Stores the findings shown (false with the reason shown).
    bool record();

Q_SIGNALS:
    /// The stored findings of the point were read (at opening and after recording).
    void storedFindingsShown();

private:
    void read_stored();

    algocore::session::Workbench& workbench_;
    algocore::records::Site site_;
    algocore::records::BodySide side_;
    FindingsPanel* panel_ = nullptr;
    BodyMapWidget* map_ = nullptr;
    QLabel* status_ = nullptr;
    QPushButton* record_ = nullptr;
};

} // namespace algogui
