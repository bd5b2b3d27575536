#include "algogui/TrialExclusionDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "algocore/session/Corrections.h"

namespace algogui {

TrialExclusionDialog::TrialExclusionDialog(const QString& what, bool exclude, QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(exclude ? tr("Exclude trial") : tr("Count trial again"));
    auto* layout = new QVBoxLayout(this);
    auto* text = new QLabel(
        exclude ? tr("Exclude %1 from the point's threshold?\nThe trial stays stored and is shown "
                     "as excluded; the audit log keeps who, when and why.")
                      .arg(what)
                : tr("Count %1 in the point's threshold again?\nThe exclusion stays in the "
                     "audit log.")
                      .arg(what),
        this);
    text->setWordWrap(true);
    layout->addWidget(text);
    layout->addWidget(new QLabel(tr("Reason"), this));
    reason_ = new QComboBox(this);
    reason_->setEditable(true);
    reason_->setInsertPolicy(QComboBox::NoInsert);
    reason_->setAccessibleName(tr("Reason"));
    if (exclude)
        for (const std::string& r : algocore::session::trial_exclusion_reasons())
            reason_->addItem(QString::fromStdString(r));
    reason_->setCurrentIndex(-1);
    reason_->lineEdit()->setPlaceholderText(exclude ? tr("pick one or type your own")
                                                    : tr("e.g. video reviewed"));
    reason_->lineEdit()->setMaxLength(static_cast<int>(algocore::session::kMaxReasonChars));
    layout->addWidget(reason_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    confirm_ = buttons->addButton(exclude ? tr("Exclude trial") : tr("Count again"),
                                  QDialogButtonBox::AcceptRole);
    confirm_->setEnabled(false);
    layout->addWidget(buttons);
    // A reason is required: the button waits for one.
    connect(reason_, &QComboBox::currentTextChanged, this,
            [this](const QString& typed) { confirm_->setEnabled(!typed.trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString TrialExclusionDialog::reason() const {
    return reason_->currentText().trimmed();
}

} // namespace algogui
