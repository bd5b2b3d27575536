#pragma once
// Every station of a class as table rows, in the teacher's words: station, student, exercise,
// state, live pressure (against the exercise's band), time in band so far and the attempt's
// score once it ended. A view of the watcher's picture only; it decides nothing.
#include <QAbstractTableModel>
#include <QString>
#include <vector>

#include "algocore/sharedstudy/ClassProgress.h"

namespace algogui::classview {

/// The state in the teacher's words (algocore::sharedstudy::plain_words, the one list the
/// CLI's `state` values come from too).
QString state_words(algocore::sharedstudy::StationState state);

class ClassTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Station,
        Student,
        Exercise,
        State,
        Pressure,
        InBand,
        AbsoluteError,
        ConstantError,
        VariableError,
        ColumnCount
    };
    /// The value a column sorts by (numbers as numbers; a missing number sorts first).
    static constexpr int kSortRole = Qt::UserRole;
    /// The pressure column's band, kPa (QVariant() when the exercise has none).
    static constexpr int kBandLowRole = Qt::UserRole + 1;
    static constexpr int kBandHighRole = Qt::UserRole + 2;
    /// The pressure, kPa, only while the station has a live signal.
    static constexpr int kPressureRole = Qt::UserRole + 3;

    explicit ClassTableModel(QObject* parent = nullptr);

    /// Takes the class as the watcher shows it now (by station name).
    void set_stations(const std::vector<algocore::sharedstudy::StationProgress>& stations);
    const std::vector<algocore::sharedstudy::StationProgress>& stations() const {
        return stations_;
    }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QVariant text(const algocore::sharedstudy::StationProgress& p, int column) const;
    QVariant sort_key(const algocore::sharedstudy::StationProgress& p, int column) const;

    std::vector<algocore::sharedstudy::StationProgress> stations_;
};

} // namespace algogui::classview
