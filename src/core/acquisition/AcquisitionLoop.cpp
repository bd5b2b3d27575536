#include "AcquisitionLoop.h"

#include "algocore/WallClock.h"

#include <pthread.h>

#include <boost/asio/post.hpp>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace algocore {
namespace {

namespace asio = boost::asio;

// Drivers get a tick this often for timeouts, poll pacing and re-arming.
constexpr auto kTickPeriod = std::chrono::milliseconds(10);
// The capture is flushed to disk this often, so a crash loses at most this much.
constexpr auto kCaptureFlushPeriod = std::chrono::seconds(1);
constexpr auto kRateWindow = std::chrono::seconds(1);
// At most one "consumer too slow" warning per this period.
constexpr auto kDropWarningPeriod = std::chrono::seconds(1);
// After the driver's goodbye (e.g. STOP streaming) the port stays open this long so the
// bytes leave before it closes.
constexpr auto kGoodbyeDrain = std::chrono::milliseconds(50);

void add_stats(DriverStats& total, const DriverStats& more) {
    total.samples += more.samples;
    total.samples_lost += more.samples_lost;
    total.samples_lost_estimated += more.samples_lost_estimated;
    total.samples_skipped_by_device += more.samples_skipped_by_device;
    total.bad_frames += more.bad_frames;
    total.device_errors += more.device_errors;
}

} // namespace

AcquisitionLoop::AcquisitionLoop(const AcquisitionConfig& config,
                                 std::shared_ptr<TransportOpener> opener, SpscRing<Sample>& samples,
                                 SpscRing<LinkEvent>& events, SteadyTime session_start)
    : config_(config), opener_(std::move(opener)), pipeline_(samples, events, session_start),
      session_start_(session_start), tick_timer_(io_), stop_timer_(io_),
      reconnect_(std::chrono::milliseconds(50),
                 std::chrono::duration_cast<SteadyClock::duration>(
                     std::chrono::duration<double>(config.reconnect_max_backoff_s))) {
    pipeline_.calibrator().set_probe_area_cm2(config_.probe_area_cm2);
    port_description_ = opener_->describe();
    status_.port_description = port_description_;
}

AcquisitionLoop::~AcquisitionLoop() {
    stop();
}

bool AcquisitionLoop::start(std::string* error) {
    std::future<std::string> first = first_open_.get_future();
    thread_ = std::thread([this] { run(); });
    const std::string message = first.get();
    if (message.empty()) return true;
    if (thread_.joinable()) thread_.join();
    if (error) *error = message;
    return false;
}

void AcquisitionLoop::stop() {
    if (!thread_.joinable()) return;
    post([this] { begin_stop(); });
    thread_.join();
}

void AcquisitionLoop::post(std::function<void()> fn) {
    asio::post(io_, std::move(fn));
}

AcquisitionStatus AcquisitionLoop::status() const {
    std::lock_guard lock(status_mutex_);
    return status_;
}

void AcquisitionLoop::run() {
    // Named so `top -H`, debuggers and the benchmark can tell the I/O thread apart.
    pthread_setname_np(pthread_self(), "algoscope-io");
    rate_window_start_ = SteadyClock::now();
    last_capture_flush_ = rate_window_start_;
    open_capture();
    if (!first_open_done_) connect();
    if (!first_open_ok_) return; // the caller already has the reason
    schedule_tick();
    io_.run();
}

void AcquisitionLoop::open_capture() {
    if (config_.capture_path.empty()) return;
    std::map<std::string, std::string> meta{
        {"format", "1"},
        {"created_utc", utc_now_iso8601()},
        {"port", config_.port},
        {"baud", std::to_string(config_.baud)},
        {"flow_control", to_string(config_.flow_control)},
        {"driver", config_.driver},
        {"probe_area_cm2", std::to_string(config_.probe_area_cm2)},
        {"transport", port_description_},
    };
    std::string error;
    if (!capture_.open(config_.capture_path, meta, session_start_, &error)) {
        first_open_done_ = true;
        first_open_.set_value(error);
    }
}

void AcquisitionLoop::connect() {
    const SteadyTime now = SteadyClock::now();
    const bool first = !first_open_done_;
    set_link(first ? Link::Connecting : Link::Reconnecting);
    OpenedTransport opened = opener_->open(io_);
    if (!opened.transport) {
        if (first) {
            first_open_done_ = true;
            first_open_.set_value(opened.error.empty() ? "cannot open the port" : opened.error);
            return;
        }
        if (opened.permanent) {
            end_session(opened.error, true);
            return;
        }
        reconnect_.attempt_failed(now);
        return;
    }
    std::string driver_error;
    std::unique_ptr<Driver> driver;
    if (config_.driver_factory) {
        driver = config_.driver_factory();
        if (!driver) driver_error = "the driver factory gave no driver";
    } else {
        DriverOptions options = config_.driver_options;
        options.baud = config_.baud;
        driver = make_driver(config_.driver, options, &driver_error);
    }
    if (!driver) {
        opened.transport->close();
        if (first) {
            first_open_done_ = true;
            first_open_.set_value(driver_error);
        } else {
            end_session(driver_error, true);
        }
        return;
    }

    transport_ = std::move(opened.transport);
    driver_ = std::move(driver);
    serial_known_ = false;
    device_serial_.clear();
    ++connection_;
    connected_reported_ = false;
    port_description_ = transport_->describe();
    if (!first) {
        ++reconnects_;
        pipeline_.mark_gap();
        char text[96];
        std::snprintf(text, sizeof text, "port is back after %.2f s; re-handshaking",
                      seconds_between(reconnect_.lost_at(), now));
        publish_event(LinkEvent::Kind::Info, text);
    }
    reconnect_.connected();
    set_link(Link::Connecting);
    capture_.append_text(CaptureRecordKind::LinkOpened, now, port_description_);

    // The driver opens the conversation first; reads start after, so no byte reaches a
    // driver that has not started.
    driver_->start(now, *this);
    const std::uint64_t connection = connection_;
    transport_->start([this](const ByteChunk& chunk) { on_chunk(chunk); },
                      [this, connection](TransportError error, const std::string& message) {
                          on_transport_error(connection, error, message);
                      });
    if (first) {
        first_open_done_ = true;
        first_open_ok_ = true;
        first_open_.set_value({});
    }
}

void AcquisitionLoop::on_chunk(const ByteChunk& chunk) {
    bytes_received_ += chunk.bytes.size();
    capture_.append(CaptureRecordKind::DeviceToHost, chunk.arrival, chunk.bytes);
    if (driver_) driver_->on_bytes(chunk, *this);
}

void AcquisitionLoop::on_transport_error(std::uint64_t connection, TransportError error,
                                         const std::string& message) {
    if (connection != connection_ || !transport_) return;
    if (error == TransportError::EndOfReplay) {
        end_session(message, false);
        return;
    }
    link_lost(message);
}

void AcquisitionLoop::link_lost(const std::string& reason) {
    if (!transport_ || stopping_ || ended_) return;
    const SteadyTime now = SteadyClock::now();
    capture_.append_text(CaptureRecordKind::LinkLost, now, reason);
    // The rate reached before the loss prices the gap for devices without a sample index. A
    // polled gauge measures only when asked: nobody asked while the link was down, and the
    // polls it left unanswered before are its driver's count, so its gap costs nothing.
    const auto identity = driver_ ? driver_->identity() : std::nullopt;
    double rate_hz = driver_ ? driver_->stats().achieved_rate_hz : 0.0;
    if (rate_hz <= 0.0 && identity) rate_hz = identity->nominal_rate_hz;
    if (identity && identity->polled) rate_hz = 0.0;
    loss_across_reconnects_.link_lost(rate_hz);
    retire_connection();
    ++disconnects_;
    pipeline_.mark_gap();
    publish_event(LinkEvent::Kind::Disconnected, reason);
    if (config_.reconnect && opener_->can_reconnect()) {
        reconnect_.link_lost(now);
        set_link(Link::Reconnecting);
    } else {
        set_link(Link::Disconnected);
    }
}

// Close the port and drop the driver. Their destruction is deferred to a fresh handler
// because this may run inside one of their own callbacks.
void AcquisitionLoop::retire_connection() {
    if (driver_) add_stats(retired_driver_totals_, driver_->stats());
    std::shared_ptr<Transport> transport(std::move(transport_));
    std::shared_ptr<Driver> driver(std::move(driver_));
    if (transport) transport->close();
    asio::post(io_, [transport, driver] {});
    ++connection_;
}

void AcquisitionLoop::end_session(const std::string& reason, bool as_error) {
    if (ended_) return;
    if (as_error) {
        last_error_ = reason;
        publish_event(LinkEvent::Kind::Error, reason);
    } else {
        publish_event(LinkEvent::Kind::Info, reason);
    }
    say_goodbye();
    retire_connection();
    reconnect_.connected();
    capture_.close();
    end_reason_ = reason;
    ended_by_error_ = as_error;
    ended_ = true;
    set_link(Link::Ended);
    refresh_status();
}

void AcquisitionLoop::begin_stop() {
    if (stopping_) return;
    stopping_ = true;
    if (driver_ && transport_ && !ended_) {
        // Let the device be left as found (streaming stopped), then close.
        say_goodbye();
        stop_timer_.expires_after(kGoodbyeDrain);
        stop_timer_.async_wait([this](const boost::system::error_code&) { finish_stop(); });
        return;
    }
    finish_stop();
}

void AcquisitionLoop::say_goodbye() {
    if (driver_) driver_->stop(*this);
    goodbye_sent_ = true;
}

void AcquisitionLoop::finish_stop() {
    if (!ended_) {
        retire_connection();
        capture_.close();
        end_reason_ = "stopped";
        ended_ = true;
        set_link(Link::Ended);
    }
    refresh_status();
    tick_timer_.cancel();
    io_.stop();
}

void AcquisitionLoop::schedule_tick() {
    tick_timer_.expires_after(kTickPeriod);
    tick_timer_.async_wait([this](const boost::system::error_code& ec) {
        if (ec || stopping_) return;
        tick();
        schedule_tick();
    });
}

void AcquisitionLoop::tick() {
    const SteadyTime now = SteadyClock::now();
    if (driver_) driver_->on_tick(now, *this);
    if (!connected_reported_ && driver_ && driver_->identity())
        note_connected(driver_->identity()->model);
    if (!ended_ && reconnect_.attempt_due(now)) connect();

    if (now - rate_window_start_ >= kRateWindow) {
        const std::uint64_t delivered = pipeline_.delivered();
        sample_rate_hz_ = static_cast<double>(delivered - rate_window_delivered_) /
                          seconds_between(rate_window_start_, now);
        rate_window_delivered_ = delivered;
        rate_window_start_ = now;
    }
    if (now - last_capture_flush_ >= kCaptureFlushPeriod) {
        capture_.flush();
        last_capture_flush_ = now;
    }
    if (pipeline_.sample_drops() > drops_warned_ &&
        now - last_drop_warning_ >= kDropWarningPeriod) {
        publish_event(
            LinkEvent::Kind::Warning,
            "consumer too slow: " + std::to_string(pipeline_.sample_drops() - drops_warned_) +
                " samples dropped (ring full)");
        drops_warned_ = pipeline_.sample_drops();
        last_drop_warning_ = now;
    }
    refresh_status();
}

void AcquisitionLoop::note_connected(const std::string& description) {
    if (connected_reported_) return;
    connected_reported_ = true;
    // Before the new device's first sample: its calibration, never the previous device's.
    const auto identity = driver_ ? driver_->identity() : std::nullopt;
    pipeline_.calibrator().set_device_serial(identity ? identity->serial_number : std::string());
    set_link(Link::Connected);
    LinkEvent event;
    event.kind = LinkEvent::Kind::Connected;
    event.t = SteadyClock::now();
    event.message =
        description.empty() ? std::string(driver_ ? driver_->name() : "device") : description;
    pipeline_.publish(event);
}

void AcquisitionLoop::publish_event(LinkEvent::Kind kind, const std::string& message) {
    LinkEvent event;
    event.kind = kind;
    event.t = SteadyClock::now();
    event.message = message;
    if (kind == LinkEvent::Kind::Error) last_error_ = message;
    pipeline_.publish(event);
}

void AcquisitionLoop::set_link(Link link) {
    if (link_ == link) return;
    link_ = link;
    refresh_status();
}

void AcquisitionLoop::refresh_status() {
    AcquisitionStatus s;
    s.link = link_;
    s.port_description = port_description_;
    if (driver_) {
        s.identity = driver_->identity();
        s.driver = driver_->stats();
    }
    add_stats(s.driver, retired_driver_totals_);
    s.driver.samples_lost += loss_across_reconnects_.exact();
    s.driver.samples_lost_estimated += loss_across_reconnects_.estimated();
    s.samples_delivered = pipeline_.delivered();
    s.ring_drops = pipeline_.sample_drops();
    s.event_drops = pipeline_.event_drops();
    s.bytes_received = bytes_received_;
    s.bytes_sent = bytes_sent_;
    s.disconnects = disconnects_;
    s.reconnects = reconnects_;
    s.sample_rate_hz = sample_rate_hz_;
    s.tare_offset_n = pipeline_.calibrator().tare_offset_n();
    s.calibration_id = pipeline_.calibrator().calibration_id();
    s.last_error = last_error_;
    s.end_reason = end_reason_;
    s.ended_by_error = ended_by_error_;
    if (capture_.failed() && s.last_error.empty())
        s.last_error = "writing the raw capture failed: the capture is incomplete";
    std::lock_guard lock(status_mutex_);
    status_ = std::move(s);
}

} // namespace algocore
