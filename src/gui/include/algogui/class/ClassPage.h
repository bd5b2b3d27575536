#pragma once
// The Class page: the teacher watches every station of a class live (a view of
// algocore::sharedstudy::ClassWatcher, run on its own thread by ClassWatchThread), follows one
// station large, and hands out the class's exercise. The table is sized for a projector: 30
// stations at 1920×1080 fill the page in rows large enough to read from the back of a room.
#include <QPointer>
#include <QWidget>
#include <functional>
#include <memory>
#include <vector>

#include "algocore/sharedstudy/ClassProgress.h"
#include "algogui/class/AssignExerciseDialog.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace algogui::classview {

class ClassFilterModel;
class ClassProgressView;
class ClassTableModel;
class ClassWatchThread;
class StationFollowView;

class ClassPage : public QWidget {
    Q_OBJECT
public:
    /// server and station: the shared study's address and this station's name there, from the
    /// settings (may be empty); teacher_database: the open database, where the templates are.
    ClassPage(const QString& server, const QString& station,
              std::function<std::string()> teacher_database, QWidget* parent = nullptr);
    ~ClassPage() override;

    /// Starts watching the class named in the fields (Watch); stops the one watched before.
    void watch();

    QLineEdit& server_field() { return *server_; }
    QLineEdit& class_field() { return *class_name_; }
    QPushButton& watch_button() { return *watch_; }
    QPushButton& assign_button() { return *assign_; }
    /// Narrows the table to the stations whose name, student, exercise or state hold the text.
    QLineEdit& filter_field() { return *filter_; }
    QLabel& status_label() { return *status_; }
    QTableView& table() { return *table_; }
    ClassTableModel& model() { return *model_; }
    /// The table's rows as shown: filtered and sorted.
    ClassFilterModel& shown_rows() { return *shown_; }
    StationFollowView& follow_view() { return *follow_; }
    /// "Over the course": the class's attempts over its sessions in place of the live table.
    QPushButton& course_button() { return *course_; }
    ClassProgressView& progress_view() { return *progress_; }
    /// Whether the followed station is shown in place of the table.
    bool following() const;
    /// How many times the table was given a new picture (at most kRedrawsPerSecond a second).
    int pictures() const { return pictures_; }

    /// "Assign exercise…": opens the dialog for the server and class in the fields.
    void open_assign_dialog();
    /// The dialog opened last (null when closed).
    AssignExerciseDialog* assign_dialog() const { return assign_dialog_; }

protected:
    void resizeEvent(QResizeEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void show_stations(const std::vector<algocore::sharedstudy::StationProgress>& stations);
    void show_problem(const QString& problem);
    /// "Class 7b: 30 stations" (", 4 shown" while the filter narrows the table).
    QString summary() const;
    void show_filtered();
    /// The live class's status ("Class 7b: 30 stations", a connection problem): kept, and shown
    /// unless "Over the course" shows the course view, whose status the line says meanwhile.
    void set_live_status(const QString& text);
    void follow_row(const QModelIndex& index);
    /// Rows, fonts and column widths for the room the table has and the stations it shows.
    void fit_rows();
    /// The fixed columns as wide as their longest value or title.
    void fit_columns();
    /// Sets the table's text size and the column widths for it (tight: thinner margins); the
    /// width all columns need.
    int widths_for(int text_pixels, bool tight);

    QLineEdit* server_;
    QLineEdit* class_name_;
    QPushButton* watch_;
    QPushButton* assign_;
    QLabel* status_;
    QStackedWidget* stack_;
    QTableView* table_;
    ClassTableModel* model_;
    QLineEdit* filter_;
    ClassFilterModel* shown_;
    StationFollowView* follow_;
    QPushButton* course_;
    ClassProgressView* progress_;
    std::unique_ptr<ClassWatchThread> watcher_;
    QString station_;
    std::function<std::string()> teacher_database_;
    QPointer<AssignExerciseDialog> assign_dialog_;
    QString live_status_;
    int pictures_ = 0;
    int row_pixels_ = 0;
};

} // namespace algogui::classview
