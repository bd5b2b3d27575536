#pragma once
// Identifies what is on a port within 2 s, without sending anything that changes a gauge's
// settings: first it only listens (native frames? lines streamed unprompted?), then it sends
// read-only requests one at a time (native GET_INFO, "?", "D", "BA") and classifies the
// answers by their shape. Then it hands the port over to the right driver.
#include <memory>
#include <string>

#include "algocore/Driver.h"
#include "algocore/drivers/DriverFactory.h"
#include "algocore/drivers/LineSplitter.h"
#include "algoproto/StreamDecoder.h"

namespace algocore {

/// A driver that finds out which driver to be.
class AutoDetectDriver final : public Driver, private algoproto::FrameHandler {
public:
    /// Listening only, before any request is sent.
    static constexpr double kListenS = 0.4;
    /// Wait for each read-only probe's answer.
    static constexpr double kProbeWaitS = 0.3;
    /// Lines of the same shape needed to recognise a streaming device while listening.
    static constexpr int kLinesToRecognise = 2;
    /// After nothing was found, try again this much later (the device may be switched on).
    static constexpr double kRetryAfterS = 3.0;

    explicit AutoDetectDriver(const DriverOptions& options);

    /// "auto" while detecting, then the name of the driver it handed over to.
    std::string_view name() const override;
    void start(SteadyTime now, DriverLink& link) override;
    void on_bytes(const ByteChunk& chunk, DriverLink& link) override;
    void on_tick(SteadyTime now, DriverLink& link) override;
    void stop(DriverLink& link) override;
    /// Handed to the driver it found (a native device gives cues); false while detecting.
    bool request_cue(std::uint16_t cue_id, std::uint16_t duration_ms, DriverLink& link) override;
    std::optional<DeviceIdentity> identity() const override;
    DriverStats stats() const override;

    /// The driver found, once detection finished (nullptr before).
    const Driver* detected() const { return inner_.get(); }

private:
    enum class Step : unsigned char {
        Listen,
        ProbeNative,
        ProbeQuestion,
        ProbeImada,
        ProbeShimpo,
        NothingFound,
        HandedOver
    };
    void on_frame(const algoproto::Frame& frame) override;
    void on_error(algoproto::DecodeError error, std::uint8_t detail) override;
    void classify_line(std::string_view line);
    void next_step(SteadyTime now, DriverLink& link);
    void found(const std::string& driver, const std::string& why, DriverOptions options);
    void hand_over(SteadyTime now, DriverLink& link);

    DriverOptions options_;
    Step step_ = Step::Listen;
    SteadyTime step_since_{};
    SteadyTime started_at_{};
    algoproto::StreamDecoder decoder_;
    LineSplitter lines_;
    std::uint64_t bytes_seen_ = 0;
    std::uint64_t lines_seen_ = 0;
    int wagner_lines_ = 0, shimpo_lines_ = 0, mark10_lines_ = 0, imada_lines_ = 0, ascii_lines_ = 0;
    bool failure_reported_ = false;
    bool stopped_ = false; // stop() came before a device was found: probe no more

    // Decided but not yet started (started from the I/O call that decided it).
    std::string found_driver_;
    std::string found_why_;
    DriverOptions found_options_;
    std::unique_ptr<Driver> inner_;
    DriverStats stats_;
};

} // namespace algocore
