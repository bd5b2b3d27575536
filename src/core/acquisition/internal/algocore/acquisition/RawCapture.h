#pragma once
// Raw capture files (".algocap"): every wire byte of a session with its arrival time, in both
// directions, so a bug report carries the exact wire trace and ReplayTransport can play it
// back through the same driver → calibrator → ring path as live data.
//
// Layout (all integers little-endian):
//   magic    8 bytes  "ALGOCAP1"
//   meta_len u32      length of the metadata text that follows
//   meta     meta_len bytes of UTF-8 "key=value\n" lines (port, baud, driver, created_utc, ...)
//   records  until end of file, each:
//     kind   u8       0 = device→host bytes, 1 = host→device bytes,
//                     2 = link opened (payload: description), 3 = link lost (payload: reason)
//     t_ns   u64      nanoseconds since the session start (host steady clock, as stamped)
//     len    u32      payload length (at most kMaxRecordBytes)
//     payload len bytes
// A file cut short (crash, kill -9) or damaged after its header is read up to its last good
// record; the reader says why it stopped in `damage` (and `truncated` when the file simply
// ended inside a record) instead of failing, so the good part can still be replayed. A record
// stamped more than kMaxCaptureSpanNs after the start (a flipped high bit, not a real
// session) is damage too: played at its time, it would never come. The file is read record
// by record and refused beyond kMaxCaptureBytes, so a wrong file (/dev/zero) costs nothing.
#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "algocore/SteadyTime.h"

namespace algocore {

/// What one capture record holds.
enum class CaptureRecordKind : std::uint8_t {
    DeviceToHost = 0,
    HostToDevice = 1,
    LinkOpened = 2,
    LinkLost = 3,
};

/// Largest payload a record may carry; a larger length means a corrupt file.
inline constexpr std::uint32_t kMaxCaptureRecordBytes = 1u << 20;
/// Latest time a record may carry, since the start: 7 days, longer than any session.
inline constexpr std::uint64_t kMaxCaptureSpanNs = 7ull * 24 * 3600 * 1'000'000'000;
/// Largest capture read (a 2 kHz native session writes ~10 MB an hour).
inline constexpr std::uint64_t kMaxCaptureBytes = 1ull << 30;

/// One record of a capture.
struct CaptureRecord {
    CaptureRecordKind kind = CaptureRecordKind::DeviceToHost;
    std::uint64_t t_ns = 0; ///< since session start
    std::vector<std::uint8_t> payload;
};

/// A whole capture, read into memory.
struct RawCaptureContents {
    std::map<std::string, std::string> metadata;
    std::vector<CaptureRecord> records;
    bool truncated = false; ///< the file ended inside a record (the partial one is dropped)
    /// Why reading stopped before the end of the file (cut short, a damaged record, too
    /// large); empty when the whole file was read. The records before it are kept.
    std::string damage;
};

/// Result of reading a capture: contents, or a message naming the file and the problem.
struct RawCaptureReadResult {
    RawCaptureContents contents;
    std::string error;
    bool ok() const { return error.empty(); }
};

/// Read a capture file, record by record. Refuses a file that is not a capture, has a corrupt
/// header or has no readable record (with why); damage later in the file is reported in
/// contents.damage with the records before it kept.
RawCaptureReadResult read_raw_capture(const std::string& path);

/// Parse capture bytes already in memory; `source_name` prefixes error messages.
RawCaptureReadResult parse_raw_capture(std::span<const std::uint8_t> bytes,
                                       const std::string& source_name);

/// Appends records to a capture file. Used on the I/O thread only; writes go through a
/// large stdio buffer and are flushed by flush() (the loop calls it about once a second) and
/// on close, so disk latency rarely reaches the I/O path.
class RawCaptureWriter {
public:
    RawCaptureWriter() = default;
    ~RawCaptureWriter();
    RawCaptureWriter(const RawCaptureWriter&) = delete;
    RawCaptureWriter& operator=(const RawCaptureWriter&) = delete;

    /// Create (truncate) `path` readable by its owner only (0600), write the header. False +
    /// *error when it cannot be created.
    bool open(const std::string& path, const std::map<std::string, std::string>& metadata,
              SteadyTime session_start, std::string* error);
    bool is_open() const { return file_ != nullptr; }

    /// Append one record stamped `t` (host steady time). A record after a write failure is
    /// dropped; failed() then stays true.
    void append(CaptureRecordKind kind, SteadyTime t, std::span<const std::uint8_t> payload);
    void append_text(CaptureRecordKind kind, SteadyTime t, const std::string& text);

    void flush();
    void close();
    /// A write failed (disk full, file removed): the capture is incomplete.
    bool failed() const { return failed_; }
    std::uint64_t bytes_written() const { return bytes_written_; }

private:
    std::FILE* file_ = nullptr;
    std::unique_ptr<char[]> buffer_;
    SteadyTime session_start_{};
    bool failed_ = false;
    std::uint64_t bytes_written_ = 0;
    std::uint64_t last_t_ns_ = 0;
};

} // namespace algocore
