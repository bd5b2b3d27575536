// POSIX calls (gmtime_r, localtime_r with tm_gmtoff and tm_zone, timegm) behind the small
// interface of WallClock.h; a Windows port implements these functions again.
#include "algocore/WallClock.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace algocore {

namespace {

std::string offset_text(long offset_s) {
    const char sign = offset_s < 0 ? '-' : '+';
    const long minutes = (offset_s < 0 ? -offset_s : offset_s) / 60;
    char text[48];
    std::snprintf(text, sizeof text, "%c%02ld:%02ld", sign, (minutes / 60) % 100, minutes % 60);
    return text;
}

// Digits at text[at, at + n), or -1.
int digits(std::string_view text, std::size_t at, std::size_t n) {
    if (at + n > text.size()) return -1;
    int value = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        if (text[i] < '0' || text[i] > '9') return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

} // namespace

EpochSeconds system_now() {
    return static_cast<EpochSeconds>(std::time(nullptr));
}

EpochMilliseconds system_now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string utc_iso8601(EpochSeconds t) {
    const std::time_t when = static_cast<std::time_t>(t);
    std::tm utc{};
    gmtime_r(&when, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

std::string utc_now_iso8601() {
    return utc_iso8601(system_now());
}

std::optional<EpochSeconds> parse_utc_iso8601(std::string_view text) {
    // YYYY-MM-DDTHH:MM[:SS[.fff]]Z
    if (text.size() < 17 || text[4] != '-' || text[7] != '-' ||
        (text[10] != 'T' && text[10] != ' ') || text[13] != ':' || text.back() != 'Z')
        return std::nullopt;
    std::tm tm{};
    const int year = digits(text, 0, 4), month = digits(text, 5, 2), day = digits(text, 8, 2);
    const int hour = digits(text, 11, 2), minute = digits(text, 14, 2);
    int second = 0;
    if (text.size() > 17) {
        if (text[16] != ':' || (second = digits(text, 17, 2)) < 0) return std::nullopt;
        if (text.size() > 20 && text[19] != '.') return std::nullopt;
    } else if (text.size() != 17) {
        return std::nullopt;
    }
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 ||
        minute < 0 || minute > 59 || second > 60)
        return std::nullopt;
    tm.tm_year = year - 1900;
    tm.tm_mon = month - 1;
    tm.tm_mday = day;
    tm.tm_hour = hour;
    tm.tm_min = minute;
    tm.tm_sec = second;
    return static_cast<EpochSeconds>(timegm(&tm));
}

std::string utc_iso8601_ms(EpochMilliseconds t_ms) {
    // Floor division, so a moment before 1970 keeps a fraction in 0..999.
    EpochSeconds seconds = t_ms / 1000;
    long long ms = t_ms % 1000;
    if (ms < 0) {
        ms += 1000;
        --seconds;
    }
    std::string text = utc_iso8601(seconds);
    char fraction[8];
    std::snprintf(fraction, sizeof fraction, ".%03lldZ", ms);
    text.pop_back(); // the 'Z'
    return text + fraction;
}

std::optional<EpochMilliseconds> parse_utc_iso8601_ms(std::string_view text) {
    const auto seconds = parse_utc_iso8601(text);
    if (!seconds) return std::nullopt;
    EpochMilliseconds ms = 0;
    if (text.size() > 20) { // "...:SS.f...fZ"
        const std::string_view fraction = text.substr(20, text.size() - 21);
        if (fraction.empty()) return std::nullopt;
        double scale = 100.0;
        double value = 0.0;
        for (const char c : fraction) {
            if (c < '0' || c > '9') return std::nullopt;
            value += (c - '0') * scale;
            scale /= 10.0;
        }
        ms = static_cast<EpochMilliseconds>(value + 0.5);
    }
    return *seconds * 1000 + ms;
}

LocalTime local_time(EpochSeconds t) {
    const std::time_t when = static_cast<std::time_t>(t);
    std::tm local{};
    localtime_r(&when, &local);
    LocalTime out;
    char text[40];
    std::strftime(text, sizeof text, "%Y-%m-%d", &local);
    out.date = text;
    std::strftime(text, sizeof text, "%H:%M", &local);
    out.time = text;
    out.offset = offset_text(local.tm_gmtoff);
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &local);
    out.iso8601 = std::string(text) + out.offset;
    // A zone without a name of its own (POSIX TZ "<+0530>-5:30") is named by its offset.
    const std::string abbreviation = local.tm_zone ? local.tm_zone : "";
    const bool named = !abbreviation.empty() && abbreviation[0] != '+' && abbreviation[0] != '-';
    out.zone = named ? abbreviation : "UTC" + out.offset;
    return out;
}

std::string LocalTime::readable() const {
    return date + " " + time + " " + zone_named();
}

std::string LocalTime::zone_named() const {
    return zone.rfind("UTC", 0) == 0 && zone.size() > 3 ? zone : zone + " (UTC" + offset + ")";
}

} // namespace algocore
