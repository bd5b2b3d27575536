// UUID version 7 (RFC 9562, section 5.7) with the "fixed bit-length dedicated counter" of
// section 6.2, method 1: the 12 bits after the version are a counter that starts at a random
// value below 2048 in each new millisecond and counts up within it, so ids made in the same
// millisecond still sort in the order they were made. When the clock steps back, or 4096 ids
// have been made in one millisecond, the timestamp is carried forward instead of repeating.
#include "algocore/Uuid.h"

#include <algorithm>
#include <chrono>
#include <utility>

#include "SecureRandom.h"

namespace algocore {

namespace {

constexpr std::uint16_t kCounterMax = 0x0FFF;
constexpr std::uint16_t kCounterSeedMask = 0x07FF; // leaves room to count within the ms
constexpr std::int64_t kMaxTimestampMs = (std::int64_t{1} << 48) - 1;

std::int64_t system_clock_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

bool is_hex_digit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

} // namespace

UuidV7Generator::UuidV7Generator() : UuidV7Generator(system_clock_ms, secure_random_bytes) {}

UuidV7Generator::UuidV7Generator(Clock clock, RandomSource random)
    : clock_(std::move(clock)), random_(std::move(random)) {}

UuidBytes UuidV7Generator::next_bytes() {
    std::uint8_t random[10];
    random_(random, sizeof random);
    const auto seed = static_cast<std::uint16_t>(((random[8] << 8) | random[9]) & kCounterSeedMask);
    std::int64_t ms = 0;
    std::uint16_t counter = 0;
    {
        std::lock_guard lock(mutex_);
        const std::int64_t now = std::clamp<std::int64_t>(clock_(), 0, kMaxTimestampMs);
        if (now > last_ms_) {
            last_ms_ = now;
            counter_ = seed;
        } else if (counter_ < kCounterMax) {
            ++counter_;
        } else {
            ++last_ms_;
            counter_ = seed;
        }
        ms = last_ms_;
        counter = counter_;
    }
    UuidBytes b{};
    for (int i = 0; i < 6; ++i)
        b[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(ms >> (8 * (5 - i)));
    b[6] = static_cast<std::uint8_t>(0x70 | ((counter >> 8) & 0x0F)); // version 7
    b[7] = static_cast<std::uint8_t>(counter & 0xFF);
    b[8] = static_cast<std::uint8_t>(0x80 | (random[0] & 0x3F)); // variant 10
    for (std::size_t i = 9; i < 16; ++i)
        b[i] = random[i - 8];
    return b;
}

std::string to_uuid_text(const UuidBytes& bytes) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string text;
    text.reserve(36);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) text += '-';
        text += kHex[bytes[i] >> 4];
        text += kHex[bytes[i] & 0x0F];
    }
    return text;
}

bool is_uuid(std::string_view text) {
    if (text.size() != 36) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? text[i] != '-' : !is_hex_digit(text[i])) return false;
    }
    return true;
}

std::string new_uuid() {
    static UuidV7Generator process_generator;
    return process_generator.next();
}

} // namespace algocore
