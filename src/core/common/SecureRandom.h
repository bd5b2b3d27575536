#pragma once
// The operating system's cryptographically secure random source, behind one function so the
// POSIX and other platforms' calls stay in SecureRandom.cpp.
#include <cstddef>
#include <cstdint>

namespace algocore {

/// Fills buffer with size random bytes (getrandom on Linux, arc4random_buf on macOS and the
/// BSDs, std::random_device elsewhere). Throws std::runtime_error when no secure source
/// answers: an id must never be made from predictable bits.
void secure_random_bytes(std::uint8_t* buffer, std::size_t size);

} // namespace algocore
