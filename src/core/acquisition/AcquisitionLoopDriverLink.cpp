// What the driver asks of the loop (the DriverLink side: send bytes, emit samples, report
// link events) and the settings the application changes while streaming (tare, probe area,
// calibration). All of it runs on the I/O thread; the connection lifecycle is in
// AcquisitionLoop.cpp.
#include <boost/asio/post.hpp>
#include <cmath>

#include "AcquisitionLoop.h"

namespace algocore {

namespace asio = boost::asio;

void AcquisitionLoop::take_tare() {
    const algocal::TareResult result = pipeline_.take_tare(SteadyClock::now());
    if (result.ok) {
        char text[96];
        std::snprintf(text, sizeof text, "tare: zero offset %.4f N", result.offset_n);
        publish_event(LinkEvent::Kind::Info, text);
    } else {
        publish_event(LinkEvent::Kind::Error, "tare refused: " + result.message);
    }
    refresh_status();
}

void AcquisitionLoop::clear_tare() {
    pipeline_.clear_tare();
    publish_event(LinkEvent::Kind::Info, "tare cleared");
    refresh_status();
}

void AcquisitionLoop::request_cue(std::uint16_t cue_id, std::uint16_t duration_ms) {
    // After goodbye nothing more is sent to the device.
    if (!driver_ || goodbye_sent_) return;
    driver_->request_cue(cue_id, duration_ms, *this);
}

void AcquisitionLoop::set_probe_area_cm2(double area_cm2) {
    if (!std::isfinite(area_cm2) || area_cm2 <= 0.0) {
        publish_event(LinkEvent::Kind::Error, "probe area must be a positive number of cm²");
        return;
    }
    pipeline_.calibrator().set_probe_area_cm2(area_cm2);
}

void AcquisitionLoop::set_calibration(std::shared_ptr<const algocal::CalibrationRecord> record) {
    pipeline_.calibrator().set_record(std::move(record));
    if (pipeline_.calibrator().record() && !pipeline_.calibrator().record_usable())
        publish_event(LinkEvent::Kind::Error,
                      "calibration record cannot be applied (its fit is not invertible); "
                      "using the device's factory calibration");
    refresh_status();
}

void AcquisitionLoop::send(std::span<const std::uint8_t> bytes) {
    if (!transport_ || goodbye_sent_) return;
    bytes_sent_ += bytes.size();
    capture_.append(CaptureRecordKind::HostToDevice, SteadyClock::now(), bytes);
    transport_->write(bytes);
}

void AcquisitionLoop::discard_input() {
    if (transport_) transport_->discard_input();
}

void AcquisitionLoop::emit(const RawSample& sample) {
    // A driver that streams before it can name the device is still a working link.
    if (!connected_reported_) {
        const auto identity = driver_ ? driver_->identity() : std::nullopt;
        note_connected(identity ? identity->model : std::string());
    }
    if (!serial_known_ && driver_) {
        if (const auto identity = driver_->identity()) {
            device_serial_ = identity->serial_number;
            serial_known_ = true;
        }
    }
    loss_across_reconnects_.on_sample(sample, device_serial_);
    pipeline_.deliver(sample);
}

void AcquisitionLoop::report(const LinkEvent& event) {
    switch (event.kind) {
    case LinkEvent::Kind::Connected: note_connected(event.message); return;
    case LinkEvent::Kind::Disconnected: {
        // The driver says the device stopped answering. Dropping the connection runs the
        // driver's destructor, so do it after this call returns.
        const std::uint64_t connection = connection_;
        const std::string reason = event.message;
        asio::post(io_, [this, connection, reason] {
            if (connection == connection_) link_lost(reason);
        });
        return;
    }
    case LinkEvent::Kind::Error: last_error_ = event.message; break;
    default: break;
    }
    pipeline_.publish(event);
}

} // namespace algocore
