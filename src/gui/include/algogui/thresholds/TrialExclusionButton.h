#pragma once
// "Exclude trial…" under the trials table: asks why (TrialExclusionDialog) and hands the
// selected stored trial to algocore's Corrections, so the trial is kept, flagged, audited and
// no longer counted. On an excluded trial it reads "Count trial again…".
#include <QPushButton>
#include <QString>

namespace algocore::session {
class Workbench;
}

namespace algogui {

class TrialTable;
class TrialExclusionDialog;

class TrialExclusionButton : public QPushButton {
    Q_OBJECT
public:
    TrialExclusionButton(algocore::session::Workbench& workbench, TrialTable& table,
                         QWidget* parent = nullptr);

    /// The open reason dialog, or null (tests answer it as a user would).
    TrialExclusionDialog* dialog() const { return dialog_; }

Q_SIGNALS:
    /// A correction was enqueued (views re-derive) or refused (problem says why).
    void corrected(const QString& problem);

private:
    void follow_selection();
    void ask();

    algocore::session::Workbench& workbench_;
    TrialTable& table_;
    TrialExclusionDialog* dialog_ = nullptr;
};

} // namespace algogui
