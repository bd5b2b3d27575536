#include "algogui/thresholds/SitePicker.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>

namespace algogui {

using algocore::records::BodySide;
using algocore::records::Site;

SitePicker::SitePicker(QWidget* parent) : QWidget(parent) {
    site_ = new QComboBox(this);
    site_->setAccessibleName(tr("Site"));
    site_->setMaxVisibleItems(20);
    sides_ = new QButtonGroup(this);
    auto side_button = [this](const QString& text, BodySide side) {
        auto* button = new QToolButton(this);
        button->setText(text);
        button->setCheckable(true);
        button->setMinimumWidth(64);
        sides_->addButton(button, static_cast<int>(side));
        return button;
    };
    left_ = side_button(tr("Left"), BodySide::Left);
    right_ = side_button(tr("Right"), BodySide::Right);
    midline_ = side_button(tr("Midline"), BodySide::Midline);
    left_->setChecked(true);
    custom_where_ =
        new QLabel(tr("Click the body map away from the points to add a custom site."), this);
    custom_where_->setWordWrap(true);
    custom_name_ = new QLineEdit(this);
    custom_name_->setPlaceholderText(tr("custom site name"));
    custom_add_ = new QPushButton(tr("Add site"), this);
    custom_name_->setEnabled(false);
    custom_add_->setEnabled(false);

    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(4, 4, 4, 4);
    grid->addWidget(new QLabel(tr("Site"), this), 0, 0);
    grid->addWidget(site_, 0, 1, 1, 3);
    grid->addWidget(new QLabel(tr("Side"), this), 1, 0);
    grid->addWidget(left_, 1, 1);
    grid->addWidget(right_, 1, 2);
    grid->addWidget(midline_, 1, 3);
    grid->addWidget(custom_where_, 2, 0, 1, 4);
    grid->addWidget(custom_name_, 3, 0, 1, 3);
    grid->addWidget(custom_add_, 3, 3);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);
    grid->setColumnStretch(3, 1);

    connect(site_, &QComboBox::activated, this, [this] {
        update_sides();
        Q_EMIT pointChosen();
    });
    connect(sides_, &QButtonGroup::idClicked, this, &SitePicker::pointChosen);
    connect(custom_add_, &QPushButton::clicked, this, [this] {
        if (custom_name().isEmpty()) return;
        Q_EMIT customSiteNamed();
    });
    connect(custom_name_, &QLineEdit::returnPressed, custom_add_, &QPushButton::click);
}

void SitePicker::set_sites(const std::vector<Site>& sites) {
    const std::string keep = site_key();
    sites_ = sites;
    site_->clear();
    for (const Site& s : sites_) {
        QString label = QString::fromStdString(s.name);
        if (s.dfns) label += tr("  (DFNS)");
        if (!s.builtin) label += tr("  (custom)");
        site_->addItem(label, QString::fromStdString(s.key));
    }
    const int index = site_->findData(QString::fromStdString(keep));
    site_->setCurrentIndex(index >= 0 ? index : 0);
    update_sides();
}

void SitePicker::set_point(const std::string& site_key, BodySide side) {
    const int index = site_->findData(QString::fromStdString(site_key));
    if (index >= 0) site_->setCurrentIndex(index);
    update_sides();
    if (QAbstractButton* button = sides_->button(static_cast<int>(side));
        button && button->isEnabled())
        button->setChecked(true);
}

std::string SitePicker::site_key() const {
    return site_->currentData().toString().toStdString();
}

BodySide SitePicker::side() const {
    return static_cast<BodySide>(sides_->checkedId());
}

void SitePicker::offer_custom(const QString& where) {
    custom_where_->setText(tr("Custom site at %1: name it and press Add.").arg(where));
    custom_name_->setEnabled(true);
    custom_add_->setEnabled(true);
    custom_name_->setFocus();
}

QString SitePicker::custom_name() const {
    return custom_name_->text().trimmed();
}

void SitePicker::update_sides() {
    // Paired sites are measured left or right; unpaired ones on the midline only.
    const int index = site_->currentIndex();
    const bool paired = index < 0 || index >= static_cast<int>(sites_.size()) ||
                        sites_[static_cast<std::size_t>(index)].paired;
    left_->setEnabled(paired);
    right_->setEnabled(paired);
    midline_->setEnabled(!paired);
    if (paired && midline_->isChecked()) left_->setChecked(true);
    if (!paired) midline_->setChecked(true);
}

} // namespace algogui
