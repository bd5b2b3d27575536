#pragma once
// The History page's trigger points: every examined point in every visit, a point's visits
// one under the other (so a referral zone that shrinks shows as fewer regions and a smaller
// share of the body map), with the class the findings make and the findings themselves;
// the selected row's zone is shaded on a body map and its words are written whole under the
// table (the table's word columns are cut to fit). A view of SubjectHistory::findings().
#include <QWidget>

#include "algocore/history/SubjectHistory.h"

class QLabel;
class QSplitter;
class QTableWidget;

namespace algogui {

class BodyMapWidget;

class TriggerPointHistory : public QWidget {
    Q_OBJECT
public:
    explicit TriggerPointHistory(QWidget* parent = nullptr);

    /// Shows a history's findings (none: an empty table and map).
    void show_history(const algocore::history::SubjectHistory& history);
    QTableWidget& table() { return *table_; }
    /// The selected visit's referred pain and findings, in words.
    QString selected_words() const;
    BodyMapWidget& map() { return *map_; }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void show_row(int row);
    void fit_split();

    QSplitter* split_ = nullptr;
    QTableWidget* table_ = nullptr;
    QLabel* words_ = nullptr;
    BodyMapWidget* map_ = nullptr;
    std::vector<algocore::history::FindingsEntry> rows_; ///< as the table lists them
};

} // namespace algogui
