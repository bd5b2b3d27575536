#include <fstream>
#include <iterator>

#include "algocore/acquisition/RawCapture.h"

namespace algocore {
namespace {

constexpr char kMagic[8] = {'A', 'L', 'G', 'O', 'C', 'A', 'P', '1'};
constexpr std::size_t kRecordHeaderBytes = 1 + 8 + 4;
constexpr std::uint32_t kMaxMetadataBytes = 1u << 16;

std::uint64_t read_le(std::span<const std::uint8_t> bytes, std::size_t at, std::size_t width) {
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < width; ++i)
        value |= std::uint64_t{bytes[at + i]} << (8 * i);
    return value;
}

// "key=value" lines; a line without '=' is ignored (forward compatible with comments).
std::map<std::string, std::string> parse_metadata(std::string_view text) {
    std::map<std::string, std::string> out;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        const std::size_t eq = line.find('=');
        if (eq != std::string_view::npos)
            out.emplace(std::string(line.substr(0, eq)), std::string(line.substr(eq + 1)));
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return out;
}

} // namespace

RawCaptureReadResult parse_raw_capture(std::span<const std::uint8_t> bytes,
                                       const std::string& source_name) {
    RawCaptureReadResult result;
    // Check the magic so a wrong file is named as such, not as "corrupt".
    if (bytes.size() < sizeof kMagic + 4 ||
        !std::equal(std::begin(kMagic), std::end(kMagic), bytes.begin())) {
        result.error = source_name + ": not an Algoscope raw capture (missing ALGOCAP1 header)";
        return result;
    }
    const auto meta_len = static_cast<std::uint32_t>(read_le(bytes, 8, 4));
    if (meta_len > kMaxMetadataBytes || 12 + std::size_t{meta_len} > bytes.size()) {
        result.error = source_name + ": corrupt capture header (metadata length " +
                       std::to_string(meta_len) + ")";
        return result;
    }
    result.contents.metadata = parse_metadata(
        std::string_view(reinterpret_cast<const char*>(bytes.data()) + 12, meta_len));

    std::size_t at = 12 + meta_len;
    std::uint64_t previous_t_ns = 0;
    while (at < bytes.size()) {
        if (bytes.size() - at < kRecordHeaderBytes) {
            result.contents.truncated = true;
            break;
        }
        const auto kind = bytes[at];
        const std::uint64_t t_ns = read_le(bytes, at + 1, 8);
        const auto len = static_cast<std::uint32_t>(read_le(bytes, at + 9, 4));
        const std::string where = source_name + ": record at byte " + std::to_string(at);
        if (kind > static_cast<std::uint8_t>(CaptureRecordKind::LinkLost)) {
            result.error = where + " has unknown kind " + std::to_string(kind);
            return result;
        }
        if (len > kMaxCaptureRecordBytes) {
            result.error = where + " claims " + std::to_string(len) + " bytes (corrupt)";
            return result;
        }
        // Time only moves forward in a capture; going back means corruption.
        if (t_ns < previous_t_ns) {
            result.error = where + " goes back in time";
            return result;
        }
        if (bytes.size() - at - kRecordHeaderBytes < len) {
            result.contents.truncated = true;
            break;
        }
        CaptureRecord record;
        record.kind = static_cast<CaptureRecordKind>(kind);
        record.t_ns = t_ns;
        const auto first = bytes.begin() + static_cast<std::ptrdiff_t>(at + kRecordHeaderBytes);
        record.payload.assign(first, first + len);
        result.contents.records.push_back(std::move(record));
        previous_t_ns = t_ns;
        at += kRecordHeaderBytes + len;
    }
    return result;
}

RawCaptureReadResult read_raw_capture(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        RawCaptureReadResult result;
        result.error = path + ": cannot open capture file";
        return result;
    }
    const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                          std::istreambuf_iterator<char>());
    if (in.bad()) {
        RawCaptureReadResult result;
        result.error = path + ": read error";
        return result;
    }
    return parse_raw_capture(bytes, path);
}

} // namespace algocore
