#pragma once
// Tells a wrong baud rate apart from a silent device and from a device that sends something
// else: bytes keep arriving but none of them forms a valid reading. Shared by every driver.
// At a wrong baud rate text arrives as bytes that are not text (high bytes, control codes)
// or as runs with no line end; whole lines of printable text mean the baud rate is right and
// the device sends something the driver does not read, so that is what the message says.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "algocore/SteadyTime.h"

namespace algocore {

/// Watches for "bytes but nothing valid" and produces the message once per episode.
class BaudDiagnosis {
public:
    /// How long bytes may arrive without one valid reading before we say why.
    static constexpr double kNoValidDataLimitS = 1.5;

    explicit BaudDiagnosis(unsigned baud) : baud_(baud) {}

    void reset() {
        invalid_since_.reset();
        reported_ = false;
        clear_evidence();
    }
    /// Bytes of a binary protocol arrived at `t` (valid or not): any of them may be garbled.
    void on_bytes(SteadyTime t) {
        if (!invalid_since_) invalid_since_ = t;
        garbled_ = true;
    }
    /// Bytes of a text dialect arrived at `t`: those that are neither printable ASCII nor
    /// line ends and tabs are what a wrong baud rate makes of text.
    void on_text_bytes(SteadyTime t, std::span<const std::uint8_t> bytes) {
        if (!invalid_since_) invalid_since_ = t;
        for (std::uint8_t b : bytes)
            if ((b < 0x20 && b != '\r' && b != '\n' && b != '\t') || b > 0x7E) garbled_ = true;
    }
    /// A run of text longer than any line, with no line end: garbled too.
    void on_overlong_line() { garbled_ = true; }
    /// A whole line arrived that is not a reading, `why` ("no number"): kept to be named.
    /// `shown_line` is the line as messages show it (quoted, escaped, shortened).
    void on_refused_line(std::string_view shown_line, std::string_view why) {
        refused_line_.assign(shown_line);
        refusal_.assign(why);
    }
    /// Something parsed: the baud rate is right.
    void on_valid() {
        invalid_since_.reset();
        reported_ = false;
        clear_evidence();
    }
    /// The message to report now, once per episode; empty otherwise (also when only part of
    /// a line has come yet: a slow device, not a wrong baud rate).
    std::optional<std::string> check(SteadyTime now) {
        if (reported_ || !invalid_since_) return std::nullopt;
        if (seconds_between(*invalid_since_, now) < kNoValidDataLimitS) return std::nullopt;
        if (garbled_) {
            reported_ = true;
            return "no valid data at " + std::to_string(baud_) +
                   " baud \u2014 check the gauge's baud setting";
        }
        if (!refused_line_.empty()) {
            reported_ = true;
            return "lines of text arrive at " + std::to_string(baud_) +
                   " baud (the baud rate is right) but none is a reading, the last: " +
                   refused_line_ + " (" + refusal_ +
                   ") \u2014 check what the device is set to send, or choose its driver";
        }
        return std::nullopt;
    }

private:
    void clear_evidence() {
        garbled_ = false;
        refused_line_.clear();
        refusal_.clear();
    }

    unsigned baud_;
    std::optional<SteadyTime> invalid_since_;
    bool reported_ = false;
    bool garbled_ = false;
    std::string refused_line_; ///< as messages show it
    std::string refusal_;
};

} // namespace algocore
