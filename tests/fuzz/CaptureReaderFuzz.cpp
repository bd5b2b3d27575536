// Fuzzes the raw capture reader with arbitrary file bytes: it never throws or over-reads, and
// whatever it keeps is a capture a replay can trust (time forward, within 7 days, payloads
// within the limit, damage said in words).
#include <cstddef>
#include <cstdint>

#include "FuzzCheck.h"
#include "algocore/acquisition/RawCapture.h"

using fuzzcheck::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const algocore::RawCaptureReadResult read = algocore::parse_raw_capture({data, size}, "fuzz");
    if (!read.ok()) {
        check(read.contents.records.empty() || !read.contents.damage.empty());
        check(read.error.size() < 1024);
        return 0;
    }
    std::uint64_t previous_t_ns = 0;
    std::size_t payload_bytes = 0;
    for (const algocore::CaptureRecord& record : read.contents.records) {
        check(record.t_ns >= previous_t_ns);
        check(record.t_ns <= algocore::kMaxCaptureSpanNs);
        check(record.payload.size() <= algocore::kMaxCaptureRecordBytes);
        check(static_cast<unsigned>(record.kind) <=
              static_cast<unsigned>(algocore::CaptureRecordKind::LinkLost));
        previous_t_ns = record.t_ns;
        payload_bytes += record.payload.size() + 13;
    }
    check(payload_bytes <= size);
    check(!read.contents.truncated || !read.contents.damage.empty());
    check(read.contents.damage.size() < 1024);
    return 0;
}
