#pragma once
// The conversation every ASCII force gauge shares: one poll in flight (or a continuous
// stream that is re-armed when it stops), line assembly, reply timeouts, "stopped answering",
// wrong-baud diagnosis, overload and error reporting, achieved-rate measurement. Each dialect
// only says which commands to send and how to read a line.
#include <optional>
#include <string>
#include <string_view>

#include "algocore/Driver.h"
#include "algocore/drivers/BaudDiagnosis.h"
#include "algocore/drivers/ErrorThrottle.h"
#include "algocore/drivers/GaugeReply.h"
#include "algocore/drivers/LineSplitter.h"
#include "algocore/drivers/RateMeter.h"

namespace algocore {

/// What a dialect tells the shared conversation.
struct AsciiGaugeConfig {
    std::string name;  ///< driver name ("mark10")
    std::string model; ///< for messages and identity ("Mark-10 gauge")
    unsigned baud = 9600;
    /// Polled mode when non-empty: sent for each reading, one in flight.
    std::string poll_command;
    /// Streaming mode: sent at start and to re-arm (may be empty: just listen).
    std::string stream_start;
    std::string stream_stop; ///< sent by stop() in streaming mode
    bool rearm_when_silent = false;
    double nominal_stream_rate_hz = 0;    ///< streaming: the rate asked for (0: unknown)
    double max_poll_rate_hz = 50;         ///< polled: the fastest the gauge itself answers
    std::size_t typical_reply_bytes = 12; ///< with terminator; sets the wire-limited rate
    LineEnding line_ending = LineEnding::Any;
};

/// Base of the Mark-10, Wagner, Imada, Shimpo and generic ASCII drivers.
class AsciiGaugeDriver : public Driver {
public:
    /// A poll not answered within this long was missed: counted, and polled again.
    static constexpr double kReplyTimeoutS = 0.5;
    /// No valid reply for this long after having had some: "device stopped answering".
    static constexpr double kStoppedAnsweringS = 2.5;
    /// A stream silent this long is re-armed (a power-cycled gauge forgets its mode).
    static constexpr double kRearmAfterSilenceS = 0.2;
    /// After an error reply, wait this long before polling again (no error storm).
    static constexpr double kPollDelayAfterErrorS = 0.1;
    /// Repeated errors of one kind are reported at most this often.
    static constexpr double kErrorReportIntervalS = 1.0;
    /// Warn when the polled rate stays below this fraction of what is possible...
    static constexpr double kLowRateFraction = 0.5;
    /// ...measured only after this long of valid replies.
    static constexpr double kRateWarmupS = 3.0;
    /// A gauge seen to need longer than kReplyTimeoutS to answer (a slow gauge) is given this
    /// many of its answer times before a poll counts as missed...
    static constexpr double kSlowReplyTimeouts = 2.0;
    /// ...and this many before it "stopped answering": its pace is not loss.
    static constexpr double kSlowStoppedAnswering = 3.0;

    std::string_view name() const override { return config_.name; }
    void start(SteadyTime now, DriverLink& link) override;
    void on_bytes(const ByteChunk& chunk, DriverLink& link) override;
    void on_tick(SteadyTime now, DriverLink& link) override;
    void stop(DriverLink& link) override;
    std::optional<DeviceIdentity> identity() const override { return identity_; }
    DriverStats stats() const override { return stats_; }

    /// Readings per second this gauge can reach: its own limit or the wire's, whichever is lower.
    double possible_rate_hz() const;
    bool polled() const { return !config_.poll_command.empty(); }
    /// Seconds the gauge took to answer the last poll it answered, counted from the first
    /// poll it left unanswered (0 before any answer).
    double answer_time_s() const { return answer_time_s_; }
    /// How long a poll may go unanswered before it counts as missed.
    double reply_timeout_s() const;
    /// How long without a valid reply before the gauge "stopped answering".
    double stopped_answering_after_s() const;

protected:
    explicit AsciiGaugeDriver(AsciiGaugeConfig config);
    /// Decode one line (terminator removed). Pure: no I/O, no time.
    virtual GaugeReply parse_line(std::string_view line) const = 0;
    /// The unit assumed when the gauge prints none (for the warning text).
    virtual std::string_view assumed_unit_name() const { return "N"; }

private:
    void handle_line(std::string_view line, SteadyTime t, DriverLink& link);
    void handle_reading(const GaugeReply& reply, SteadyTime t, DriverLink& link);
    void reply_received(SteadyTime t, SteadyTime next_poll_at, DriverLink& link);
    void send_poll(SteadyTime now, DriverLink& link);
    void arm_stream(SteadyTime now, DriverLink& link);
    void report_error(SteadyTime t, std::string_view category, const std::string& message,
                      DriverLink& link);
    void check_rate(SteadyTime now, DriverLink& link);
    void check_silence(SteadyTime now, DriverLink& link);
    void learn_answer_time(SteadyTime t, DriverLink& link);
    static void report(DriverLink& link, LinkEvent::Kind kind, SteadyTime t, std::string message);

    AsciiGaugeConfig config_;
    LineSplitter lines_;
    BaudDiagnosis baud_;
    RateMeter rate_;
    DriverStats stats_;
    std::optional<DeviceIdentity> identity_;

    SteadyTime started_at_{};
    SteadyTime last_valid_at_{};
    SteadyTime previous_reading_at_{};
    SteadyTime first_valid_at_{};
    SteadyTime last_line_at_{};
    SteadyTime last_arm_at_{};
    bool ever_valid_ = false;
    bool ever_bytes_ = false;
    bool answering_ = false;
    bool no_answer_reported_ = false;
    bool rearm_reported_ = false;
    bool gap_pending_ = false;

    bool stopped_ = false; // stop() was called: no polls, no re-arming
    bool poll_in_flight_ = false;
    SteadyTime poll_sent_at_{};
    SteadyTime wait_started_at_{}; // first poll not yet answered
    double answer_time_s_ = 0.0;
    int slow_answers_in_a_row_ = 0;
    bool slow_reported_ = false;
    std::optional<SteadyTime> next_poll_at_;

    bool unit_warning_given_ = false;
    bool overload_active_ = false;
    bool low_rate_warned_ = false;
    double last_force_n_ = 0.0;

    ErrorThrottle errors_{kErrorReportIntervalS};
};

} // namespace algocore
