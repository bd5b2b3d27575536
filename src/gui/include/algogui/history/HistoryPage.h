#pragma once
// The "History" page: a subject's sessions; per point the threshold over the sessions (mean
// of counted trials, SD) with the site's MDC and a "real change" verdict against the previous
// and the first session, and the left/right difference; every hold with its dose. A double
// click opens the raw traces. Report writes the selected session's PDF, Export the subject's
// (or the session's, or a date range's) data. A view of algocore::history::SubjectHistory:
// every number comes from there, every read goes through the HistoryStore.
#include <QWidget>
#include <memory>

#include "algocore/history/SubjectHistory.h"
#include "algogui/DisplayUnit.h"
#include "algogui/history/HistoryStore.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace algogui {

class HistoryPlot;
class TriggerPointHistory;
class SubjectPicker;

class HistoryPage : public QWidget {
    Q_OBJECT
public:
    explicit HistoryPage(HistoryStore store, QWidget* parent = nullptr);
    ~HistoryPage() override;

    void set_unit(const DisplayUnit& unit);
    /// The report header (clinic, therapist) from the settings.
    void set_report_header(const QString& clinic, const QString& therapist);
    /// Opens a subject's history (asks the store).
    void open_subject(const QString& code);
    /// Reads the subject list (and the subject in view) again: the study read changed.
    void reload();
    /// Another database was opened: everything shown goes, then its most recently seen
    /// subject (or the subject in view) is opened.
    void start_over();
    /// Builds and shows a history from records (what an answer from the store does).
    void show_records(const algocore::records::SubjectRecords& records);

    const algocore::history::SubjectHistory& history() const { return history_; }
    QTableWidget& sessions_table() { return *sessions_; }
    QTableWidget& points_table() { return *points_; }
    QTableWidget& holds_table() { return *holds_; }
    /// The trigger points' findings and referral zones over the visits.
    TriggerPointHistory& trigger_points() { return *trigger_points_; }
    QTabWidget& tabs() { return *tabs_; }
    QString status_text() const;

Q_SIGNALS:
    /// The header fields were edited (the lead keeps them in the settings).
    void reportHeaderEdited(const QString& clinic, const QString& therapist);

protected:
    void showEvent(QShowEvent* event) override;

private:
    struct Alive; // answers reach the page only while it lives

    QWidget* build_top();
    void refresh_subjects();
    void show_session(int row);
    void show_point(int row);
    void show_holds();
    void open_point_traces(int row);
    void open_hold_trace(int row);
    void write_report();
    void export_data();
    void set_status(const QString& text);
    algocore::records::RecordId selected_session() const;

    HistoryStore store_;
    std::shared_ptr<Alive> alive_;
    DisplayUnit unit_;
    algocore::history::SubjectHistory history_;
    bool subjects_asked_ = false;
    QString followed_;        ///< the subject in view the page last followed
    int subject_request_ = 0; ///< the newest subject read asked for

    SubjectPicker* subject_ = nullptr;
    QPushButton* open_ = nullptr;
    QLineEdit* clinic_ = nullptr;
    QLineEdit* therapist_ = nullptr;
    QPushButton* report_ = nullptr;
    QPushButton* export_ = nullptr;
    QLabel* status_ = nullptr;
    QTableWidget* sessions_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    QTableWidget* points_ = nullptr;
    QTableWidget* holds_ = nullptr;
    HistoryPlot* trend_ = nullptr;
    TriggerPointHistory* trigger_points_ = nullptr;
};

} // namespace algogui
