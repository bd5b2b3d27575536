#include "algogui/thresholds/TrialExclusionButton.h"

#include "algocore/session/Workbench.h"
#include "algogui/TrialExclusionDialog.h"
#include "algogui/thresholds/TrialTable.h"

namespace algogui {

TrialExclusionButton::TrialExclusionButton(algocore::session::Workbench& workbench,
                                           TrialTable& table, QWidget* parent)
    : QPushButton(tr("Exclude trial…"), parent), workbench_(workbench), table_(table) {
    setAccessibleName(tr("Exclude the selected trial"));
    setToolTip(tr("Select a stored trial in the table to exclude it from the point's threshold "
                  "(it stays stored and shown, with the reason)"));
    // A click on the button must never take the keyboard from the trial keys.
    setFocusPolicy(Qt::NoFocus);
    connect(&table_, &TrialTable::trialSelected, this, &TrialExclusionButton::follow_selection);
    connect(this, &QPushButton::clicked, this, &TrialExclusionButton::ask);
    follow_selection();
}

void TrialExclusionButton::follow_selection() {
    const auto* row = table_.selected_trial();
    setEnabled(row != nullptr);
    setText(row && !row->excluded_reason.empty() ? tr("Count trial again…") : tr("Exclude trial…"));
}

void TrialExclusionButton::ask() {
    const auto* row = table_.selected_trial();
    if (!row || dialog_) return;
    const bool exclude = row->excluded_reason.empty();
    const auto trial_id = row->record_id;
    const auto& site = workbench_.thresholds().site();
    const QString what = tr("trial %1 (%2 kPa%3)")
                             .arg(row->number)
                             .arg(row->trial.result.ppt_kpa, 0, 'f', 0)
                             .arg(site ? QStringLiteral(", ") + QString::fromStdString(site->name) +
                                             QLatin1Char(' ') +
                                             QLatin1String(algocore::records::to_letter(
                                                 workbench_.thresholds().side()))
                                       : QString());
    dialog_ = new TrialExclusionDialog(what, exclude, this);
    dialog_->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog_, &QDialog::finished, this, [this, exclude, trial_id](int result) {
        const QString reason = dialog_->reason();
        dialog_ = nullptr;
        if (result != QDialog::Accepted) return;
        const auto& visit = workbench_.visit().visit();
        const std::string who = visit && !visit->operator_name.empty()
                                    ? visit->operator_name
                                    : algocore::session::default_corrector();
        auto& corrections = workbench_.corrections();
        const auto request = exclude
                                 ? corrections.exclude_trial(trial_id, reason.toStdString(), who)
                                 : corrections.reinstate_trial(trial_id, reason.toStdString(), who);
        follow_selection();
        Q_EMIT corrected(QString::fromStdString(request.error));
    });
    // Window-modal and not blocking: the page keeps drawing the live trace meanwhile.
    dialog_->open();
}

} // namespace algogui
