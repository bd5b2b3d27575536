#include "algogui/SharedStudyBar.h"

#include <QHBoxLayout>

#include "algocore/session/Workbench.h"
#include "algogui/LiveFeed.h"
#include "algogui/MainWindow.h"
#include "algogui/Preferences.h"
#include "algogui/SharedStudyDialog.h"
#include "algogui/SharedStudyReading.h"
#include "algogui/SharedStudyStatus.h"

namespace algogui {

SharedStudyBar::SharedStudyBar(MainWindow& window, const QString& database_path, bool push_database)
    : QWidget(&window), window_(window), database_path_(database_path),
      push_database_(push_database) {
    setObjectName(QStringLiteral("SharedStudyBar"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    whole_ = new QCheckBox(tr("History and Reliability: whole shared study"), this);
    whole_->setObjectName(QStringLiteral("wholeSharedStudy"));
    settings_ = new QPushButton(tr("Shared study…"), this);
    settings_->setObjectName(QStringLiteral("sharedStudySettings"));
    layout->addWidget(whole_);
    layout->addWidget(settings_);
    SharedStudyReading& reading = SharedStudyReading::of(window_);
    connect(whole_, &QCheckBox::toggled, &reading, &SharedStudyReading::set_reading_shared);
    connect(settings_, &QPushButton::clicked, this, &SharedStudyBar::open_settings);
    // A database opened from the File menu is the one this station records in now: it is
    // the one pushed (the user chose it, so it is pushed even after a demo's scratch file).
    connect(&window_, &MainWindow::databaseOpened, this, [this] {
        database_path_ = QString::fromStdString(window_.feed().workbench().database_path());
        push_database_ = true;
        apply();
    });
    apply();
}

void SharedStudyBar::set_shared_study(const QString& server, const QString& station) {
    window_.preferences().set_shared_study(server, station);
    apply();
}

void SharedStudyBar::apply() {
    const QString server = window_.preferences().shared_server();
    const QString station = window_.preferences().shared_station();
    // A new server is read afresh; the pages go back to this station's own database first.
    whole_->setChecked(false);
    whole_->setVisible(!server.isEmpty());
    SharedStudyReading::of(window_).set_server(server);
    delete status_;
    status_ = nullptr;
    if (!server.isEmpty() && push_database_) {
        status_ = new SharedStudyStatus(database_path_, server, station, this);
        static_cast<QHBoxLayout*>(layout())->insertWidget(0, status_);
    }
}

void SharedStudyBar::open_settings() {
    if (dialog_) return;
    dialog_ = new SharedStudyDialog(window_.preferences().shared_server(),
                                    window_.preferences().shared_station(), &window_);
    dialog_->setAttribute(Qt::WA_DeleteOnClose);
    dialog_->setWindowModality(Qt::WindowModal);
    connect(dialog_, &QDialog::accepted, this,
            [this] { set_shared_study(dialog_->server(), dialog_->station()); });
    connect(dialog_, &QObject::destroyed, this, [this] { dialog_ = nullptr; });
    dialog_->open();
}

} // namespace algogui
