#pragma once
// Cuts a byte stream into text lines for the ASCII gauge dialects. Lines may arrive split
// over any number of chunks; over-long runs without a terminator (line noise, a wrong baud
// rate, a binary device) are dropped and reported instead of growing without bound.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "algocore/drivers/DriverFactory.h"

namespace algocore {

/// Byte stream → lines, terminated by CR, LF or CRLF (see LineEnding).
class LineSplitter {
public:
    static constexpr std::size_t kDefaultMaxLineBytes = 96;

    explicit LineSplitter(LineEnding ending = LineEnding::Any,
                          std::size_t max_line_bytes = kDefaultMaxLineBytes)
        : ending_(ending), max_line_bytes_(max_line_bytes) {}

    /// Drop everything up to the next terminator: used when joining a stream mid-line, so
    /// the tail of a line ("8 lbF" of "-18.78 lbF") is not mistaken for a reading.
    void skip_to_next_line() {
        pending_.clear();
        skipping_ = true;
        overflowed_ = false;
    }

    /// Forget any partial line.
    void reset() {
        pending_.clear();
        skipping_ = false;
        overflowed_ = false;
    }

    /// Bytes of the unfinished line held back.
    std::size_t pending_bytes() const { return pending_.size(); }

    /// Feed bytes; on_line(std::string_view) for each complete non-empty line (terminator
    /// stripped), on_overflow() once for each run longer than the limit.
    template <typename OnLine, typename OnOverflow>
    void feed(std::span<const std::uint8_t> bytes, OnLine&& on_line, OnOverflow&& on_overflow) {
        for (std::uint8_t byte : bytes) {
            const char c = static_cast<char>(byte);
            if (is_terminator(c)) {
                if (!skipping_ && !overflowed_ && !pending_.empty())
                    on_line(std::string_view(pending_));
                pending_.clear();
                skipping_ = false;
                overflowed_ = false;
                continue;
            }
            if (is_ignored(c) || skipping_ || overflowed_) continue;
            if (pending_.size() >= max_line_bytes_) {
                overflowed_ = true;
                pending_.clear();
                on_overflow();
                continue;
            }
            pending_.push_back(c);
        }
    }

private:
    bool is_terminator(char c) const {
        switch (ending_) {
        case LineEnding::Any: return c == '\r' || c == '\n';
        case LineEnding::CR: return c == '\r';
        case LineEnding::LF:
        case LineEnding::CRLF: return c == '\n';
        }
        return false;
    }
    // The other half of a CRLF pair is noise, not part of the value.
    bool is_ignored(char c) const { return c == '\r' || c == '\n'; }

    LineEnding ending_;
    std::size_t max_line_bytes_;
    std::string pending_;
    bool skipping_ = false;
    bool overflowed_ = false;
};

} // namespace algocore
