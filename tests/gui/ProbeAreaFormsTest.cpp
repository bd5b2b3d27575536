// The GUI's probe-area entries (the session form on the Thresholds page, the calibration
// setup) accept the program's one range (algocal/ProbeArea.h), as the CLI, the session and the
// simulator do; the session form once started at 0.05 cm².
#include <QDoubleSpinBox>
#include <QtTest>

#include "algocal/ProbeArea.h"
#include "algogui/calibration/CalibrationSetupPanel.h"
#include "algogui/thresholds/SessionForm.h"

namespace {

// The one spin box of `form` whose unit is cm².
QDoubleSpinBox* area_entry(QWidget& form) {
    QDoubleSpinBox* found = nullptr;
    for (QDoubleSpinBox* box : form.findChildren<QDoubleSpinBox*>())
        if (box->suffix().contains(QStringLiteral("cm²"))) {
            if (found) return nullptr; // two areas: ambiguous
            found = box;
        }
    return found;
}

} // namespace

class ProbeAreaFormsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theSessionFormTakesTheProgramsRange() {
        algogui::SessionForm form;
        QDoubleSpinBox* area = area_entry(form);
        QVERIFY(area);
        QCOMPARE(area->minimum(), algocal::kMinProbeAreaCm2);
        QCOMPARE(area->maximum(), algocal::kMaxProbeAreaCm2);
    }

    void theCalibrationSetupTakesTheProgramsRange() {
        algogui::calibration::CalibrationSetupPanel panel;
        QDoubleSpinBox* area = area_entry(panel);
        QVERIFY(area);
        QCOMPARE(area->minimum(), algocal::kMinProbeAreaCm2);
        QCOMPARE(area->maximum(), algocal::kMaxProbeAreaCm2);
    }
};

QTEST_MAIN(ProbeAreaFormsTest)
#include "ProbeAreaFormsTest.moc"
