#pragma once
// Byte-level emulators of force gauges, for driver unit tests and pty integration tests:
// feed them what the host sent, get back what the gauge would answer.
#include <string>
#include <string_view>

namespace algotest {

/// A force gauge's serial behaviour. Host commands are CR-terminated lines (LF ignored).
class GaugeEmulator {
public:
    virtual ~GaugeEmulator() = default;

    /// Bytes the host sent (any split); returns the gauge's immediate answer bytes.
    virtual std::string receive(std::string_view host_bytes);

    /// Unsolicited output (continuous modes) due between the previous call and t_s, seconds
    /// on the emulator's own clock (starts at 0).
    virtual std::string advance_to(double t_s) {
        (void)t_s;
        return {};
    }

    /// The force the gauge measures, newtons, compression positive.
    void set_force_n(double force_n) { force_n_ = force_n; }
    double force_n() const { return force_n_; }

    /// A gauge that stops answering swallows everything and streams nothing.
    void set_answering(bool answering) { answering_ = answering; }
    bool answering() const { return answering_; }

    /// Readings beyond this magnitude (N) are overloads.
    void set_capacity_n(double capacity_n) { capacity_n_ = capacity_n; }
    bool overloaded() const { return force_n_ > capacity_n_ || force_n_ < -capacity_n_; }

    /// Host commands received so far (without terminators), for assertions.
    const std::string& command_log() const { return command_log_; }
    int commands_received() const { return commands_received_; }

protected:
    /// One complete host command (terminator removed) → answer bytes.
    virtual std::string answer(std::string_view command) = 0;

private:
    std::string pending_;
    std::string command_log_;
    int commands_received_ = 0;
    double force_n_ = 0.0;
    double capacity_n_ = 500.0;
    bool answering_ = true;
};

} // namespace algotest
