#include "algogui/treatment/FindingsPanel.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "algocore/protocols/BodyRegions.h"
#include "algocore/protocols/TriggerPointCriteria.h"
#include "algogui/Theme.h"

namespace algogui {

using algocore::protocols::Finding;

namespace {

// Qt's three-state box, read as a finding: checked present, unchecked absent, the middle
// state not examined (where every box starts).
Finding finding_of(Qt::CheckState state) {
    switch (state) {
    case Qt::Checked: return Finding::Present;
    case Qt::Unchecked: return Finding::Absent;
    default: return Finding::NotExamined;
    }
}

Qt::CheckState state_of(Finding finding) {
    switch (finding) {
    case Finding::Present: return Qt::Checked;
    case Finding::Absent: return Qt::Unchecked;
    default: return Qt::PartiallyChecked;
    }
}

QString state_words(Finding finding) {
    switch (finding) {
    case Finding::Present: return QStringLiteral("present");
    case Finding::Absent: return QStringLiteral("absent");
    default: return QStringLiteral("not examined");
    }
}

QString capitalised(const char* words) {
    QString text = QString::fromUtf8(words);
    if (!text.isEmpty()) text[0] = text[0].toUpper();
    return text;
}

} // namespace

FindingsPanel::FindingsPanel(QWidget* parent) : QWidget(parent) {
    auto* grid = new QGridLayout;
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(12);
    int row = 0;
    for (const auto& field : algocore::protocols::finding_fields()) {
        auto* box = new QCheckBox(capitalised(field.words), this);
        box->setObjectName(QStringLiteral("Finding_%1").arg(QString::fromLatin1(field.key)));
        box->setTristate(true);
        box->setCheckState(Qt::PartiallyChecked);
        box->setToolTip(QStringLiteral("Click: present, absent, not examined"));
        auto* state = new QLabel(state_words(Finding::NotExamined), this);
        state->setStyleSheet(QStringLiteral("color: %1;").arg(theme::kMutedText.name()));
        grid->addWidget(box, row, 0);
        grid->addWidget(state, row, 1);
        boxes_.push_back(box);
        states_.push_back(state);
        connect(box, &QCheckBox::stateChanged, this, [this] {
            show_derived();
            Q_EMIT examChanged();
        });
        ++row;
    }
    grid->setColumnStretch(2, 1);

    class_ = new QLabel(this);
    class_->setObjectName(QStringLiteral("TriggerPointClass"));
    QFont big = class_->font();
    big.setPixelSize(20);
    big.setBold(true);
    class_->setFont(big);
    zone_ = new QLabel(this);
    zone_->setObjectName(QStringLiteral("ReferralZoneWords"));
    zone_->setWordWrap(true);
    auto* source =
        new QLabel(QStringLiteral("Criteria: %1")
                       .arg(QString::fromLatin1(algocore::protocols::kTriggerPointCriteriaSource)),
                   this);
    source->setWordWrap(true);
    source->setStyleSheet(QStringLiteral("color: %1;").arg(theme::kMutedText.name()));
    source->setToolTip(QStringLiteral("A local twitch response and a jump sign confirm a "
                                      "trigger point; they do not decide its class."));

    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addLayout(grid);
    column->addSpacing(8);
    column->addWidget(class_);
    column->addWidget(zone_);
    column->addWidget(source);
    show_derived();
}

void FindingsPanel::set_exam(const algocore::records::TriggerPointExam& exam) {
    const auto& fields = algocore::protocols::finding_fields();
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const QSignalBlocker quiet(boxes_[i]);
        boxes_[i]->setCheckState(state_of(exam.*fields[i].member));
    }
    zone_regions_ = algocore::protocols::ordered_zone(exam.referral);
    show_derived();
}

void FindingsPanel::set_zone(const std::vector<algocore::records::RegionRef>& zone) {
    zone_regions_ = algocore::protocols::ordered_zone(zone);
    show_derived();
}

algocore::records::TriggerPointExam FindingsPanel::exam() const {
    algocore::records::TriggerPointExam exam;
    const auto& fields = algocore::protocols::finding_fields();
    for (std::size_t i = 0; i < fields.size(); ++i)
        exam.*fields[i].member = finding_of(boxes_[i]->checkState());
    exam.referral = zone_regions_;
    return exam;
}

QCheckBox* FindingsPanel::box(const char* key) const {
    const auto& fields = algocore::protocols::finding_fields();
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (std::string(fields[i].key) == key) return boxes_[i];
    return nullptr;
}

QString FindingsPanel::class_text() const {
    return class_->text();
}

QString FindingsPanel::zone_text() const {
    return zone_->text();
}

void FindingsPanel::show_derived() {
    const auto current = exam();
    const auto& fields = algocore::protocols::finding_fields();
    for (std::size_t i = 0; i < fields.size(); ++i)
        states_[i]->setText(state_words(current.*fields[i].member));
    const auto kind = algocore::protocols::classify(current);
    class_->setText(capitalised(algocore::protocols::to_words(kind)));
    const bool met = kind == algocore::protocols::TriggerPointClass::Active ||
                     kind == algocore::protocols::TriggerPointClass::Latent;
    class_->setStyleSheet(
        QStringLiteral("color: %1;").arg((met ? theme::kText : theme::kMutedText).name()));
    if (zone_regions_.empty()) {
        zone_->setText(QStringLiteral("Referred pain: none drawn. Tap or drag over the body map "
                                      "where the patient feels it."));
    } else {
        zone_->setText(
            QStringLiteral("Referred pain: %1 (%2 %3, %4 % of the body map)")
                .arg(QString::fromStdString(algocore::protocols::zone_words(zone_regions_)))
                .arg(zone_regions_.size())
                .arg(zone_regions_.size() == 1 ? QStringLiteral("region")
                                               : QStringLiteral("regions"))
                .arg(algocore::protocols::zone_share_pct(zone_regions_), 0, 'f', 1));
    }
}

} // namespace algogui
