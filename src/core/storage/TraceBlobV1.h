#pragma once
// Reading the first trace format (see TraceBlobV1.cpp).
#include <cstdint>
#include <string>

#include "algocore/storage/TraceBlob.h"

namespace algocore::storage {

inline constexpr std::uint8_t kTraceMagicV1[4] = {'A', 'L', 'T', '1'};

/// Decodes an ALT1 blob (magic already checked).
bool decode_trace_v1(const std::uint8_t* data, std::size_t size, RawTrace& out, std::string& error);

} // namespace algocore::storage
