#include "algogui/calibration/CalibrationResultsPanel.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include "algogui/Theme.h"
#include "algogui/calibration/ResidualPlot.h"

namespace algogui::calibration {

namespace {
QString g(double v, int precision = 5) {
    return QString::number(v, 'g', precision);
}

void set_banner_style(QLabel* label, const QColor& background, const QColor& text) {
    label->setStyleSheet(
        QStringLiteral("QLabel{background:%1;color:%2;padding:6px;font-weight:bold;}")
            .arg(background.name(), text.name()));
}
} // namespace

CalibrationResultsPanel::CalibrationResultsPanel(QWidget* parent) : QWidget(parent) {
    notice_ = new QLabel(this);
    notice_->setWordWrap(true);
    notice_->hide();
    degree_ = new QComboBox(this);
    for (int d = algocal::kMinFitDegree; d <= algocal::kMaxFitDegree; ++d)
        degree_->addItem(tr("Degree %1").arg(d), d);
    recommendation_ = new QLabel(this);
    recommendation_->setWordWrap(true);
    coefficients_ = new QLabel(this);
    coefficients_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statistics_ = new QLabel(this);
    statistics_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    verdict_ = new QLabel(this);
    verdict_->setWordWrap(true);
    plot_ = new ResidualPlot(this);
    save_ = new QPushButton(tr("Save and make active"), this);
    save_->setObjectName(QStringLiteral("SaveCalibration"));
    export_ = new QPushButton(tr("Export certificate (PDF)…"), this);
    auto* again = new QPushButton(tr("Start over"), this);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Fit of reading against load:"), this));
    top->addWidget(degree_);
    top->addWidget(recommendation_, 1);
    // Rich-text labels keep their full height; the plot takes what is left.
    for (QLabel* label : {notice_, verdict_, coefficients_, statistics_, recommendation_})
        label->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    auto* numbers = new QVBoxLayout;
    numbers->addWidget(coefficients_);
    numbers->addSpacing(8);
    numbers->addWidget(statistics_);
    numbers->addStretch(1);
    auto* middle = new QHBoxLayout;
    middle->addWidget(plot_, 3);
    middle->addLayout(numbers, 2);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(again);
    buttons->addStretch(1);
    buttons->addWidget(export_);
    buttons->addWidget(save_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(notice_);
    layout->addLayout(top);
    layout->addWidget(verdict_);
    layout->addLayout(middle, 1);
    layout->addLayout(buttons);

    connect(degree_, &QComboBox::activated, this,
            [this](int index) { Q_EMIT degreeChosen(degree_->itemData(index).toInt()); });
    connect(save_, &QPushButton::clicked, this, &CalibrationResultsPanel::saveRequested);
    connect(export_, &QPushButton::clicked, this, &CalibrationResultsPanel::exportRequested);
    connect(again, &QPushButton::clicked, this, &CalibrationResultsPanel::startOverRequested);
}

void CalibrationResultsPanel::set_degrees(int recommended, int selected) {
    const QSignalBlocker block(degree_);
    for (int i = 0; i < degree_->count(); ++i) {
        const int d = degree_->itemData(i).toInt();
        degree_->setItemText(i, d == recommended ? tr("Degree %1 (recommended)").arg(d)
                                                 : tr("Degree %1").arg(d));
    }
    degree_->setCurrentIndex(degree_->findData(selected));
}

int CalibrationResultsPanel::selected_degree() const {
    return degree_->currentData().toInt();
}

void CalibrationResultsPanel::set_notice(const QString& text, bool warning) {
    notice_->setText(text);
    notice_->setVisible(!text.isEmpty());
    if (warning)
        set_banner_style(notice_, theme::kBannerWarning, theme::kText);
    else
        set_banner_style(notice_, theme::kBannerInfo, theme::kText);
}

void CalibrationResultsPanel::show_failure(const QString& reason) {
    verdict_->setText(tr("No usable fit: %1").arg(reason));
    set_banner_style(verdict_, theme::kBannerError, theme::kBackground);
    coefficients_->clear();
    statistics_->clear();
    plot_->show_fit({}, {}, {});
    save_->setEnabled(false);
    export_->setEnabled(false);
}

void CalibrationResultsPanel::show_record(const algocal::CalibrationRecord& record,
                                          const algocal::ToleranceVerdict& verdict,
                                          double tolerance_percent_fs, bool saved) {
    const QString unit = reading_unit_text(record.reading_kind);
    const algocal::CalibrationStatistics& st = record.statistics;
    recommendation_->setText(tr("Recommended: degree %1 — %2")
                                 .arg(st.recommended_degree)
                                 .arg(QString::fromStdString(st.recommendation_reason)));

    QString coefficients = tr("<b>reading = c0 + c1·F + … (F in N)</b><table>");
    for (std::size_t i = 0; i < record.fit.coefficients.size(); ++i) {
        coefficients +=
            QStringLiteral("<tr><td>c%1</td><td align='right'>%2</td><td>± %3</td></tr>")
                .arg(i)
                .arg(g(record.fit.coefficients[i], 10))
                .arg(i < record.fit.std_errors.size() ? g(record.fit.std_errors[i], 3) : QString());
    }
    coefficients_->setText(coefficients + QStringLiteral("</table>"));

    const auto percent = [this](bool has, double v) {
        return has ? tr("%1 % FS").arg(QString::number(v, 'f', 3)) : tr("not measured");
    };
    QString stats = QStringLiteral("<table>");
    const auto line = [&stats](const QString& name, const QString& value) {
        stats += QStringLiteral("<tr><td>%1</td><td><b>%2</b></td></tr>").arg(name, value);
    };
    line(tr("Residual SD"), QStringLiteral("%1 %2").arg(g(record.fit.residual_sd, 4), unit));
    line(tr("R²"), QString::number(record.fit.r_squared, 'f', 7));
    line(tr("Non-linearity"),
         tr("%1 % FS").arg(QString::number(st.max_nonlinearity_percent_fs, 'f', 3)));
    line(tr("Hysteresis"), percent(st.has_hysteresis, st.hysteresis_percent_fs));
    line(tr("Repeatability"), percent(st.has_repeatability, st.repeatability_percent_fs));
    line(tr("Zero return"), percent(st.has_zero_return, st.zero_return_percent_fs));
    line(tr("Lower force limit (Class A)"), tr("%1 N").arg(g(st.lower_force_limit_class_a_n, 4)));
    stats += QStringLiteral("</table>");
    statistics_->setText(stats);

    // The summary already says PASS/FAIL, the worst point and the tolerance.
    (void)tolerance_percent_fs;
    verdict_->setText(
        tr("%1 %2").arg(verdict.pass ? tr("✔") : tr("✖"), QString::fromStdString(verdict.summary)));
    set_banner_style(verdict_, verdict.pass ? theme::kInBand : theme::kOverLimit,
                     theme::kBackground);
    plot_->show_fit(record.points, record.fit, unit);
    save_->setEnabled(!saved);
    save_->setText(saved ? tr("Saved and active") : tr("Save and make active"));
    export_->setEnabled(true);
}

QString CalibrationResultsPanel::verdict_text() const {
    return verdict_->text();
}
QString CalibrationResultsPanel::statistics_text() const {
    return statistics_->text();
}
QString CalibrationResultsPanel::notice_text() const {
    return notice_->isVisible() || !notice_->text().isEmpty() ? notice_->text() : QString();
}

} // namespace algogui::calibration
