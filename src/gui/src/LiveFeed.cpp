#include "algogui/LiveFeed.h"

#include "algocal/CalibrationRecord.h"

#ifdef ALGOGUI_HAS_SIMULATOR
#include "algosim/SimulatedAlgometer.h"
#endif

namespace algogui {
namespace {

// ~60 Hz: one display frame. The plot decimates, so the cost does not grow with the rate.
constexpr int kFrameIntervalMs = 16;
// The status snapshot takes a lock in the I/O thread; a few times a second is plenty.
constexpr int kTicksPerStatusRefresh = 15;

QString qstring(const std::string& text) { return QString::fromStdString(text); }

}  // namespace

LiveFeed::LiveFeed(QObject* parent) : QObject(parent) {
    tick_timer_.setTimerType(Qt::PreciseTimer);
    tick_timer_.setInterval(kFrameIntervalMs);
    connect(&tick_timer_, &QTimer::timeout, this, &LiveFeed::tick);
    // Reserved once: a frame at 60 Hz holds a few tens of samples even at 2 kHz.
    frame_samples_.reserve(4096);
}

LiveFeed::~LiveFeed() {
    const QSignalBlocker quiet(this); // the views may be gone already
    disconnect_device();
}

void LiveFeed::set_frame_interval_ms(int ms) { tick_timer_.setInterval(std::max(1, ms)); }

bool LiveFeed::connect_device(const DeviceChoice& choice, QString* error) {
    disconnect_device();
    choice_ = choice;
    QString why;

    algocore::AcquisitionConfig config;
    config.driver = choice.driver.toStdString();
    config.baud = choice.baud;
    config.probe_area_cm2 = choice.probe_area_cm2;
    if (choice.is_simulated()) {
        if (!start_simulator(&why)) {
            if (error) *error = why;
            Q_EMIT bannerMessage(BannerLevel::Error, why);
            model_.set_link(LinkState::Failed);
            Q_EMIT frameReady();
            return false;
        }
        // Our own simulator speaks the native protocol; ask for its rate and batch size.
        config.driver = "native";
        config.driver_options.native_rate_hz = static_cast<unsigned>(choice.sim_rate_hz);
        config.driver_options.native_batch = choice.sim_batch;
#ifdef ALGOGUI_HAS_SIMULATOR
        config.port = simulator_->device_path();
#endif
    } else {
        config.port = choice.port.toStdString();
    }

    acquisition_ = std::make_unique<algocore::Acquisition>(std::move(config));
    std::string start_error;
    if (!acquisition_->start(&start_error)) {
        why = tr("Cannot open %1: %2").arg(choice.port, qstring(start_error));
        acquisition_.reset();
        simulator_.reset();
        if (error) *error = why;
        Q_EMIT bannerMessage(BannerLevel::Error, why);
        refresh_status();
        model_.set_link(LinkState::Failed);
        Q_EMIT frameReady();
        return false;
    }
    if (calibration_) acquisition_->set_calibration(calibration_);
    model_.reset();
    refresh_status();
    tick_timer_.start();
    return true;
}

bool LiveFeed::start_simulator(QString* error) {
#ifdef ALGOGUI_HAS_SIMULATOR
    algosim::SimulatedAlgometerOptions options;
    options.scenario = choice_.scenario.toStdString();
    options.rate_hz = choice_.sim_rate_hz;
    options.probe_area_cm2 = choice_.probe_area_cm2;
    if (choice_.sim_unplug_after_s > 0) options.faults.disconnect_at_s = choice_.sim_unplug_after_s;
    simulator_ = std::make_unique<algosim::SimulatedAlgometer>(options);
    const std::string failure = simulator_->start();
    if (!failure.empty()) {
        *error = tr("Simulated algometer: %1").arg(qstring(failure));
        simulator_.reset();
        return false;
    }
    return true;
#else
    *error = tr("This build has no simulated algometer");
    return false;
#endif
}

void LiveFeed::disconnect_device() {
    tick_timer_.stop();
    if (acquisition_) {
        acquisition_->stop();
        acquisition_.reset();
    }
    simulator_.reset();
    status_ = algocore::AcquisitionStatus{};
    Q_EMIT statusChanged();
    model_.set_link(LinkState::NotConnected);
    Q_EMIT frameReady();
}

void LiveFeed::set_calibration(std::shared_ptr<const algocal::CalibrationRecord> record) {
    calibration_ = std::move(record);
    if (acquisition_) acquisition_->set_calibration(calibration_);
    Q_EMIT statusChanged();
}

std::optional<double> LiveFeed::session_now_s() const {
    if (!acquisition_) return std::nullopt;
    return algocore::seconds_between(acquisition_->session_start(), algocore::SteadyClock::now());
}

void LiveFeed::request_tare() {
    if (acquisition_) acquisition_->request_tare();
}

void LiveFeed::tick() {
    frame_samples_.clear();
    if (acquisition_) {
        acquisition_->samples().drain([this](const algocore::Sample& sample) {
            model_.add_sample(sample);
            frame_samples_.push_back(sample);
        });
        drain_events();
        if (++ticks_since_status_ >= kTicksPerStatusRefresh) refresh_status();
        model_.set_now_s(*session_now_s());
    }
    Q_EMIT frameReady();
}

void LiveFeed::drain_events() {
    using Kind = algocore::LinkEvent::Kind;
    acquisition_->events().drain([this](const algocore::LinkEvent& event) {
        if (const auto link = link_state_after(event)) model_.set_link(*link);
        const QString text = qstring(event.message);
        switch (event.kind) {
        case Kind::Connected:
            Q_EMIT bannerMessage(BannerLevel::Info, tr("Connected: %1").arg(text));
            break;
        case Kind::Disconnected:
            Q_EMIT bannerMessage(BannerLevel::Error, tr("Device disconnected: %1").arg(text));
            break;
        case Kind::Error: Q_EMIT bannerMessage(BannerLevel::Error, text); break;
        case Kind::Warning: Q_EMIT bannerMessage(BannerLevel::Warning, text); break;
        case Kind::Info: Q_EMIT bannerMessage(BannerLevel::Info, text); break;
        // Buttons reach the plot through the samples' button bits, stamped with the sample.
        case Kind::Button: break;
        }
    });
}

void LiveFeed::refresh_status() {
    ticks_since_status_ = 0;
    if (acquisition_) status_ = acquisition_->status();
    if (acquisition_) model_.set_link(link_state_of(status_));
    Q_EMIT statusChanged();
}

}  // namespace algogui
