#pragma once
// The shared study in the window's status bar: the push's word on it (SharedStudyStatus), the
// check box that makes History and Reliability read every station's sessions, and "Shared
// study…", where the station's server and name are set (kept in the settings). With no
// server the station works alone and only the button shows.
#include <QCheckBox>
#include <QPushButton>
#include <QWidget>

namespace algogui {

class MainWindow;
class SharedStudyStatus;
class SharedStudyDialog;

class SharedStudyBar : public QWidget {
    Q_OBJECT
public:
    /// Reads the window's preferences; pushes the database at database_path only when
    /// push_database (a demo's scratch file is not pushed unless the run asked for it).
    SharedStudyBar(MainWindow& window, const QString& database_path, bool push_database);

    /// Keeps server and station in the settings and starts over with them (an empty server:
    /// the station works alone again).
    void set_shared_study(const QString& server, const QString& station);

    QCheckBox& whole_study() { return *whole_; }
    QPushButton& settings_button() { return *settings_; }
    /// The push's status; nullptr when nothing is pushed.
    SharedStudyStatus* status() { return status_; }
    /// The settings dialog while it is open; nullptr otherwise.
    SharedStudyDialog* dialog() { return dialog_; }

private:
    void apply();
    void open_settings();

    MainWindow& window_;
    QString database_path_;
    bool push_database_;
    QCheckBox* whole_;
    QPushButton* settings_;
    SharedStudyStatus* status_ = nullptr;
    SharedStudyDialog* dialog_ = nullptr;
};

} // namespace algogui
