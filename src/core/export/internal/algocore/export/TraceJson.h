#pragma once
// A raw trace in the JSON export, compact: each column is integers in a stated quantum
// (t_s in microseconds, force in 0.1 mN, pressure in 0.001 kPa, counts, buttons and flags as
// they are), delta-coded (each number is the change from the previous sample) with runs of
// equal changes written as [change, count]. A 1 kHz trace costs a few bytes per sample instead
// of a hundred. Decoding: expand the runs, take the running sum, multiply by the scale.
#include <string>

#include "algocore/records/Records.h"

namespace algocore::exporting {

/// The trace as one line of JSON (the "trace" member of a trial or hold).
std::string compact_trace_json(const records::RawTrace& trace);

/// The samples of a compact trace JSON (for tests and readers in C++); empty on bad input.
records::RawTrace decode_compact_trace_json(const std::string& json_text);

} // namespace algocore::exporting
