#pragma once
// Which point is treated: the subject (the visit shared with the Thresholds page), the site
// (the storage's site library, or the built-in one without a database) and side, with the
// point's stored PPT and tolerance shown beside it (the page reads them through the session).
#include <QWidget>

#include "algocore/records/Records.h"
#include "algogui/DisplayUnit.h"

class QComboBox;
class QLabel;
class QLineEdit;

namespace algogui {

class PointPicker : public QWidget {
    Q_OBJECT
public:
    explicit PointPicker(QWidget* parent = nullptr);

    void set_sites(std::vector<algocore::records::Site> sites);
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
    /// The subject code was edited (return or focus left).
    void subjectEdited();
    /// The site or side changed.
    void pointChanged();

private:
    QLineEdit* subject_ = nullptr;
    QComboBox* site_ = nullptr;
    QComboBox* side_ = nullptr;
    QLabel* stored_ = nullptr;
    std::vector<algocore::records::Site> sites_;
};

} // namespace algogui
