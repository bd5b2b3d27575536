#pragma once
// Globally unique ids for stored records: UUID version 7 (RFC 9562), made where a record is
// born, so the same record keeps one identity in a rescue file, after an import and on a
// shared study server. Version 7 puts the Unix time in milliseconds first, so ids sort by
// creation time and index well; 74 of the remaining bits are a per-millisecond counter and
// random bits from the operating system's secure source.
#include <array>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>

namespace algocore {

/// The 16 bytes of a UUID in network order.
using UuidBytes = std::array<std::uint8_t, 16>;

/// A new UUID v7 as 36 lowercase characters ("0190c4e2-5a1b-7c3d-8e4f-0123456789ab").
/// Monotonic within the process (each id is greater than every earlier one, even when the
/// clock steps back) and safe to call from any thread.
std::string new_uuid();

/// True for a UUID in its canonical text form: 8-4-4-4-12 lowercase hex digits.
bool is_uuid(std::string_view text);

/// The canonical text of bytes.
std::string to_uuid_text(const UuidBytes& bytes);

/// Makes UUID v7s from a millisecond clock and a random source. new_uuid() uses one for the
/// whole process (like the system clock it reads, a process-wide source of ids: two storages
/// in one process must never hand out the same or out-of-order ids); tests make their own
/// with a scripted clock.
class UuidV7Generator {
public:
    /// Milliseconds since the Unix epoch.
    using Clock = std::function<std::int64_t()>;
    /// Fills a buffer with random bytes (throws when it cannot).
    using RandomSource = std::function<void(std::uint8_t*, std::size_t)>;

    /// The system clock and the operating system's secure random source.
    UuidV7Generator();
    UuidV7Generator(Clock clock, RandomSource random);

    UuidBytes next_bytes();
    std::string next() { return to_uuid_text(next_bytes()); }

private:
    Clock clock_;
    RandomSource random_;
    std::mutex mutex_;
    std::int64_t last_ms_ = -1;
    std::uint16_t counter_ = 0; ///< 12 bits (rand_a), counts ids within last_ms_
};

} // namespace algocore
