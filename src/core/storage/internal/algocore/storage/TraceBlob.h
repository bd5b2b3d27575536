#pragma once
// Raw traces as compact, portable blobs (docs/trace-format.md). The current format ("ALT2")
// stores about 3 bytes per sample and reads back every field bit-exact: times come from whole
// clock ticks, forces are recomputed from the raw counts (or a gauge's printed decimals)
// through the calibration and tare, pressures from the force and the probe area, and every
// value the recomputation misses is stored as its distance from it. Blobs of the first format
// ("ALT1", 30 bytes per sample) written by older versions are still read.
#include <cstdint>
#include <string>
#include <vector>

#include "algocal/PolynomialFit.h"
#include "algocore/storage/StoredRecords.h"

namespace algocore::storage {

/// Bytes per sample of the first format (t_s f64, raw i32, force f64, pressure f64, buttons
/// u8, flags u8), kept for reading old databases.
inline constexpr std::size_t kTraceBytesPerSampleV1 = 30;

/// Most samples one blob holds (4.6 h at 1 kHz; session sample chunks are split below it): a
/// damaged count is refused before anything is allocated for it.
inline constexpr std::size_t kMaxTraceSamples = std::size_t{1} << 24;

/// What the encoder may try when recomputing forces and pressures. Only hints: each value is
/// checked bit-exactly, so a wrong or missing hint costs bytes, never data.
struct TraceHints {
    /// Probe area the pressures were computed with (the trial's or hold's); 0 = unknown.
    double probe_area_cm2 = 0.0;
    /// Fits of calibration records of raw counts (reading = p(load)) that may have produced
    /// the forces; the linear factory scale and gauges' decimals are found without hints.
    std::vector<algocal::PolynomialFit> raw_count_fits;
};

/// Encodes a trace in the current format (appends to out).
void encode_trace(const RawTrace& trace, const TraceHints& hints, std::vector<std::uint8_t>& out);
void encode_trace(const RawTrace& trace, std::vector<std::uint8_t>& out);
std::vector<std::uint8_t> encode_trace(const RawTrace& trace, const TraceHints& hints = {});

/// Encodes a trace in the first format (what Algoscope wrote before schema version 5): for
/// tests of reading old databases.
std::vector<std::uint8_t> encode_trace_v1(const RawTrace& trace);

/// Decodes a blob of either format; false with a reason for a damaged blob or an unknown
/// format.
bool decode_trace(const std::uint8_t* data, std::size_t size, RawTrace& out, std::string& error);

} // namespace algocore::storage
