#pragma once
// After an algometer replaced another in the middle of a workflow: the window names the one
// now measuring, everywhere, and nothing of the one before (but the banner that says so).
#include <QToolButton>

#include "Algometer.h"
#include "Screen.h"
#include "Station.h"
#include "algogui/Banner.h"
#include "algogui/DeviceBar.h"

namespace workflow {

/// The calibration the device bar names for a device: its own record, or the factory
/// calibration flagged when it has none.
inline QString calibration_shown_for(const Algometer& device) {
    return device.spec().calibration_id
               ? QStringLiteral("✔ calibration #%1").arg(*device.spec().calibration_id)
               : QStringLiteral("⚠ factory calibration");
}

/// `now` is shown as the device measuring, on the device bar and on `page`, with its own
/// calibration; `before` nowhere but in the banner saying the device changed.
inline void check_device_shown(Station& station, const Algometer& now, const Algometer& before,
                               QWidget& page) {
    station.settle(50);
    algogui::DeviceBar& bar = station.window().device_bar();
    const QString serial = QString::fromStdString(now.serial());
    const QString old_serial = QString::fromStdString(before.serial());
    QVERIFY2(bar.device_text().startsWith(QStringLiteral("S/N ") + serial),
             qPrintable(bar.device_text()));
    QVERIFY2(!bar.device_text().contains(old_serial), qPrintable(bar.device_text()));
    QCOMPARE(bar.calibration_text(), calibration_shown_for(now));
    // The calibration applied is the new device's own (or none: its factory calibration).
    const auto& applied = station.workbench().calibration();
    if (now.spec().calibration_id) {
        QVERIFY(applied);
        QCOMPARE(applied->id, *now.spec().calibration_id);
        QCOMPARE(applied->device_serial, now.serial());
    } else {
        QVERIFY2(!applied, "a device without calibration measures with another's record");
    }
    const QStringList texts = texts_shown(page);
    QVERIFY2(holding(texts, old_serial).isEmpty(),
             qPrintable(QStringLiteral("the page still shows %1: %2")
                            .arg(old_serial, holding(texts, old_serial).join(" | "))));
    QVERIFY2(!holding(texts, serial).isEmpty() || !page.inherits("algogui::ThresholdsPage"),
             qPrintable(QStringLiteral("the Thresholds page does not name %1").arg(serial)));
}

/// The banner's word on the change, said once when the device changed.
inline void check_change_said(Station& station, const Algometer& now, const Algometer& before) {
    const QString text = station.window().banner().text();
    QVERIFY2(text.contains(QStringLiteral("S/N %1").arg(QString::fromStdString(now.serial()))) &&
                 text.contains(
                     QStringLiteral("was S/N %1").arg(QString::fromStdString(before.serial()))),
             qPrintable(text));
    // Read, and closed as the examiner closes it (a warning stays until then, over the
    // passing notes after it).
    auto* close = station.window().banner().findChild<QToolButton*>();
    QVERIFY(close && close->isVisible());
    QTest::mouseClick(close, Qt::LeftButton);
    QVERIFY(!station.window().banner().isVisible());
}

} // namespace workflow
