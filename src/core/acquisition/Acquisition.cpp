#include "algocore/acquisition/Acquisition.h"

#include <cmath>

#include "AcquisitionLoop.h"
#include "algocal/ProbeArea.h"
#include "algocore/acquisition/RawCapture.h"
#include "algocore/acquisition/ReplayTransport.h"
#include "algocore/acquisition/SerialTransport.h"

namespace algocore {

const char* to_string(AcquisitionStatus::Link link) {
    using Link = AcquisitionStatus::Link;
    switch (link) {
    case Link::Idle: return "idle";
    case Link::Connecting: return "connecting";
    case Link::Connected: return "connected";
    case Link::Disconnected: return "disconnected";
    case Link::Reconnecting: return "reconnecting";
    case Link::Ended: return "ended";
    }
    return "unknown";
}

// Private to the Acquisition: the loop lives behind this name so the public header does
// not pull in Boost.Asio.
class Acquisition::IoLoop : public AcquisitionLoop {
public:
    using AcquisitionLoop::AcquisitionLoop;
};

Acquisition::Acquisition(AcquisitionConfig config)
    : config_(std::move(config)), samples_(config_.sample_ring_capacity),
      events_(config_.event_ring_capacity) {}

Acquisition::~Acquisition() {
    stop();
}

namespace {

// Checks made before any thread starts, so a bad argument is reported in words at once.
std::string validate(const AcquisitionConfig& c) {
    if (!algocal::probe_area_in_range(c.probe_area_cm2))
        return "probe area must be " + algocal::probe_area_range_text() + " (got " +
               std::to_string(c.probe_area_cm2) + ")";
    // Bounded so that a capture's 7 days, scaled, stay far inside the clock's range.
    if (!std::isfinite(c.replay_speed) ||
        (c.replay_speed != 0.0 && (c.replay_speed < 1e-3 || c.replay_speed > 1e6)))
        return "replay speed must be 0 (as fast as possible) or a factor from 0.001 to 1e6";
    if (!std::isfinite(c.reconnect_max_backoff_s) || c.reconnect_max_backoff_s < 0.05 ||
        c.reconnect_max_backoff_s > 60.0)
        return "reconnect backoff must be between 0.05 and 60 s";
    if (c.sample_ring_capacity < 2 || c.event_ring_capacity < 2)
        return "ring capacities must be at least 2";
    if (!c.opener && c.replay_path.empty()) {
        if (c.port.empty()) return "no port given (see `algoscope-cli ports` for the list)";
        if (!is_supported_baud(c.baud))
            return "baud rate " + std::to_string(c.baud) +
                   " is not supported (use a standard rate such as 9600 or 115200)";
    }
    if (!c.driver_factory) {
        DriverOptions options = c.driver_options;
        options.baud = c.baud;
        std::string error;
        if (!make_driver(c.driver, options, &error))
            return error.empty() ? "unknown driver '" + c.driver + "'" : error;
    }
    return {};
}

} // namespace

bool Acquisition::start(std::string* error) {
    if (loop_) {
        if (error) *error = "acquisition already started";
        return false;
    }
    const std::string problem = validate(config_);
    if (!problem.empty()) {
        if (error) *error = problem;
        return false;
    }
    session_start_ = SteadyClock::now();
    std::shared_ptr<TransportOpener> opener = config_.opener;
    if (!opener && !config_.replay_path.empty()) {
        RawCaptureReadResult capture = read_raw_capture(config_.replay_path);
        if (!capture.ok()) {
            if (error) *error = capture.error;
            return false;
        }
        replay_damage_ = capture.contents.damage;
        // Replay with the driver the session was recorded with, unless told otherwise.
        const auto& meta = capture.contents.metadata;
        if (config_.driver == "auto" && meta.count("driver") && !meta.at("driver").empty())
            config_.driver = meta.at("driver");
        opener = std::make_shared<ReplayOpener>(
            std::make_shared<const RawCaptureContents>(std::move(capture.contents)),
            config_.replay_path, session_start_, config_.replay_speed);
    } else if (!opener) {
        opener = std::make_shared<SerialOpener>(
            SerialPortSettings{config_.port, config_.baud, config_.flow_control});
    }
    auto loop =
        std::make_unique<IoLoop>(config_, std::move(opener), samples_, events_, session_start_);
    if (!loop->start(error)) return false;
    loop_ = std::move(loop);
    return true;
}

void Acquisition::stop() {
    if (loop_) loop_->stop();
}

AcquisitionStatus Acquisition::status() const {
    AcquisitionStatus status = loop_ ? loop_->status() : AcquisitionStatus{};
    status.replay_damage = replay_damage_;
    return status;
}

void Acquisition::request_tare() {
    if (loop_) loop_->post([loop = loop_.get()] { loop->take_tare(); });
}

void Acquisition::clear_tare() {
    if (loop_) loop_->post([loop = loop_.get()] { loop->clear_tare(); });
}

void Acquisition::request_cue(std::uint16_t cue_id, std::uint16_t duration_ms) {
    if (loop_)
        loop_->post(
            [loop = loop_.get(), cue_id, duration_ms] { loop->request_cue(cue_id, duration_ms); });
}

void Acquisition::set_probe_area_cm2(double area_cm2) {
    config_.probe_area_cm2 = area_cm2;
    if (loop_) loop_->post([loop = loop_.get(), area_cm2] { loop->set_probe_area_cm2(area_cm2); });
}

void Acquisition::set_calibration(std::shared_ptr<const algocal::CalibrationRecord> record) {
    if (loop_)
        loop_->post([loop = loop_.get(), record = std::move(record)]() mutable {
            loop->set_calibration(std::move(record));
        });
}

} // namespace algocore
