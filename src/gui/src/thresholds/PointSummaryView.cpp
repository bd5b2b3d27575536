#include "algogui/thresholds/PointSummaryView.h"

#include <QLabel>
#include <QVBoxLayout>
#include <cmath>

#include "algogui/Theme.h"

namespace algogui {

using algocore::protocols::ChangeVerdict;

namespace {
QString signed_number(const DisplayUnit& unit, double kpa) {
    return (kpa > 0   ? QStringLiteral("+")
            : kpa < 0 ? QStringLiteral("−")
                      : QString()) +
           unit.format_with_symbol(std::abs(kpa));
}
} // namespace

PointSummaryView::PointSummaryView(QWidget* parent)
    : QWidget(parent), unit_(display_unit(QStringLiteral("kpa"))) {
    statistics_ = new QLabel(this);
    QFont big = statistics_->font();
    big.setPixelSize(18);
    big.setBold(true);
    statistics_->setFont(big);
    sides_ = new QLabel(this);
    change_ = new QLabel(this);
    for (QLabel* label : {statistics_, sides_, change_}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(statistics_);
    layout->addWidget(sides_);
    layout->addWidget(change_);
    show_result({}, algocore::protocols::PptAggregate::Mean);
}

void PointSummaryView::set_unit(const DisplayUnit& unit) {
    unit_ = unit;
}

void PointSummaryView::show_result(const PptPointResult& result,
                                   algocore::protocols::PptAggregate aggregate) {
    const auto& s = result.summary;
    if (s.n == 0) {
        statistics_->setText(tr("No counted trials at this point yet"));
    } else {
        QString text = tr("%1: %2%3   SD %4   CV %5 %   (n = %6)")
                           .arg(QString::fromLatin1(algocore::protocols::to_string(aggregate)))
                           .arg(s.any_censored ? QStringLiteral("≥ ") : QString())
                           .arg(unit_.format_with_symbol(s.reported_kpa))
                           .arg(unit_.format(s.sd_kpa))
                           .arg(s.cv_pct, 0, 'f', 1)
                           .arg(s.n);
        if (aggregate != algocore::protocols::PptAggregate::Mean)
            text += tr("   mean %1").arg(unit_.format_with_symbol(s.mean_kpa));
        statistics_->setText(text);
    }
    if (!result.sides) {
        sides_->setText(tr("Left − right: measure both sides of this site"));
    } else {
        const auto& d = *result.sides;
        const QString lower = d.lower_side == 'L'   ? tr("left more sensitive")
                              : d.lower_side == 'R' ? tr("right more sensitive")
                                                    : tr("equal");
        sides_->setText(tr("Left %1, right %2: L − R %3 (%4 %), %5")
                            .arg(unit_.format_with_symbol(d.left_kpa),
                                 unit_.format_with_symbol(d.right_kpa),
                                 signed_number(unit_, d.difference_kpa))
                            .arg(d.difference_pct, 0, 'f', 1)
                            .arg(lower));
    }
    if (!result.change) {
        change_->setText(tr("Previous session: none at this point"));
        change_->setToolTip(QString());
        change_->setStyleSheet(QString());
    } else {
        const auto& c = *result.change;
        const QString verdict = QString::fromUtf8(algocore::protocols::verdict_words(c.verdict));
        // Which MDC decided (the lab's own or the built-in default) is said beside the number;
        // the whole provenance line is in the tooltip.
        QString mdc = unit_.format_with_symbol(c.mdc_kpa);
        if (result.mdc)
            mdc += QStringLiteral(" (%1)").arg(
                QString::fromLatin1(algocore::history::short_label(result.mdc->origin)));
        change_->setText(tr("Since previous session: %1 → %2 (%3, %4 %), MDC %5: %6")
                             .arg(unit_.format_with_symbol(c.previous_kpa),
                                  unit_.format_with_symbol(c.current_kpa),
                                  signed_number(unit_, c.change_kpa))
                             .arg(c.change_pct, 0, 'f', 1)
                             .arg(mdc, verdict));
        change_->setToolTip(QString::fromStdString(c.mdc_source));
        change_->setStyleSheet(c.verdict == ChangeVerdict::NoDetectableChange
                                   ? QString()
                                   : QStringLiteral("font-weight: bold"));
    }
}

QString PointSummaryView::statistics_text() const {
    return statistics_->text();
}
QString PointSummaryView::sides_text() const {
    return sides_->text();
}
QString PointSummaryView::change_text() const {
    return change_->text();
}

} // namespace algogui
