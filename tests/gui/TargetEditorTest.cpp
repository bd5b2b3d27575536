// The target editor refuses impossible targets next to the field, with the reason, and
// passes on only valid ones, converted from the unit shown.
#include <QCheckBox>
#include <QtTest>
#include <cstring>

#include "algogui/Preferences.h"
#include "algogui/TargetEditor.h"
#include "algogui/TargetPresets.h"

using namespace algogui;

class TargetEditorTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void RefusesALowEdgeAboveTheHighEdge() {
        TargetEditor editor;
        QSignalSpy changed(&editor, &TargetEditor::targetsChanged);
        const LiveTargets before = editor.targets();
        editor.enter_band(400, 300);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(editor.error_field(), QStringLiteral("band"));
        QVERIFY(!editor.error_text().isEmpty());
        QVERIFY(editor.targets() == before);
    }

    void RefusesABandAboveTheLimit() {
        TargetEditor editor;
        editor.enter_band(300, 400);
        editor.enter_limit(350);
        QVERIFY(!editor.error_text().isEmpty());
        QCOMPARE(editor.targets().limit_kpa, 500.0);
    }

    void RefusesANegativeValue() {
        TargetEditor editor;
        editor.enter_band(-10, 100);
        QVERIFY(!editor.error_text().isEmpty());
    }

    void AcceptsAValidBandInTheShownUnitAndClearsTheError() {
        TargetEditor editor;
        editor.set_unit(display_unit(QStringLiteral("n_cm2")));
        QSignalSpy changed(&editor, &TargetEditor::targetsChanged);
        editor.enter_band(40, 30); // refused first
        QVERIFY(!editor.error_text().isEmpty());
        editor.enter_band(20, 30); // 20–30 N/cm² = 200–300 kPa
        QVERIFY(editor.error_text().isEmpty());
        QVERIFY(changed.count() >= 1);
        QCOMPARE(editor.targets().band_low_kpa, 200.0);
        QCOMPARE(editor.targets().band_high_kpa, 300.0);
    }

    void SwitchingUnitsAndBackLeavesTheTargetsBitIdentical() {
        // Stored values are canonical kPa; a unit is only how they are shown. Awkward values
        // (not round in any unit) must survive a tour through every unit unchanged.
        TargetEditor editor;
        editor.enter_band(312.345678, 401.987654);
        editor.enter_limit(523.456789);
        QVERIFY(editor.error_text().isEmpty());
        const LiveTargets before = editor.targets();
        QSignalSpy changed(&editor, &TargetEditor::targetsChanged);
        for (const DisplayUnit& unit : display_units())
            editor.set_unit(unit);
        editor.set_unit(display_unit(QStringLiteral("kpa")));
        QCOMPARE(changed.count(), 0); // showing another unit never re-enters a target
        QVERIFY(editor.targets() == before);
        QCOMPARE(std::memcmp(&editor.targets().band_low_kpa, &before.band_low_kpa, sizeof(double)),
                 0);
    }

    void BandAsPercentOfTheSitePpt() {
        TargetEditor editor;
        editor.set_reference_ppt_kpa(500.0);
        editor.findChild<QCheckBox*>()->setChecked(true);
        editor.enter_band(50, 70); // 50–70 % of a 500 kPa PPT
        QVERIFY(editor.error_text().isEmpty());
        QCOMPARE(editor.targets().band_low_kpa, 250.0);
        QCOMPARE(editor.targets().band_high_kpa, 350.0);
    }

    void PresetsAreAllValid() {
        for (const TargetPreset& preset : target_presets())
            QVERIFY2(preset.targets.validate().ok(), qPrintable(preset.name));
        TargetEditor editor;
        editor.apply_preset(0);
        QCOMPARE(editor.targets().band_low_kpa, target_presets()[0].targets.band_low_kpa);
    }

    void PreferencesKeepTargetsAndUnit() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("prefs.ini"));
        LiveTargets targets;
        targets.band_low_kpa = 123;
        {
            Preferences prefs(path);
            prefs.set_targets(targets);
            prefs.set_unit_key(QStringLiteral("lbf_in2"));
            prefs.set_window_s(30);
            prefs.sync();
        }
        Preferences again(path);
        QCOMPARE(again.targets().band_low_kpa, 123.0);
        QCOMPARE(again.unit_key(), QStringLiteral("lbf_in2"));
        QCOMPARE(again.window_s(), 30.0);
    }
};

QTEST_MAIN(TargetEditorTest)
#include "TargetEditorTest.moc"
