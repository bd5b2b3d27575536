#pragma once
// Choosing the point by name: the site list (built-in and custom sites), the side, and the
// row that names a custom site placed by clicking the body map away from every point.
#include <QWidget>
#include <string>
#include <vector>

#include "algocore/records/Records.h"

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace algogui {

class SitePicker : public QWidget {
    Q_OBJECT
public:
    explicit SitePicker(QWidget* parent = nullptr);

    void set_sites(const std::vector<algocore::records::Site>& sites);
    /// Shows a choice without signalling.
    void set_point(const std::string& site_key, algocore::records::BodySide side);
    std::string site_key() const;
    algocore::records::BodySide side() const;
    /// A custom point is waiting for a name (described as e.g. "back, left side").
    void offer_custom(const QString& where);
    QString custom_name() const;

Q_SIGNALS:
    /// The user picked a site or a side.
    void pointChosen();
    /// The user named the offered custom point and pressed "Add".
    void customSiteNamed();

private:
    void update_sides();

    std::vector<algocore::records::Site> sites_;
    QComboBox* site_ = nullptr;
    QButtonGroup* sides_ = nullptr;
    QToolButton* left_ = nullptr;
    QToolButton* right_ = nullptr;
    QToolButton* midline_ = nullptr;
    QLabel* custom_where_ = nullptr;
    QLineEdit* custom_name_ = nullptr;
    QPushButton* custom_add_ = nullptr;
};

} // namespace algogui
