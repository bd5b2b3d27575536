#include "algogui/SharedStudyDialog.h"

#include <QFormLayout>
#include <QPushButton>

#include "algocore/sharedstudy/ServerConnection.h"

namespace algogui {

SharedStudyDialog::SharedStudyDialog(const QString& server, const QString& station, QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Shared study"));
    setObjectName(QStringLiteral("SharedStudyDialog"));
    auto* form = new QFormLayout(this);
    auto* about = new QLabel(
        tr("This station keeps recording into its own database and pushes every stored record "
           "to the study's PostgreSQL server in the background. Leave the server empty to work "
           "alone. The password is never typed here: put it in ~/.pgpass."),
        this);
    about->setWordWrap(true);
    server_ = new QLineEdit(server, this);
    server_->setObjectName(QStringLiteral("sharedStudyServer"));
    server_->setPlaceholderText(QStringLiteral("postgresql://station-a@study.example/algoscope"));
    server_->setMinimumWidth(420);
    station_ = new QLineEdit(station, this);
    station_->setObjectName(QStringLiteral("sharedStudyStation"));
    station_->setPlaceholderText(tr("this computer's name"));
    problem_ = new QLabel(this);
    problem_->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("color: #b00020;"));
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    form->addRow(about);
    form->addRow(tr("Server"), server_);
    form->addRow(tr("This station's name"), station_);
    form->addRow(problem_);
    form->addRow(buttons_);
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(server_, &QLineEdit::textChanged, this, &SharedStudyDialog::check);
    check();
}

void SharedStudyDialog::check() {
    // algocore's rule for an address (readable, no password in it); empty means alone.
    QString problem;
    if (!server().isEmpty()) {
        const auto error = algocore::sharedstudy::check_server_address(server().toStdString());
        if (error) problem = QString::fromStdString(error.message);
    }
    problem_->setText(problem);
    problem_->setVisible(!problem.isEmpty());
    buttons_->button(QDialogButtonBox::Save)->setEnabled(problem.isEmpty());
}

} // namespace algogui
