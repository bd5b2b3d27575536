#pragma once
// The wall clock, read and written in one place. Records carry their moments as ISO 8601 UTC
// text ("2026-11-23T19:30:00Z", as stored); what a person reads (the report, the History
// page) is the clinic's local time with its zone named. Measurements are timed by the steady
// clock (SteadyTime.h); this is only for "when".
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace algocore {

/// Seconds since 1970-01-01T00:00:00Z.
using EpochSeconds = std::int64_t;
/// Milliseconds since 1970-01-01T00:00:00Z: the anchor of a session clock (a trial's start
/// on the wall clock is its anchor plus its session-clock time).
using EpochMilliseconds = std::int64_t;

/// What reads the wall clock: the system's (system_now), or a fixed one in tests.
using WallClock = std::function<EpochSeconds()>;
EpochSeconds system_now();
EpochMilliseconds system_now_ms();

/// "2026-11-23T19:30:00Z".
std::string utc_iso8601(EpochSeconds t);
/// The system's now, as utc_iso8601.
std::string utc_now_iso8601();
/// Reads utc_iso8601's form (seconds or a fraction may be left out); nullopt when it is not.
std::optional<EpochSeconds> parse_utc_iso8601(std::string_view text);
/// "2026-11-23T19:30:00.250Z".
std::string utc_iso8601_ms(EpochMilliseconds t_ms);
/// Reads utc_iso8601's or utc_iso8601_ms's form keeping the milliseconds (a longer fraction
/// is rounded to them); nullopt when it is neither.
std::optional<EpochMilliseconds> parse_utc_iso8601_ms(std::string_view text);

/// A moment in the clinic's local time: the process's time zone (TZ, else the system's).
struct LocalTime {
    std::string date;    ///< "2026-11-23"
    std::string time;    ///< "20:30"
    std::string zone;    ///< the zone's abbreviation ("CET"), else "UTC+01:00"
    std::string offset;  ///< "+01:00"
    std::string iso8601; ///< "2026-11-23T20:30:00+01:00"
    /// "2026-11-23 20:30 CET (UTC+01:00)".
    std::string readable() const;
    /// "CET (UTC+01:00)": which local time the moment is in.
    std::string zone_named() const;
};
LocalTime local_time(EpochSeconds t);

} // namespace algocore
