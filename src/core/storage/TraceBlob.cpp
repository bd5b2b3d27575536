// The trace blob container (docs/trace-format.md): "ALT2", a varint sample count, then the
// sections in order: times, counts and forces, pressures, buttons and flags. The first format
// ("ALT1") is recognised by its magic and read by TraceBlobV1.cpp.
#include "algocore/storage/TraceBlob.h"

#include <cstring>

#include "TraceBlobV1.h"
#include "TraceCodec.h"

namespace algocore::storage {

using namespace trace_bytes;

namespace {

constexpr std::uint8_t kMagic[4] = {'A', 'L', 'T', '2'};

// Buttons and flags change rarely: runs of (count, buttons, flags).
void write_buttons_and_flags(ByteWriter& out, const std::vector<TraceSample>& s) {
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t end = i + 1;
        while (end < s.size() && s[end].buttons == s[i].buttons && s[end].flags == s[i].flags)
            ++end;
        out.varint(end - i);
        out.u8(s[i].buttons);
        out.u8(s[i].flags);
        i = end;
    }
}

bool read_buttons_and_flags(ByteReader& in, std::vector<TraceSample>& s) {
    std::size_t i = 0;
    while (i < s.size()) {
        std::uint64_t run = 0;
        std::uint8_t buttons = 0;
        std::uint8_t flags = 0;
        if (!in.varint(run) || run == 0 || run > s.size() - i) return false;
        if (!in.u8(buttons) || !in.u8(flags)) return false;
        for (std::uint64_t k = 0; k < run; ++k, ++i) {
            s[i].buttons = buttons;
            s[i].flags = flags;
        }
    }
    return true;
}

} // namespace

void encode_trace(const RawTrace& trace, const TraceHints& hints, std::vector<std::uint8_t>& out) {
    ByteWriter w(out);
    for (const std::uint8_t byte : kMagic)
        w.u8(byte);
    const auto& s = trace.samples;
    w.varint(s.size());
    if (s.empty()) return;
    trace_codec::write_times(w, s);
    trace_codec::write_forces(w, s, hints);
    trace_codec::write_pressures(w, s, hints);
    write_buttons_and_flags(w, s);
}

void encode_trace(const RawTrace& trace, std::vector<std::uint8_t>& out) {
    encode_trace(trace, TraceHints{}, out);
}

std::vector<std::uint8_t> encode_trace(const RawTrace& trace, const TraceHints& hints) {
    std::vector<std::uint8_t> out;
    encode_trace(trace, hints, out);
    return out;
}

bool decode_trace(const std::uint8_t* data, std::size_t size, RawTrace& out, std::string& error) {
    out.samples.clear();
    if (size >= 4 && std::memcmp(data, kTraceMagicV1, 4) == 0)
        return decode_trace_v1(data, size, out, error);
    if (size < 4 || std::memcmp(data, kMagic, 4) != 0) {
        error = "trace blob has no ALT2 or ALT1 header (unknown format or damaged)";
        return false;
    }
    ByteReader in(data + 4, size - 4);
    std::uint64_t count = 0;
    if (!in.varint(count) || count > kMaxTraceSamples) {
        error = "trace blob (ALT2) has a damaged sample count";
        return false;
    }
    out.samples.resize(static_cast<std::size_t>(count));
    const char* section = nullptr;
    if (count > 0) {
        if (!trace_codec::read_times(in, out.samples))
            section = "times";
        else if (!trace_codec::read_forces(in, out.samples))
            section = "counts and forces";
        else if (!trace_codec::read_pressures(in, out.samples))
            section = "pressures";
        else if (!read_buttons_and_flags(in, out.samples))
            section = "buttons and flags";
    }
    if (!section && !in.at_end()) section = "end (bytes left over)";
    if (section) {
        error = "trace blob (ALT2) of " + std::to_string(count) + " samples is damaged in its " +
                section;
        out.samples.clear();
        return false;
    }
    return true;
}

} // namespace algocore::storage
