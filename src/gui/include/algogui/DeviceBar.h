#pragma once
// The device bar: port picker ("Simulated algometer" first and default), driver, connect,
// and what the link is doing: state, device name and serial, calibration in use (warning
// when expired or missing), sample rate, loss counters.
#include <QWidget>
#include <functional>
#include <memory>
#include <vector>

#include "algocore/acquisition/Acquisition.h"
#include "algocore/live/SignalQuality.h"
#include "algogui/DeviceChoice.h"

namespace algocal {
struct CalibrationRecord;
}

class QComboBox;
class QLabel;
class QPushButton;

namespace algogui {

class ElidedLabel;

class DeviceBar : public QWidget {
    Q_OBJECT
public:
    /// A serial port as the picker shows it: what to open and a line a person recognises.
    struct Port {
        QString path;        ///< what to open (the by-id name when there is one)
        QString description; ///< e.g. "FT232R USB UART (FTDI, 0403:6001)"; may be empty
    };
    /// Lists the serial ports present now (from the acquisition layer's port discovery).
    using PortLister = std::function<std::vector<Port>()>;

    explicit DeviceBar(QWidget* parent = nullptr);

    void set_port_lister(PortLister lister);
    /// Re-reads the port list, keeping the current choice. Also runs each time the list is
    /// opened, so a device plugged in later shows up.
    void refresh_ports();
    /// The choice currently shown (port, driver).
    DeviceChoice choice() const;
    void set_choice(const DeviceChoice& choice);

    void show_status(const algocore::AcquisitionStatus& status, bool connected,
                     const std::shared_ptr<const algocal::CalibrationRecord>& calibration);

    /// While a remembered port is waited for, the bar says so instead of "idle" (empty: not
    /// waiting).
    void set_waiting_for(const QString& port);

    QString state_text() const;
    QString device_text() const;
    QString calibration_text() const;
    /// The signal-quality indicator ("● Signal good") and its tooltip (the sample rate and the
    /// counts of lost and damaged readings).
    QString signal_text() const;
    QString signal_tooltip() const;
    /// The entries of the port list as shown (first: "Simulated algometer").
    QStringList port_entries() const;

Q_SIGNALS:
    void connectRequested(const algogui::DeviceChoice& choice);
    void disconnectRequested();

private:
    void select_port(const QString& path);
    void show_signal_quality(const algocore::AcquisitionStatus& status, bool connected);

    PortLister port_lister_;
    DeviceChoice base_choice_;
    bool connected_ = false;
    QString waiting_for_;
    QComboBox* port_ = nullptr;
    QComboBox* driver_ = nullptr;
    QPushButton* connect_ = nullptr;
    QLabel* state_ = nullptr;
    ElidedLabel* device_ = nullptr;
    QLabel* calibration_ = nullptr;
    QLabel* signal_ = nullptr;
    algocore::live::SignalQualityMeter signal_meter_;
};

} // namespace algogui
