#pragma once
// The Class page's table as the teacher narrows it: the stations whose name, student, exercise
// or state (in the teacher's words or the machine word, e.g. "offline", "no signal") contain
// the text typed, without regard to case; sorted as the table's header asks. Rows are the
// source model's rows mapped through this proxy, so a click must be mapped back
// (mapToSource) before it names a station.
#include <QSortFilterProxyModel>
#include <QString>

namespace algogui::classview {

class ClassFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit ClassFilterModel(QObject* parent = nullptr);

    /// Shows only the stations that match `text` (all of them when it is blank).
    void set_filter_text(const QString& text);
    const QString& filter_text() const { return text_; }

protected:
    bool filterAcceptsRow(int source_row, const QModelIndex& source_parent) const override;

private:
    QString text_;
};

} // namespace algogui::classview
