#include "algogui/treatment/PointPicker.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>

#include "algocore/storage/SiteLibrary.h"
#include "algocore/storage/Storage.h"
#include "algogui/Theme.h"

namespace algogui {

using algocore::storage::BodySide;
using algocore::storage::TrialMeasure;

PointPicker::PointPicker(QWidget* parent) : QWidget(parent), unit_(display_unit({})) {
    subject_ = new QLineEdit(this);
    subject_->setObjectName(QStringLiteral("SubjectCode"));
    subject_->setPlaceholderText(QStringLiteral("pseudonymous code, e.g. S014"));
    site_ = new QComboBox(this);
    site_->setObjectName(QStringLiteral("SitePicker"));
    side_ = new QComboBox(this);
    side_->setObjectName(QStringLiteral("SidePicker"));
    side_->addItem(QStringLiteral("Left"), static_cast<int>(BodySide::Left));
    side_->addItem(QStringLiteral("Right"), static_cast<int>(BodySide::Right));
    side_->addItem(QStringLiteral("Midline"), static_cast<int>(BodySide::Midline));
    stored_ = new QLabel(this);
    stored_->setObjectName(QStringLiteral("StoredThresholds"));
    stored_->setWordWrap(true);

    auto* site_row = new QHBoxLayout;
    site_row->addWidget(site_, 3);
    site_row->addWidget(side_, 1);
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(QStringLiteral("Subject"), subject_);
    form->addRow(QStringLiteral("Point"), site_row);
    form->addRow(QStringLiteral("Stored"), stored_);

    connect(subject_, &QLineEdit::editingFinished, this, [this] { refresh_thresholds(); });
    connect(site_, &QComboBox::currentIndexChanged, this, [this] { refresh_thresholds(); });
    connect(side_, &QComboBox::currentIndexChanged, this, [this] { refresh_thresholds(); });
    fill_sites();
}

void PointPicker::set_storage(algocore::storage::Storage* storage) {
    storage_ = storage;
    fill_sites();
}

void PointPicker::set_unit(const DisplayUnit& unit) {
    unit_ = unit;
    refresh_thresholds();
}

void PointPicker::fill_sites() {
    const QString previous = site_->currentData().toString();
    sites_ = storage_ ? storage_->sites() : std::vector<algocore::storage::Site>{};
    if (sites_.empty()) sites_ = algocore::storage::builtin_sites();
    {
        const QSignalBlocker quiet(site_);
        site_->clear();
        for (const auto& site : sites_) {
            site_->addItem(QString::fromStdString(site.name), QString::fromStdString(site.key));
        }
        const int again = site_->findData(previous);
        site_->setCurrentIndex(again >= 0 ? again : 0);
    }
    refresh_thresholds();
}

QString PointPicker::subject_code() const {
    return subject_->text().trimmed();
}

void PointPicker::set_subject_code(const QString& code) {
    subject_->setText(code);
    refresh_thresholds();
}

algocore::storage::Site PointPicker::site() const {
    const int index = site_->currentIndex();
    if (index < 0 || index >= static_cast<int>(sites_.size())) return {};
    return sites_[static_cast<std::size_t>(index)];
}

bool PointPicker::choose_site(const QString& key) {
    const int index = site_->findData(key);
    if (index < 0) return false;
    site_->setCurrentIndex(index);
    return true;
}

BodySide PointPicker::side() const {
    return static_cast<BodySide>(side_->currentData().toInt());
}

void PointPicker::choose_side(BodySide side) {
    side_->setCurrentIndex(side_->findData(static_cast<int>(side)));
}

QString PointPicker::point_name() const {
    return QStringLiteral("%1 (%2)").arg(site_->currentText(),
                                         QString::fromLatin1(to_letter(side())));
}

algocore::protocols::PointThresholds PointPicker::thresholds() const {
    return thresholds_;
}

QString PointPicker::thresholds_text() const {
    return stored_->text();
}

void PointPicker::refresh_thresholds() {
    thresholds_ = {};
    const algocore::storage::Site chosen = site();
    QString text;
    if (!storage_) {
        text = QStringLiteral("no database open");
    } else if (subject_code().isEmpty()) {
        text = QStringLiteral("enter a subject to see its thresholds");
    } else if (const auto subject = storage_->find_subject(subject_code().toStdString());
               !subject) {
        text = QStringLiteral("new subject: no thresholds yet");
    } else {
        const auto ppt =
            storage_->latest_threshold(subject->id, chosen.id, side(), TrialMeasure::Ppt);
        const auto tolerance =
            storage_->latest_threshold(subject->id, chosen.id, side(), TrialMeasure::Tolerance);
        if (ppt) thresholds_.ppt_kpa = ppt->mean_kpa;
        if (tolerance) thresholds_.tolerance_kpa = tolerance->mean_kpa;
        const auto words = [this](const std::optional<algocore::storage::PointThreshold>& t) {
            if (!t) return QStringLiteral("none");
            return QStringLiteral("%1 (%2, n=%3)")
                .arg(unit_.format_with_symbol(t->mean_kpa),
                     QString::fromStdString(t->session_started_utc).left(10))
                .arg(t->n);
        };
        text = QStringLiteral("PPT %1 · tolerance %2").arg(words(ppt), words(tolerance));
    }
    stored_->setText(text);
    Q_EMIT pointChanged();
}

} // namespace algogui
