#pragma once
// The I/O thread of an Acquisition (internal). Owns the io_context, the transport, the
// driver, the raw capture and the reconnect schedule; everything here runs on that thread
// except start(), request_stop(), post() and status(), which are thread-safe.
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "algocore/acquisition/Acquisition.h"
#include "algocore/acquisition/LossAcrossReconnect.h"
#include "algocore/acquisition/RawCapture.h"
#include "algocore/acquisition/ReconnectSchedule.h"
#include "algocore/acquisition/SamplePipeline.h"

namespace algocore {

class AcquisitionLoop : public DriverLink {
public:
    AcquisitionLoop(const AcquisitionConfig& config, std::shared_ptr<TransportOpener> opener,
                    SpscRing<Sample>& samples, SpscRing<LinkEvent>& events,
                    SteadyTime session_start);
    ~AcquisitionLoop() override;

    /// Spawn the thread and wait for the first open. False + message when it failed.
    bool start(std::string* error);
    /// Leave the device as found, close everything, end the thread; joins. Idempotent.
    void stop();
    /// Run `fn` on the I/O thread.
    void post(std::function<void()> fn);
    AcquisitionStatus status() const;

    // I/O-thread commands (posted by Acquisition).
    void take_tare();
    void clear_tare();
    void request_cue(std::uint16_t cue_id, std::uint16_t duration_ms);
    void set_probe_area_cm2(double area_cm2);
    void set_calibration(std::shared_ptr<const algocal::CalibrationRecord> record);

    // DriverLink, called by the driver on the I/O thread.
    void send(std::span<const std::uint8_t> bytes) override;
    void discard_input() override;
    void emit(const RawSample& sample) override;
    void report(const LinkEvent& event) override;

private:
    using Link = AcquisitionStatus::Link;

    void run();
    void connect();
    void on_chunk(const ByteChunk& chunk);
    void on_transport_error(std::uint64_t connection, TransportError error,
                            const std::string& message);
    void link_lost(const std::string& reason);
    void end_session(const std::string& reason, bool as_error);
    void begin_stop();
    void say_goodbye();
    void finish_stop();
    void retire_connection();
    void schedule_tick();
    void tick();
    void note_connected(const std::string& description);
    void publish_event(LinkEvent::Kind kind, const std::string& message);
    void set_link(Link link);
    void refresh_status();
    void open_capture();

    AcquisitionConfig config_;
    std::shared_ptr<TransportOpener> opener_;
    SamplePipeline pipeline_;
    SteadyTime session_start_;

    boost::asio::io_context io_;
    boost::asio::steady_timer tick_timer_;
    boost::asio::steady_timer stop_timer_;
    std::thread thread_;
    std::promise<std::string> first_open_;
    bool first_open_done_ = false;
    bool first_open_ok_ = false;

    // The live connection (I/O thread only).
    std::unique_ptr<Transport> transport_;
    std::unique_ptr<Driver> driver_;
    std::uint64_t connection_ = 0; // bumped per open, so late errors of old ones are ignored
    bool connected_reported_ = false;
    bool stopping_ = false;
    // The driver said goodbye (stop()): nothing more is sent to the device, whatever the
    // driver would answer to bytes still arriving (a DEVICE_INFO, a quiet gauge).
    bool goodbye_sent_ = false;
    bool ended_ = false;
    Link link_ = Link::Idle;
    ReconnectSchedule reconnect_;
    RawCaptureWriter capture_;

    // Counters and rate bookkeeping (I/O thread only; copied into status_ on every tick).
    DriverStats retired_driver_totals_;
    LossAcrossReconnect loss_across_reconnects_;
    std::string device_serial_; // of the current connection's device, once it said
    bool serial_known_ = false;
    std::uint64_t bytes_received_ = 0;
    std::uint64_t bytes_sent_ = 0;
    std::uint32_t disconnects_ = 0;
    std::uint32_t reconnects_ = 0;
    std::string last_error_;
    std::string end_reason_;
    bool ended_by_error_ = false;
    std::string port_description_;
    SteadyTime rate_window_start_{};
    std::uint64_t rate_window_delivered_ = 0;
    double sample_rate_hz_ = 0.0;
    SteadyTime last_capture_flush_{};
    SteadyTime last_drop_warning_{};
    std::uint64_t drops_warned_ = 0;

    mutable std::mutex status_mutex_;
    AcquisitionStatus status_;
};

} // namespace algocore
