#pragma once
// What the therapist found at a trigger point, as clinicians examine it: taut band, tender
// spot, local twitch response, jump sign and whether pressing reproduces the patient's
// familiar pain, each present, absent or not examined (a three-state box), with the class
// the findings make (active / latent trigger point, algocore::protocols::classify, the one
// home of the rule) and the referred-pain zone drawn on the body map, in words.
#include <QWidget>
#include <vector>

#include "algocore/records/TriggerPointRecords.h"

class QCheckBox;
class QLabel;

namespace algogui {

class FindingsPanel : public QWidget {
    Q_OBJECT
public:
    explicit FindingsPanel(QWidget* parent = nullptr);

    /// Shows an examination (the findings and its zone).
    void set_exam(const algocore::records::TriggerPointExam& exam);
    /// The zone drawn on the body map.
    void set_zone(const std::vector<algocore::records::RegionRef>& zone);
    /// The findings as the boxes say, with the zone.
    algocore::records::TriggerPointExam exam() const;

    /// The box of a finding, by key ("taut_band", protocols::finding_fields).
    QCheckBox* box(const char* key) const;
    /// "Active trigger point", "Latent trigger point", "Criteria not met", "Not classified".
    QString class_text() const;
    QString zone_text() const;

Q_SIGNALS:
    /// A finding was changed by the therapist.
    void examChanged();

private:
    void show_derived();

    std::vector<QCheckBox*> boxes_; ///< in protocols::finding_fields order
    std::vector<QLabel*> states_;   ///< "present", "absent", "not examined" beside each
    QLabel* class_ = nullptr;
    QLabel* zone_ = nullptr;
    std::vector<algocore::records::RegionRef> zone_regions_;
};

} // namespace algogui
