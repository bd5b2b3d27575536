#pragma once
// The display tick. Every frame (~60 Hz) it polls the Workbench (which drains the device's
// rings once, feeds every session, the live view's included, and delivers storage answers)
// and tells the widgets once. Nothing per sample touches a widget. It also owns
// the in-process simulated algometer when that is the chosen port.
#include <QObject>
#include <QString>
#include <QTimer>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "algocore/LinkEvent.h"
#include "algocore/acquisition/Acquisition.h"
#include "algocore/session/Workbench.h"
#include "algogui/DeviceChoice.h"
#include "algogui/LiveState.h"

namespace algocal {
struct CalibrationRecord;
}
namespace algosim {
class SimulatedAlgometer;
}

namespace algogui {

/// How loud a message in the banner is. Recovered says that a problem shown before is over
/// (the link is back, every record is written): it replaces the red or amber banner.
enum class BannerLevel { Info, Warning, Error, Recovered };

/// Connects, ticks, and publishes one frame at a time.
class LiveFeed : public QObject {
    Q_OBJECT
public:
    /// A feed over the application's workbench (must outlive the feed).
    LiveFeed(algocore::session::Workbench& workbench, QObject* parent = nullptr);
    /// A feed with a workbench of its own and no database (widget tests).
    explicit LiveFeed(QObject* parent = nullptr);
    ~LiveFeed() override;

    algocore::session::Workbench& workbench() { return workbench_; }

    /// Whether a device that cannot be opened is reported on the banner or only returned.
    enum class OnFailure { Banner, Quiet };
    /// Opens the chosen device. Returns false with a message for the banner when it cannot
    /// start (the reason is also emitted as a banner message unless asked to stay quiet).
    bool connect_device(const DeviceChoice& choice, QString* error = nullptr,
                        OnFailure on_failure = OnFailure::Banner);
    void disconnect_device();
    bool connected() const { return workbench_.connected(); }
    const DeviceChoice& device() const { return choice_; }

    /// The live view's state (the workbench's live session).
    LiveSession& model() { return workbench_.live(); }
    /// The in-process simulated algometer while it is the device (tests make it vanish).
    algosim::SimulatedAlgometer* simulator() { return simulator_.get(); }
    /// The samples drained in the latest frame, in time order (valid until the next tick).
    /// Pages that run their own protocol engine (treatment, training) feed from it.
    const std::vector<algocore::Sample>& frame_samples() const { return frame_samples_; }
    /// Now on the session clock (Sample::t_s), to stamp operator events such as a pain key;
    /// nullopt when no device is connected.
    std::optional<double> session_now_s() const;
    /// Latest acquisition snapshot (refreshed a few times per second).
    const algocore::AcquisitionStatus& status() const { return workbench_.status(); }
    /// The calibration record in use; null = factory calibration.
    const std::shared_ptr<const algocal::CalibrationRecord>& calibration() const {
        return workbench_.calibration();
    }
    /// Applies the device's active calibration again (after the wizard saved one).
    void reload_calibration();

    void request_tare();
    /// Display tick interval; default ~60 Hz.
    void set_frame_interval_ms(int ms);

    /// One display frame of samples from a source other than the device (the workflow tests'
    /// scripted hand, on the samples' own clock): the workbench takes them as it takes a
    /// device's (Workbench::feed_frame) and every view is told, exactly as after tick().
    void play_frame(std::span<const algocore::Sample> samples);
    /// The device such a source plays, plugged in now (Workbench::play_device): the device
    /// bar, the banner and every page are told, exactly as when a device is identified.
    void play_device(const algocore::DeviceIdentity& identity);

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
    bool start_simulator(QString* error);

    std::unique_ptr<algocore::session::Workbench> own_workbench_;
    algocore::session::Workbench& workbench_;
    DeviceChoice choice_;
    std::vector<algocore::Sample> frame_samples_;
    QTimer tick_timer_;
    algocore::AcquisitionStatus::Link last_link_ = algocore::AcquisitionStatus::Link::Idle;
    int ticks_since_status_ = 0;
    std::unique_ptr<algosim::SimulatedAlgometer> simulator_;
};

} // namespace algogui
