#pragma once
// The one rule for text a person types into a record's name: a subject code, an operator's
// name. Recording (session::check_visit) and importing (a rescue file) both ask it.
#include <cstddef>
#include <string>

namespace algocore::storage {

/// Longest subject code or name a record keeps.
inline constexpr std::size_t kMaxNameLength = 64;

/// Why text cannot be stored as `what` ("the subject code"): longer than kMaxNameLength bytes,
/// not UTF-8 (a Latin-1 name a script read from a legacy file), or holding control characters
/// (which would take over a terminal that shows it), saying at which byte. Empty when it can.
std::string check_record_name(const std::string& text, const char* what);

} // namespace algocore::storage
