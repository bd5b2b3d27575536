#include "algogui/class/ClassTableModel.h"

#include <QColor>
#include <QFont>

#include "algogui/Theme.h"

namespace algogui::classview {

using algocore::sharedstudy::StationProgress;
using algocore::sharedstudy::StationState;

QString state_words(StationState state) {
    return QString::fromUtf8(algocore::sharedstudy::plain_words(state));
}

namespace {

QString kpa(const std::optional<double>& value, bool sign = false) {
    if (!value) return QStringLiteral("–");
    QString text = QString::number(*value, 'f', 1);
    if (sign && *value > 0.0) text.prepend(QLatin1Char('+'));
    return text;
}

QVariant number(const std::optional<double>& value) {
    // A missing number sorts before every number.
    return value ? QVariant(*value) : QVariant(-1.0e300);
}

// Text that sorts as people count: "desk 2" before "desk 10" (each run of digits padded).
QString natural_key(const QString& text) {
    constexpr int kDigits = 10;
    QString key;
    QString digits;
    for (const QChar c : text.toCaseFolded()) {
        if (c.isDigit()) {
            digits += c;
            continue;
        }
        if (!digits.isEmpty()) key += digits.rightJustified(kDigits, QLatin1Char('0'));
        digits.clear();
        key += c;
    }
    if (!digits.isEmpty()) key += digits.rightJustified(kDigits, QLatin1Char('0'));
    return key;
}

} // namespace

ClassTableModel::ClassTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ClassTableModel::set_stations(const std::vector<StationProgress>& stations) {
    bool same_rows = stations.size() == stations_.size();
    for (std::size_t i = 0; same_rows && i < stations.size(); ++i)
        same_rows = stations[i].station == stations_[i].station;
    if (!same_rows) {
        beginResetModel();
        stations_ = stations;
        endResetModel();
        return;
    }
    stations_ = stations;
    if (!stations_.empty()) Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int ClassTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(stations_.size());
}

int ClassTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ClassTableModel::text(const StationProgress& p, int column) const {
    const auto score = p.score;
    switch (column) {
    case Station: return QString::fromStdString(p.station);
    case Student: return QString::fromStdString(p.student);
    case Exercise: return QString::fromStdString(p.exercise);
    case State: return state_words(p.state);
    case Pressure: {
        const auto live = algocore::sharedstudy::live_pressure_kpa(p);
        return live ? kpa(live) : QString();
    }
    case InBand:
        return p.in_band_pct ? QString::number(*p.in_band_pct, 'f', 0) + QStringLiteral(" %")
                             : QStringLiteral("–");
    case AbsoluteError: return kpa(score ? std::optional(score->absolute_error_kpa) : std::nullopt);
    case ConstantError:
        return kpa(score ? std::optional(score->constant_error_kpa) : std::nullopt, true);
    case VariableError: return kpa(score ? std::optional(score->variable_error_kpa) : std::nullopt);
    default: return {};
    }
}

QVariant ClassTableModel::sort_key(const StationProgress& p, int column) const {
    const auto score = p.score;
    switch (column) {
    case State: return static_cast<int>(p.state);
    case Pressure: return number(algocore::sharedstudy::live_pressure_kpa(p));
    case InBand: return number(p.in_band_pct);
    case AbsoluteError:
        return number(score ? std::optional(score->absolute_error_kpa) : std::nullopt);
    case ConstantError:
        return number(score ? std::optional(score->constant_error_kpa) : std::nullopt);
    case VariableError:
        return number(score ? std::optional(score->variable_error_kpa) : std::nullopt);
    default: return natural_key(text(p, column).toString());
    }
}

QVariant ClassTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const StationProgress& p = stations_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole: return text(p, index.column());
    case kSortRole: return sort_key(p, index.column());
    case kPressureRole: {
        const auto live = algocore::sharedstudy::live_pressure_kpa(p);
        return live ? QVariant(*live) : QVariant();
    }
    case kBandLowRole: return p.band_low_kpa ? QVariant(*p.band_low_kpa) : QVariant();
    case kBandHighRole: return p.band_high_kpa ? QVariant(*p.band_high_kpa) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() >= InBand ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                        : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (index.column() != State) return {};
        switch (p.state) {
        case StationState::NoSignal: return theme::kOverLimit;
        case StationState::Offline: return theme::kNoSignal;
        case StationState::Attempt: return theme::kInBand;
        default: return theme::kText;
        }
    default: return {};
    }
}

QVariant ClassTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Station: return tr("Station");
    case Student: return tr("Student");
    case Exercise: return tr("Exercise");
    case State: return tr("State");
    case Pressure: return tr("Pressure (kPa)");
    case InBand: return tr("In band");
    case AbsoluteError: return tr("Abs. error");
    case ConstantError: return tr("Const. error");
    case VariableError: return tr("Var. error");
    default: return {};
    }
}

} // namespace algogui::classview
