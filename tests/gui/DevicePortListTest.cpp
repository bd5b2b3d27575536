// The device bar lists real serial ports after "Simulated algometer", each with a line a
// person recognises, and connects to the port's path, not to the line shown.
#include <QComboBox>
#include <QtTest>

#include "algogui/DeviceBar.h"

using algogui::DeviceBar;

class DevicePortListTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void simulatedFirstThenRealPorts() {
        DeviceBar bar;
        bar.set_port_lister([] {
            return std::vector<DeviceBar::Port>{
                {QStringLiteral("/dev/serial/by-id/usb-FTDI_FT232R_USB_UART_A1B2C3-if00-port0"),
                 QStringLiteral("FT232R USB UART (FTDI, 0403:6001)")},
                {QStringLiteral("/dev/ttyS4"), QString()}};
        });
        const QStringList entries = bar.port_entries();
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries[0], algogui::kSimulatedPort);
        QCOMPARE(entries[1], QStringLiteral("usb-FTDI_FT232R_USB_UART_A1B2C3-if00-port0 — "
                                            "FT232R USB UART (FTDI, 0403:6001)"));
        QCOMPARE(entries[2], QStringLiteral("ttyS4"));
        QCOMPARE(bar.choice().port, algogui::kSimulatedPort);
    }

    void choosingAListedPortOpensItsPath() {
        DeviceBar bar;
        const QString path = QStringLiteral("/dev/serial/by-id/usb-Acme_Algometer_42-if00");
        bar.set_port_lister([&] {
            return std::vector<DeviceBar::Port>{
                {path, QStringLiteral("Algometer (Acme, 1234:5678)")}};
        });
        auto* combo = bar.findChild<QComboBox*>();
        QVERIFY(combo);
        combo->setCurrentIndex(1);
        QCOMPARE(bar.choice().port, path);

        // A saved choice selects the listed entry again; a typed path is kept as typed.
        algogui::DeviceChoice saved;
        saved.port = path;
        bar.set_choice(saved);
        QCOMPARE(combo->currentIndex(), 1);
        QCOMPARE(bar.choice().port, path);
        saved.port = QStringLiteral("/dev/ttyUSB7");
        bar.set_choice(saved);
        QCOMPARE(bar.choice().port, QStringLiteral("/dev/ttyUSB7"));
        bar.refresh_ports();
        QCOMPARE(bar.choice().port, QStringLiteral("/dev/ttyUSB7"));
    }
};

QTEST_MAIN(DevicePortListTest)
#include "DevicePortListTest.moc"
