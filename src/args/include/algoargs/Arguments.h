#pragma once
// Validators for the numbers and names a user types on the command line, shared by every
// subcommand (and by algoscope-sim). CLI11's own PositiveNumber lets "nan" and "inf" through
// and nothing bounds a probe area; these refuse such values with a sentence, and CLI11 puts
// the option's name in front of it ("--duration: must be a finite number of seconds above 0,
// not nan").
#include <CLI/CLI.hpp>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>

#include "algocal/ProbeArea.h"
#include "algoinput/QuotedInput.h"

namespace cli_args {

/// Replay speed factors; `max` plays as fast as possible.
inline constexpr double kMinReplaySpeed = 0.01;
inline constexpr double kMaxReplaySpeed = 1000.0;
/// Longest name or code typed on the command line.
inline constexpr std::size_t kMaxNameChars = 200;

/// The whole of `text` as a finite number ("nan", "inf", "1e999", "5x" are not), in the C
/// locale whatever the user's locale.
inline std::optional<double> finite_number(const std::string& text) {
    double value = 0.0;
    const char* begin = text.data();
    const char* end = begin + text.size();
    if (begin != end && *begin == '+') ++begin;
    const auto [ptr, error] = std::from_chars(begin, end, value);
    if (error != std::errc{} || ptr != end || !std::isfinite(value)) return std::nullopt;
    return value;
}

inline std::string shown(const std::string& text) {
    return algoinput::quote_input(text, 40);
}

/// Seconds: a finite number above 0.
inline CLI::Validator positive_seconds() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            const auto value = finite_number(text);
            if (value && *value > 0.0) return {};
            return "must be a finite number of seconds above 0, not " + shown(text);
        },
        "SECONDS>0");
}

/// Seconds: a finite number of at least 0.
inline CLI::Validator non_negative_seconds() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            const auto value = finite_number(text);
            if (value && *value >= 0.0) return {};
            return "must be a finite number of seconds, 0 or more, not " + shown(text);
        },
        "SECONDS>=0");
}

/// A count: a whole number from 1 to `largest`.
inline CLI::Validator positive_count(long largest = 1000000) {
    return CLI::Validator(
        [largest](std::string& text) -> std::string {
            long value = 0;
            const auto [ptr, error] =
                std::from_chars(text.data(), text.data() + text.size(), value);
            if (error == std::errc{} && ptr == text.data() + text.size() && value >= 1 &&
                value <= largest)
                return {};
            return "must be a whole number from 1 to " + std::to_string(largest) + ", not " +
                   shown(text);
        },
        "N>=1");
}

/// A probability from 0 to 1.
inline CLI::Validator probability() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            const auto value = finite_number(text);
            if (value && *value >= 0.0 && *value <= 1.0) return {};
            return "must be a probability from 0 to 1, not " + shown(text);
        },
        "P");
}

/// A probe tip area in cm², within the one range every front end accepts (algocal/ProbeArea.h).
inline CLI::Validator probe_area_cm2() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            const auto value = finite_number(text);
            if (value && algocal::probe_area_in_range(*value)) return {};
            return "must be a probe area from " + algocal::probe_area_range_text() + ", not " +
                   shown(text);
        },
        "CM2");
}

/// A replay speed factor (kMinReplaySpeed..kMaxReplaySpeed) or `max`.
inline CLI::Validator replay_speed() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            if (text == "max") return {};
            const auto value = finite_number(text);
            if (value && *value >= kMinReplaySpeed && *value <= kMaxReplaySpeed) return {};
            return "must be a factor from 0.01 to 1000 (1 = original timing) or 'max' for as "
                   "fast as possible, not " +
                   shown(text);
        },
        "FACTOR|max");
}

/// A name or code a person types: not empty, at most kMaxNameChars characters, UTF-8
/// without control characters (no terminal escapes, no line breaks).
inline CLI::Validator printable_name() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            if (text.empty()) return "must not be empty";
            if (text.size() > kMaxNameChars)
                return "must be at most " + std::to_string(kMaxNameChars) + " characters";
            if (const std::string problem = algoinput::printable_text_problem(text);
                !problem.empty())
                return "must be UTF-8 text without control characters (" + problem + "), not " +
                       shown(text);
            return {};
        },
        "TEXT");
}

} // namespace cli_args
