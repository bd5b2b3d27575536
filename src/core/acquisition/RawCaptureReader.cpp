// Reading raw captures record by record from any byte source (a file, or bytes in memory),
// keeping the good records before any damage and saying where and why reading stopped.
#include <cstring>
#include <fstream>
#include <functional>
#include <iterator>

#include "algocore/acquisition/RawCapture.h"
#include "algoinput/QuotedInput.h"

namespace algocore {
namespace {

constexpr char kMagic[8] = {'A', 'L', 'G', 'O', 'C', 'A', 'P', '1'};
constexpr std::size_t kHeaderBytes = sizeof kMagic + 4;
constexpr std::size_t kRecordHeaderBytes = 1 + 8 + 4;
constexpr std::uint32_t kMaxMetadataBytes = 1u << 16;

// Reads up to n bytes into out; returns how many it read (fewer only at the end).
using ByteSource = std::function<std::size_t(std::uint8_t* out, std::size_t n)>;

std::uint64_t read_le(const std::uint8_t* bytes, std::size_t width) {
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < width; ++i)
        value |= std::uint64_t{bytes[i]} << (8 * i);
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

std::string seconds_text(std::uint64_t t_ns) {
    char text[48];
    std::snprintf(text, sizeof text, "%.3g s", static_cast<double>(t_ns) * 1e-9);
    return text;
}

// Why the record at `at` cannot be read (empty: it can). `previous_t_ns` is the time of the
// record before it.
std::string record_problem(std::uint8_t kind, std::uint64_t t_ns, std::uint32_t len,
                           std::uint64_t previous_t_ns) {
    if (kind > static_cast<std::uint8_t>(CaptureRecordKind::LinkLost))
        return "has unknown kind " + std::to_string(kind) + " (corrupt)";
    if (len > kMaxCaptureRecordBytes)
        return "claims " + std::to_string(len) + " bytes (more than 1 MiB: corrupt)";
    // Time only moves forward in a capture; going back means corruption.
    if (t_ns < previous_t_ns) return "goes back in time (corrupt)";
    if (t_ns > kMaxCaptureSpanNs)
        return "jumps to " + seconds_text(t_ns) +
               " after the start (more than 7 days: a corrupt time stamp)";
    return {};
}

RawCaptureReadResult parse(const ByteSource& read, const std::string& source_name) {
    RawCaptureReadResult result;
    const std::string name = algoinput::escape_input(source_name);
    // Check the magic so a wrong file is named as such, not as "corrupt".
    std::uint8_t header[kHeaderBytes];
    if (read(header, sizeof header) != sizeof header ||
        std::memcmp(header, kMagic, sizeof kMagic) != 0) {
        result.error = name + ": not an Algoscope raw capture (missing ALGOCAP1 header)";
        return result;
    }
    const auto meta_len = static_cast<std::uint32_t>(read_le(header + 8, 4));
    std::string meta(meta_len <= kMaxMetadataBytes ? meta_len : 0, '\0');
    if (meta_len > kMaxMetadataBytes ||
        read(reinterpret_cast<std::uint8_t*>(meta.data()), meta.size()) != meta.size()) {
        result.error =
            name + ": corrupt capture header (metadata length " + std::to_string(meta_len) + ")";
        return result;
    }
    result.contents.metadata = parse_metadata(meta);

    RawCaptureContents& contents = result.contents;
    std::uint64_t at = kHeaderBytes + meta_len;
    std::uint64_t previous_t_ns = 0;
    for (;;) {
        const std::string where = "record " + std::to_string(contents.records.size() + 1) +
                                  " (at byte " + std::to_string(at) + ")";
        std::uint8_t head[kRecordHeaderBytes];
        const std::size_t got = read(head, sizeof head);
        if (got == 0) break;
        if (got < sizeof head) {
            contents.truncated = true;
            contents.damage = "the capture is cut short inside the header of " + where;
            break;
        }
        const std::uint8_t kind = head[0];
        const std::uint64_t t_ns = read_le(head + 1, 8);
        const auto len = static_cast<std::uint32_t>(read_le(head + 9, 4));
        if (const std::string problem = record_problem(kind, t_ns, len, previous_t_ns);
            !problem.empty()) {
            contents.damage = where + " " + problem;
            break;
        }
        if (at + kRecordHeaderBytes + len > kMaxCaptureBytes) {
            contents.damage = "the capture is larger than 1 GiB; reading stopped at " + where;
            break;
        }
        CaptureRecord record;
        record.kind = static_cast<CaptureRecordKind>(kind);
        record.t_ns = t_ns;
        record.payload.resize(len);
        if (read(record.payload.data(), len) != len) {
            contents.truncated = true;
            contents.damage = where + " claims " + std::to_string(len) +
                              " bytes but the file ends first: the capture was cut short or "
                              "its length field is damaged";
            break;
        }
        contents.records.push_back(std::move(record));
        previous_t_ns = t_ns;
        at += kRecordHeaderBytes + len;
    }
    // Damage before any record leaves nothing to replay: refuse the file as it is.
    if (contents.records.empty() && !contents.damage.empty())
        result.error = name + ": " + contents.damage;
    return result;
}

} // namespace

RawCaptureReadResult parse_raw_capture(std::span<const std::uint8_t> bytes,
                                       const std::string& source_name) {
    std::size_t offset = 0;
    return parse(
        [&](std::uint8_t* out, std::size_t n) {
            const std::size_t count = std::min(n, bytes.size() - offset);
            if (count > 0) std::memcpy(out, bytes.data() + offset, count);
            offset += count;
            return count;
        },
        source_name);
}

RawCaptureReadResult read_raw_capture(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        RawCaptureReadResult result;
        result.error = algoinput::escape_input(path) + ": cannot open capture file";
        return result;
    }
    RawCaptureReadResult result = parse(
        [&](std::uint8_t* out, std::size_t n) {
            in.read(reinterpret_cast<char*>(out), static_cast<std::streamsize>(n));
            return static_cast<std::size_t>(in.gcount());
        },
        path);
    if (in.bad() && result.ok()) result.error = algoinput::escape_input(path) + ": read error";
    return result;
}

} // namespace algocore
