#include "algogui/class/ClassFilterModel.h"

#include "algogui/class/ClassTableModel.h"

namespace algogui::classview {

ClassFilterModel::ClassFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {
    setSortRole(ClassTableModel::kSortRole);
    setDynamicSortFilter(true);
}

void ClassFilterModel::set_filter_text(const QString& text) {
    const QString trimmed = text.simplified();
    if (trimmed == text_) return;
    text_ = trimmed;
    invalidateRowsFilter();
}

bool ClassFilterModel::filterAcceptsRow(int source_row, const QModelIndex& source_parent) const {
    if (text_.isEmpty() || source_parent.isValid()) return true;
    const auto* model = qobject_cast<const ClassTableModel*>(sourceModel());
    if (!model || source_row >= static_cast<int>(model->stations().size())) return true;
    const auto& p = model->stations()[static_cast<std::size_t>(source_row)];
    const auto has = [&](const QString& field) {
        return field.contains(text_, Qt::CaseInsensitive);
    };
    // The machine word too, and with its underscore read as a space (NO SIGNAL typed plainly).
    const QString machine = QString::fromUtf8(algocore::sharedstudy::to_string(p.state));
    return has(QString::fromStdString(p.station)) || has(QString::fromStdString(p.student)) ||
           has(QString::fromStdString(p.exercise)) || has(state_words(p.state)) || has(machine) ||
           has(QString(machine).replace(QLatin1Char('_'), QLatin1Char(' ')));
}

} // namespace algogui::classview
