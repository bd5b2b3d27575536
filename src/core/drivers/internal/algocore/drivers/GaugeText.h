#pragma once
// Small text helpers shared by the ASCII gauge reply parsers.
#include <optional>
#include <string_view>

#include "algocore/drivers/GaugeReply.h"

namespace algocore {

/// `text` without leading and trailing spaces and tabs.
std::string_view trim_spaces(std::string_view text);

/// True when every byte is printable ASCII (0x20..0x7E): a line with anything else came
/// from line noise or a wrong baud rate.
bool is_printable_ascii(std::string_view text);

/// A signed decimal number at the start of `text` ("-18.78", "+ 5.10", "4", ".5"); spaces
/// between the sign and the digits are accepted (Wagner prints "- 23.02"). On success the
/// parsed prefix is removed from `text`.
std::optional<double> take_signed_number(std::string_view& text);

/// Case-insensitive ASCII comparison.
bool equals_ignoring_case(std::string_view a, std::string_view b);

/// "OVER", "OVERLOAD" or "OL" in any case: how gauges flag a reading beyond capacity.
bool is_overload_word(std::string_view word);

/// The common reply shape "<signed number> [unit] [overload word]" ("-18.78 lbF", "+ 5.10 lbf",
/// "4.285 N OVER", "12.5"). A missing unit converts with `unit_when_omitted` and leaves
/// GaugeReply::unit empty.
GaugeReply parse_value_and_unit(std::string_view text, algocal::ForceUnit unit_when_omitted);

} // namespace algocore
