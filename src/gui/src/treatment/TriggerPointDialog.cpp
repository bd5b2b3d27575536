#include "algogui/treatment/TriggerPointDialog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>
#include <optional>

#include "algocore/storage/Storage.h"
#include "algogui/ScrollColumn.h"
#include "algogui/Theme.h"
#include "algogui/bodymap/BodyMapWidget.h"
#include "algogui/treatment/FindingsPanel.h"

namespace algogui {

using algocore::records::TriggerPointFindings;

TriggerPointDialog::TriggerPointDialog(algocore::session::Workbench& workbench,
                                       algocore::records::Site site,
                                       algocore::records::BodySide side, QWidget* parent)
    : QDialog(parent), workbench_(workbench), site_(std::move(site)), side_(side) {
    setObjectName(QStringLiteral("TriggerPointDialog"));
    const auto& visit = workbench_.visit().visit();
    const QString point = QString::fromStdString(site_.name) +
                          (side_ == algocore::records::BodySide::Midline
                               ? QString()
                               : QStringLiteral(" (%1)").arg(
                                     QString::fromLatin1(algocore::records::to_letter(side_))));
    setWindowTitle(QStringLiteral("Trigger point: %1").arg(point));

    auto* title = new QLabel(
        QStringLiteral("<b>%1</b> &nbsp; %2")
            .arg(point.toHtmlEscaped(),
                 visit ? QString::fromStdString(visit->subject_code).toHtmlEscaped() : QString()),
        this);
    QFont big = title->font();
    big.setPixelSize(18);
    title->setFont(big);
    panel_ = new FindingsPanel(this);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("FindingsStatus"));
    status_->setWordWrap(true);
    record_ = new QPushButton(QStringLiteral("Record findings"), this);
    record_->setObjectName(QStringLiteral("RecordFindings"));
    record_->setMinimumHeight(40);
    auto* close = new QPushButton(QStringLiteral("Close"), this);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(record_, 2);
    buttons->addWidget(close, 1);

    auto* hint = new QLabel(QStringLiteral("Referred pain: tap a region of the body map, or drag "
                                           "across regions; a drag begun on a shaded region "
                                           "clears."),
                            this);
    hint->setWordWrap(true);
    hint->setStyleSheet(QStringLiteral("color: %1;").arg(theme::kMutedText.name()));

    auto* left_content = new QWidget(this);
    auto* left = new QVBoxLayout(left_content);
    left->setContentsMargins(0, 0, 0, 0);
    left->addWidget(title);
    left->addWidget(hint);
    left->addWidget(panel_);
    left->addWidget(status_);
    left->addStretch(1);
    auto* left_column = new QVBoxLayout;
    left_column->addWidget(scroll_column(left_content), 1);
    left_column->addLayout(buttons);
    auto* left_widget = new QWidget(this);
    left_widget->setLayout(left_column);
    left_widget->setMinimumWidth(300);
    left_widget->setMaximumWidth(460);

    map_ = new BodyMapWidget(this);
    map_->set_legend_visible(false);
    map_->set_zone_editable(true);
    map_->set_sites(workbench_.sites());
    map_->set_selection(site_.key, side_);

    auto* root = new QHBoxLayout(this);
    root->addWidget(left_widget, 2);
    root->addWidget(map_, 3);

    connect(map_, &BodyMapWidget::zoneChanged, this, [this] { panel_->set_zone(map_->zone()); });
    connect(record_, &QPushButton::clicked, this, [this] { record(); });
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    read_stored();
}

QString TriggerPointDialog::status_text() const {
    return status_->text();
}

bool TriggerPointDialog::record() {
    auto& recorder = workbench_.visit();
    const auto stored = recorder.record_findings({site_.id, side_}, panel_->exam());
    if (stored.ticket == 0) {
        status_->setStyleSheet(QStringLiteral("color: %1;").arg(theme::kOverLimit.name()));
        status_->setText(QString::fromStdString(recorder.last_problem()));
        return false;
    }
    read_stored();
    return true;
}

// What the store holds for the point in this visit, read without waiting (the read runs after
// any recording enqueued before it).
void TriggerPointDialog::read_stored() {
    auto* storage = workbench_.storage();
    const auto session_id = workbench_.visit().session_id();
    if (!storage || session_id == algocore::records::kNoRecord) {
        status_->setStyleSheet({});
        status_->setText(QStringLiteral("Not examined yet in this visit."));
        Q_EMIT storedFindingsShown();
        return;
    }
    const auto site_id = site_.id;
    const auto side = side_;
    algocore::storage::ask<std::optional<TriggerPointFindings>>(
        *storage, workbench_.inbox(),
        [session_id, site_id, side](algocore::storage::StorageReader& s) {
            std::optional<TriggerPointFindings> found;
            for (const TriggerPointFindings& f : s.findings_of(session_id))
                if (f.site_id == site_id && f.side == side) found = f;
            return found;
        },
        [dialog = QPointer<TriggerPointDialog>(this)](
            algocore::storage::Answer<std::optional<TriggerPointFindings>> answer) {
            if (!dialog) return;
            dialog->status_->setStyleSheet({});
            if (!answer.ok()) {
                dialog->status_->setText(QStringLiteral("The stored findings could not be "
                                                        "read: %1")
                                             .arg(QString::fromStdString(answer.error)));
            } else if (!answer.value) {
                dialog->status_->setText(QStringLiteral("Not examined yet in this visit."));
            } else {
                dialog->panel_->set_exam(answer.value->exam);
                dialog->map_->set_zone(answer.value->exam.referral);
                const QString at = QString::fromStdString(answer.value->examined_utc);
                dialog->status_->setText(
                    QStringLiteral("Recorded in this visit (%1 UTC).").arg(at.mid(11, 5)));
            }
            Q_EMIT dialog->storedFindingsShown();
        });
}

} // namespace algogui
