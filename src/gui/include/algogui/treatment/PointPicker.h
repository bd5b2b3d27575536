#pragma once
// Which point is treated: the subject (the visit shared with the Thresholds page), the site
// (the storage's site library, or the built-in one without a database) and side, with the
// point's stored PPT and tolerance shown beside it (the page reads them through the session).
#include <QWidget>

#include "algocore/records/Records.h"
#include "algogui/DisplayUnit.h"

class QComboBox;
class QLabel;

namespace algogui {

class SubjectPicker;

class PointPicker : public QWidget {
    Q_OBJECT
public:
    explicit PointPicker(QWidget* parent = nullptr);

    void set_sites(std::vector<algocore::records::Site> sites);
    /// The stored subjects' codes offered by the patient picker, most recently seen first.
    void set_known_subjects(const QStringList& codes);
    SubjectPicker& subject_picker() { return *subject_; }
    QString subject_code() const;
    void set_subject_code(const QString& code);
    algocore::records::Site site() const;
    bool choose_site(const QString& key);
    algocore::records::BodySide side() const;
    void choose_side(algocore::records::BodySide side);
    /// "Upper trapezius (L)".
    QString point_name() const;
    /// The line about the point's stored thresholds.
    void show_thresholds(const QString& text);
    QString thresholds_text() const;

Q_SIGNALS:
    /// A subject was chosen (picked from the stored ones, or typed and ended with Return or
    /// by leaving the field).
    void subjectEdited();
    /// The site or side changed.
    void pointChanged();

private:
    SubjectPicker* subject_ = nullptr;
    QComboBox* site_ = nullptr;
    QComboBox* side_ = nullptr;
    QLabel* stored_ = nullptr;
    std::vector<algocore::records::Site> sites_;
};

} // namespace algogui
