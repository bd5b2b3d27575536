#pragma once
// The result at the selected point in words: mean, SD, CV over counted trials, the
// left-right difference (absolute and %), and the change since the previous session judged
// against the site's minimal detectable change.
#include <QWidget>

#include "algocore/session/PptSession.h"
#include "algogui/DisplayUnit.h"

class QLabel;

namespace algogui {

using algocore::session::PptPointResult;
using algocore::session::PptTrialRow;

class PointSummaryView : public QWidget {
    Q_OBJECT
public:
    explicit PointSummaryView(QWidget* parent = nullptr);

    void set_unit(const DisplayUnit& unit);
    void show_result(const PptPointResult& result, algocore::protocols::PptAggregate aggregate);

    QString statistics_text() const;
    QString sides_text() const;
    QString change_text() const;

private:
    DisplayUnit unit_;
    QLabel* statistics_ = nullptr;
    QLabel* sides_ = nullptr;
    QLabel* change_ = nullptr;
};

} // namespace algogui
