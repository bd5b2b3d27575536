#include "algogui/thresholds/SubjectForm.h"

#include <QComboBox>
#include <QFormLayout>
#include <QPushButton>

#include "algocore/session/SubjectDetails.h"
#include "algogui/SubjectPicker.h"

namespace algogui {

using algocore::records::BodySide;
using algocore::records::Subject;

SubjectForm::SubjectForm(QWidget* parent) : QWidget(parent) {
    code_ = new SubjectPicker(this);
    sex_ = new QComboBox(this);
    sex_->addItem(tr("not recorded"), QString());
    for (const std::string& sex : algocore::session::subject_sexes())
        sex_->addItem(tr(sex.c_str()), QString::fromStdString(sex));
    age_band_ = new QComboBox(this);
    age_band_->addItem(tr("not recorded"), QString());
    for (const std::string& band : algocore::session::subject_age_bands())
        age_band_->addItem(QString::fromStdString(band), QString::fromStdString(band));
    dominant_ = new QComboBox(this);
    dominant_->addItem(tr("not recorded"), -1);
    dominant_->addItem(tr("right"), static_cast<int>(BodySide::Right));
    dominant_->addItem(tr("left"), static_cast<int>(BodySide::Left));
    use_ = new QPushButton(tr("Use subject"), this);

    auto* form = new QFormLayout(this);
    form->setContentsMargins(4, 4, 4, 4);
    form->addRow(tr("Code"), code_);
    form->addRow(tr("Sex"), sex_);
    form->addRow(tr("Age band"), age_band_);
    form->addRow(tr("Dominant side"), dominant_);
    form->addRow(use_);

    connect(use_, &QPushButton::clicked, this, &SubjectForm::subjectChosen);
    // A stored subject chosen (or its code typed, in any case) shows its stored details.
    connect(code_, &SubjectPicker::codeChosen, this, &SubjectForm::fill_from_known);
}

void SubjectForm::set_known_subjects(const std::vector<Subject>& subjects) {
    known_ = subjects;
    QStringList codes;
    for (const Subject& s : subjects)
        codes << QString::fromStdString(s.code);
    code_->set_codes(codes);
}

Subject SubjectForm::subject() const {
    Subject s;
    s.code = code_->code().toStdString();
    if (const QString sex = sex_->currentData().toString(); !sex.isEmpty())
        s.sex = sex.toStdString();
    if (const QString band = age_band_->currentData().toString(); !band.isEmpty())
        s.age_band = band.toStdString();
    if (const int side = dominant_->currentData().toInt(); side >= 0)
        s.dominant_side = static_cast<BodySide>(side);
    return s;
}

void SubjectForm::set_subject(const Subject& subject) {
    code_->set_code(QString::fromStdString(subject.code));
    sex_->setCurrentIndex(
        std::max(0, sex_->findData(QString::fromStdString(subject.sex.value_or("")))));
    age_band_->setCurrentIndex(
        std::max(0, age_band_->findData(QString::fromStdString(subject.age_band.value_or("")))));
    dominant_->setCurrentIndex(
        std::max(0, dominant_->findData(
                        subject.dominant_side ? static_cast<int>(*subject.dominant_side) : -1)));
}

// Codes are one without regard to case (as the storage finds them).
std::optional<Subject> SubjectForm::known(const std::string& code) const {
    const QString wanted = QString::fromStdString(code);
    for (const Subject& s : known_)
        if (QString::fromStdString(s.code).compare(wanted, Qt::CaseInsensitive) == 0) return s;
    return std::nullopt;
}

void SubjectForm::fill_from_known(const QString& code) {
    if (const auto stored = known(code.toStdString())) set_subject(*stored);
}

} // namespace algogui
