#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "algocore/FileMode.h"
#include "algocore/acquisition/RawCapture.h"

namespace algocore {
namespace {

constexpr std::size_t kWriteBufferBytes = 256 * 1024;

void put_le(std::uint8_t* out, std::uint64_t value, std::size_t width) {
    for (std::size_t i = 0; i < width; ++i)
        out[i] = static_cast<std::uint8_t>(value >> (8 * i));
}

} // namespace

RawCaptureWriter::~RawCaptureWriter() {
    close();
}

bool RawCaptureWriter::open(const std::string& path,
                            const std::map<std::string, std::string>& metadata,
                            SteadyTime session_start, std::string* error) {
    close();
    // A capture holds a session's measurements: owner-only, like the database.
    const int fd = open_file_with_mode(path, kOwnerOnlyFileMode);
    file_ = fd >= 0 ? ::fdopen(fd, "wb") : nullptr;
    if (!file_) {
        if (error) *error = "cannot create capture file " + path + ": " + std::strerror(errno);
        if (fd >= 0) ::close(fd);
        return false;
    }
    buffer_ = std::make_unique<char[]>(kWriteBufferBytes);
    std::setvbuf(file_, buffer_.get(), _IOFBF, kWriteBufferBytes);
    session_start_ = session_start;
    failed_ = false;
    bytes_written_ = 0;
    last_t_ns_ = 0;

    std::string meta;
    for (const auto& [key, value] : metadata)
        meta += key + "=" + value + "\n";
    std::uint8_t header[12] = {'A', 'L', 'G', 'O', 'C', 'A', 'P', '1'};
    put_le(header + 8, meta.size(), 4);
    if (std::fwrite(header, 1, sizeof header, file_) != sizeof header ||
        std::fwrite(meta.data(), 1, meta.size(), file_) != meta.size()) {
        if (error) *error = "cannot write capture file " + path + ": " + std::strerror(errno);
        close();
        return false;
    }
    bytes_written_ = sizeof header + meta.size();
    return true;
}

void RawCaptureWriter::append(CaptureRecordKind kind, SteadyTime t,
                              std::span<const std::uint8_t> payload) {
    if (!file_ || failed_) return;
    if (payload.size() > kMaxCaptureRecordBytes) payload = payload.first(kMaxCaptureRecordBytes);
    // Records are kept in time order (the reader refuses a capture that goes back): a stamp
    // taken on another thread a moment before a record already written is clamped forward.
    const auto since_start = t - session_start_;
    std::uint64_t t_ns =
        since_start.count() < 0
            ? 0
            : static_cast<std::uint64_t>(
                  std::chrono::duration_cast<std::chrono::nanoseconds>(since_start).count());
    if (t_ns < last_t_ns_) t_ns = last_t_ns_;
    last_t_ns_ = t_ns;
    std::uint8_t header[13];
    header[0] = static_cast<std::uint8_t>(kind);
    put_le(header + 1, t_ns, 8);
    put_le(header + 9, payload.size(), 4);
    if (std::fwrite(header, 1, sizeof header, file_) != sizeof header ||
        std::fwrite(payload.data(), 1, payload.size(), file_) != payload.size()) {
        failed_ = true;
        return;
    }
    bytes_written_ += sizeof header + payload.size();
}

void RawCaptureWriter::append_text(CaptureRecordKind kind, SteadyTime t, const std::string& text) {
    append(kind, t, {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()});
}

void RawCaptureWriter::flush() {
    if (file_ && std::fflush(file_) != 0) failed_ = true;
}

void RawCaptureWriter::close() {
    if (!file_) return;
    if (std::fclose(file_) != 0) failed_ = true;
    file_ = nullptr;
    buffer_.reset();
}

} // namespace algocore
