#pragma once
// Sections of the compact trace blob (docs/trace-format.md), private to the storage: times,
// forces with their raw counts, pressures. Each writer is paired with a reader that
// rebuilds its fields bit-exact; a reader returns false on a malformed section.
#include <vector>

#include "TraceBytes.h"
#include "algocore/storage/TraceBlob.h"

namespace algocore::storage::trace_codec {

/// t_s of every sample.
void write_times(trace_bytes::ByteWriter& out, const std::vector<TraceSample>& samples);
bool read_times(trace_bytes::ByteReader& in, std::vector<TraceSample>& samples);

/// raw_counts (when any is not 0) and force_n of every sample.
void write_forces(trace_bytes::ByteWriter& out, const std::vector<TraceSample>& samples,
                  const TraceHints& hints);
bool read_forces(trace_bytes::ByteReader& in, std::vector<TraceSample>& samples);

/// pressure_kpa of every sample (needs force_n already read).
void write_pressures(trace_bytes::ByteWriter& out, const std::vector<TraceSample>& samples,
                     const TraceHints& hints);
bool read_pressures(trace_bytes::ByteReader& in, std::vector<TraceSample>& samples);

} // namespace algocore::storage::trace_codec
