#pragma once
// Compact, portable blob for raw traces: a small header then fixed-size little-endian
// records, so a trace written on one machine reads back bit-exact on another.
#include <cstdint>
#include <string>
#include <vector>

#include "algocore/storage/Records.h"

namespace algocore::storage {

/// Bytes per stored sample (t_s f64, raw i32, force f64, pressure f64, buttons u8, flags u8).
inline constexpr std::size_t kTraceBytesPerSample = 30;

/// Encodes a trace (appends to out).
void encode_trace(const RawTrace& trace, std::vector<std::uint8_t>& out);
std::vector<std::uint8_t> encode_trace(const RawTrace& trace);

/// Decodes a blob; false with a reason for a truncated blob or an unknown format.
bool decode_trace(const std::uint8_t* data, std::size_t size, RawTrace& out, std::string& error);

} // namespace algocore::storage
