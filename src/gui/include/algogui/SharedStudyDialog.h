#pragma once
// "Shared study…": this station's server (a libpq connection string or postgresql:// URI,
// never with a password: it comes from ~/.pgpass) and its name in the study. The address is
// checked as it is typed (algocore's rule); nothing connects here, the window never waits for
// the network: the status bar says how the first push went.
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>

namespace algogui {

class SharedStudyDialog : public QDialog {
    Q_OBJECT
public:
    SharedStudyDialog(const QString& server, const QString& station, QWidget* parent = nullptr);

    QString server() const { return server_->text().trimmed(); }
    QString station() const { return station_->text().trimmed(); }

    QLineEdit& server_field() { return *server_; }
    QLineEdit& station_field() { return *station_; }
    QLabel& problem_label() { return *problem_; }
    QDialogButtonBox& buttons() { return *buttons_; }

private:
    void check();

    QLineEdit* server_;
    QLineEdit* station_;
    QLabel* problem_;
    QDialogButtonBox* buttons_;
};

} // namespace algogui
