#include "algogui/treatment/PointPicker.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>

#include "algocore/storage/SiteLibrary.h"
#include "algogui/SubjectPicker.h"

namespace algogui {

using algocore::records::BodySide;

PointPicker::PointPicker(QWidget* parent) : QWidget(parent) {
    subject_ = new SubjectPicker(this);
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

    connect(subject_, &SubjectPicker::codeChosen, this, &PointPicker::subjectEdited);
    connect(site_, &QComboBox::currentIndexChanged, this, &PointPicker::pointChanged);
    connect(side_, &QComboBox::currentIndexChanged, this, &PointPicker::pointChanged);
    set_sites(algocore::storage::builtin_sites());
}

void PointPicker::set_sites(std::vector<algocore::records::Site> sites) {
    if (sites.empty()) return;
    const QString previous = site_->currentData().toString();
    sites_ = std::move(sites);
    {
        const QSignalBlocker quiet(site_);
        site_->clear();
        for (const auto& site : sites_)
            site_->addItem(QString::fromStdString(site.name), QString::fromStdString(site.key));
        const int again = site_->findData(previous);
        site_->setCurrentIndex(again >= 0 ? again : 0);
    }
    Q_EMIT pointChanged();
}

void PointPicker::set_known_subjects(const QStringList& codes) {
    subject_->set_codes(codes);
}

QString PointPicker::subject_code() const {
    return subject_->code();
}

void PointPicker::set_subject_code(const QString& code) {
    subject_->set_code(code);
}

algocore::records::Site PointPicker::site() const {
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

void PointPicker::show_thresholds(const QString& text) {
    if (stored_->text() != text) stored_->setText(text);
}

QString PointPicker::thresholds_text() const {
    return stored_->text();
}

} // namespace algogui
