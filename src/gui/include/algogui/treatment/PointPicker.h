#pragma once
// Which point is treated: subject code, site (from the storage's site library, or the
// built-in one when no database is open) and side, with the point's stored PPT and
// tolerance shown beside it. Thresholds come from the Storage interface, never from SQL.
#include <QWidget>

#include "algocore/protocols/Prescription.h"
#include "algocore/storage/Records.h"
#include "algogui/DisplayUnit.h"

class QComboBox;
class QLabel;
class QLineEdit;

namespace algocore::storage {
class Storage;
}

namespace algogui {

class PointPicker : public QWidget {
    Q_OBJECT
public:
    explicit PointPicker(QWidget* parent = nullptr);

    /// Re-reads the site list and the stored thresholds.
    void set_storage(algocore::storage::Storage* storage);
    void set_unit(const DisplayUnit& unit);

    QString subject_code() const;
    void set_subject_code(const QString& code);
    /// The chosen site; id is kNoRecord for a built-in site when no database is open.
    algocore::storage::Site site() const;
    /// Chooses a site by key ("upper_trapezius"); false when it is not in the list.
    bool choose_site(const QString& key);
    algocore::storage::BodySide side() const;
    void choose_side(algocore::storage::BodySide side);
    /// "Upper trapezius (L)".
    QString point_name() const;

    /// The point's latest PPT and tolerance from storage (empty without subject/storage).
    algocore::protocols::PointThresholds thresholds() const;
    /// Reads the thresholds again (after a PPT was measured elsewhere).
    void refresh_thresholds();
    QString thresholds_text() const;

Q_SIGNALS:
    /// Subject, site or side changed, or the thresholds were re-read.
    void pointChanged();

private:
    void fill_sites();

    algocore::storage::Storage* storage_ = nullptr;
    DisplayUnit unit_;
    QLineEdit* subject_ = nullptr;
    QComboBox* site_ = nullptr;
    QComboBox* side_ = nullptr;
    QLabel* stored_ = nullptr;
    std::vector<algocore::storage::Site> sites_;
    algocore::protocols::PointThresholds thresholds_;
};

} // namespace algogui
