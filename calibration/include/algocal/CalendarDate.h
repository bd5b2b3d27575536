#pragma once
// Calendar dates of calibration records as ISO 8601 "YYYY-MM-DD" text (g++ 12 has the
// std::chrono calendar types but no chrono formatting or parsing).
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace algocal {

/// "2026-11-23".
std::string format_date(std::chrono::year_month_day date);
/// Parses exactly "YYYY-MM-DD" (a real calendar date), else nullopt.
std::optional<std::chrono::year_month_day> parse_date(std::string_view text);
/// Today's date in UTC.
std::chrono::year_month_day today_utc();

} // namespace algocal
