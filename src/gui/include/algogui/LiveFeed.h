#pragma once
// The display tick. Owns the acquisition session (and the in-process simulated algometer
// when that is the chosen port); every frame (~60 Hz) it drains the sample and event rings
// into the LiveModel and tells the widgets once. Nothing per sample touches a widget.
#include <QObject>
#include <QString>
#include <QTimer>
#include <memory>
#include <optional>
#include <vector>

#include "algocore/LinkEvent.h"
#include "algocore/acquisition/Acquisition.h"
#include "algogui/DeviceChoice.h"
#include "algogui/LiveModel.h"

namespace algocal {
struct CalibrationRecord;
}
namespace algosim {
class SimulatedAlgometer;
}

namespace algogui {

/// How loud a message in the banner is.
enum class BannerLevel { Info, Warning, Error };

/// Connects, ticks, and publishes one frame at a time.
class LiveFeed : public QObject {
    Q_OBJECT
public:
    explicit LiveFeed(QObject* parent = nullptr);
    ~LiveFeed() override;

    /// Opens the chosen device. Returns false with a message for the banner when it cannot
    /// start (the reason is also emitted as a banner message).
    bool connect_device(const DeviceChoice& choice, QString* error = nullptr);
    void disconnect_device();
    bool connected() const { return acquisition_ != nullptr; }
    const DeviceChoice& device() const { return choice_; }

    LiveModel& model() { return model_; }
    /// The in-process simulated algometer while it is the device (tests make it vanish).
    algosim::SimulatedAlgometer* simulator() { return simulator_.get(); }
    /// The samples drained in the latest frame, in time order (valid until the next tick).
    /// Pages that run their own protocol engine (treatment, training) feed from it.
    const std::vector<algocore::Sample>& frame_samples() const { return frame_samples_; }
    /// Now on the session clock (Sample::t_s), to stamp operator events such as a pain key;
    /// nullopt when no device is connected.
    std::optional<double> session_now_s() const;
    /// Latest acquisition snapshot (refreshed a few times per second).
    const algocore::AcquisitionStatus& status() const { return status_; }
    /// The calibration record in use; null = factory calibration.
    const std::shared_ptr<const algocal::CalibrationRecord>& calibration() const {
        return calibration_;
    }
    void set_calibration(std::shared_ptr<const algocal::CalibrationRecord> record);

    void request_tare();
    /// Display tick interval; default ~60 Hz.
    void set_frame_interval_ms(int ms);

public Q_SLOTS:
    /// One display frame: drain, update the model, emit frameReady. Public for tests.
    void tick();

Q_SIGNALS:
    /// Once per display frame when anything changed.
    void frameReady();
    /// The acquisition status snapshot changed (device bar).
    void statusChanged();
    /// A message for the non-modal banner.
    void bannerMessage(algogui::BannerLevel level, const QString& text);

private:
    void drain_events();
    void refresh_status();
    bool start_simulator(QString* error);

    DeviceChoice choice_;
    LiveModel model_;
    std::vector<algocore::Sample> frame_samples_;
    QTimer tick_timer_;
    int ticks_since_status_ = 0;
    algocore::AcquisitionStatus status_;
    std::shared_ptr<const algocal::CalibrationRecord> calibration_;
    std::unique_ptr<algosim::SimulatedAlgometer> simulator_;
    std::unique_ptr<algocore::Acquisition> acquisition_;
};

}  // namespace algogui
