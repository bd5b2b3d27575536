#include "algogui/LiveFeed.h"

#include "algocal/CalibrationRecord.h"

#ifdef ALGOGUI_HAS_SIMULATOR
#include "algosim/SimulatedAlgometer.h"
#endif

namespace algogui {
namespace {

// ~60 Hz: one display frame. The plot decimates, so the cost does not grow with the rate.
constexpr int kFrameIntervalMs = 16;
constexpr int kTicksPerStatus = 15;

QString qstring(const std::string& text) {
    return QString::fromStdString(text);
}

BannerLevel banner_level(algocore::session::Notice::Level level) {
    switch (level) {
    case algocore::session::Notice::Level::Info: return BannerLevel::Info;
    case algocore::session::Notice::Level::Warning: return BannerLevel::Warning;
    case algocore::session::Notice::Level::Error: return BannerLevel::Error;
    case algocore::session::Notice::Level::Recovered: return BannerLevel::Recovered;
    }
    return BannerLevel::Info;
}

} // namespace

LiveFeed::LiveFeed(QObject* parent) : LiveFeed(*new algocore::session::Workbench(), parent) {
    own_workbench_.reset(&workbench_);
}

LiveFeed::LiveFeed(algocore::session::Workbench& workbench, QObject* parent)
    : QObject(parent), workbench_(workbench) {
    tick_timer_.setTimerType(Qt::PreciseTimer);
    tick_timer_.setInterval(kFrameIntervalMs);
    connect(&tick_timer_, &QTimer::timeout, this, &LiveFeed::tick);
    // Reserved once: a frame at 60 Hz holds a few tens of samples even at 2 kHz.
    frame_samples_.reserve(4096);
    // The tick runs with or without a device: storage answers arrive through it, and a lost
    // device must be noticed without samples.
    tick_timer_.start();
}

LiveFeed::~LiveFeed() {
    const QSignalBlocker quiet(this); // the views may be gone already
    tick_timer_.stop();
    workbench_.disconnect();
    simulator_.reset();
}

void LiveFeed::set_frame_interval_ms(int ms) {
    tick_timer_.setInterval(std::max(1, ms));
}

bool LiveFeed::connect_device(const DeviceChoice& choice, QString* error, OnFailure on_failure) {
    disconnect_device();
    choice_ = choice;
    QString why;

    algocore::AcquisitionConfig config;
    config.driver = choice.driver.toStdString();
    config.baud = choice.baud;
    if (choice.is_simulated()) {
        if (!start_simulator(&why)) {
            if (error) *error = why;
            Q_EMIT bannerMessage(BannerLevel::Error, why);
            workbench_.live().set_link(LinkState::Failed);
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

    workbench_.set_probe_area_cm2(choice.probe_area_cm2);
    std::string start_error;
    if (!workbench_.connect(std::move(config), &start_error)) {
        why = tr("Cannot open %1: %2").arg(choice.port, qstring(start_error));
        simulator_.reset();
        if (error) *error = why;
        if (on_failure == OnFailure::Banner) Q_EMIT bannerMessage(BannerLevel::Error, why);
        Q_EMIT statusChanged();
        Q_EMIT frameReady();
        return false;
    }
    Q_EMIT statusChanged();
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
    workbench_.disconnect();
    simulator_.reset();
    Q_EMIT statusChanged();
    Q_EMIT frameReady();
}

void LiveFeed::reload_calibration() {
    workbench_.reload_calibration();
    Q_EMIT statusChanged();
}

std::optional<double> LiveFeed::session_now_s() const {
    return workbench_.session_now_s();
}

void LiveFeed::request_tare() {
    if (auto* acquisition = workbench_.acquisition()) acquisition->request_tare();
}

void LiveFeed::tick() {
    frame_samples_.clear();
    const auto& frame = workbench_.poll();
    frame_samples_.assign(frame.begin(), frame.end());
    drain_events();
    // The device bar's rate and loss counters: a few times per second is plenty.
    if (workbench_.status().link != last_link_ || ++ticks_since_status_ >= kTicksPerStatus) {
        last_link_ = workbench_.status().link;
        ticks_since_status_ = 0;
        Q_EMIT statusChanged();
    }
    Q_EMIT frameReady();
}

void LiveFeed::play_frame(std::span<const algocore::Sample> samples) {
    frame_samples_.clear();
    const auto& frame = workbench_.feed_frame(samples);
    frame_samples_.assign(frame.begin(), frame.end());
    drain_events();
    Q_EMIT frameReady();
}

void LiveFeed::play_device(const algocore::DeviceIdentity& identity) {
    workbench_.play_device(identity);
    drain_events();
    Q_EMIT statusChanged();
    Q_EMIT frameReady();
}

void LiveFeed::drain_events() {
    using Kind = algocore::LinkEvent::Kind;
    bool status_changed = false;
    for (const algocore::LinkEvent& event : workbench_.take_link_events()) {
        const QString text = qstring(event.message);
        switch (event.kind) {
        case Kind::Connected:
            status_changed = true;
            // After a lost link this ends the red banner rather than waiting behind it.
            Q_EMIT bannerMessage(BannerLevel::Recovered, tr("Connected: %1").arg(text));
            break;
        case Kind::Disconnected:
            status_changed = true;
            Q_EMIT bannerMessage(BannerLevel::Error, tr("Device disconnected: %1").arg(text));
            break;
        case Kind::Error: Q_EMIT bannerMessage(BannerLevel::Error, text); break;
        case Kind::Warning: Q_EMIT bannerMessage(BannerLevel::Warning, text); break;
        case Kind::Info: Q_EMIT bannerMessage(BannerLevel::Info, text); break;
        // Buttons reach the plot through the samples' button bits, stamped with the sample;
        // a device's cue belongs to the reaction-time test (the workbench hands it over).
        case Kind::Button:
        case Kind::Cue: break;
        }
    }
    for (const auto& notice : workbench_.take_notices()) {
        status_changed = true;
        Q_EMIT bannerMessage(banner_level(notice.level), qstring(notice.text));
    }
    if (status_changed) Q_EMIT statusChanged();
}

} // namespace algogui
