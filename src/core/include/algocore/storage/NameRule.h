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

/// Subject codes are one without regard to case: "p001" is "P001" (ASCII letters, as SQLite's
/// NOCASE folds them; kSubjectCodeNoCase is the same rule in SQL). Finding a subject takes the
/// exact spelling first, else the oldest subject whose code differs only in case; a new
/// subject whose code differs from a stored one only in case is refused (docs/data-model.md,
/// subjects).
std::string folded_subject_code(const std::string& code);
bool same_subject_code(const std::string& a, const std::string& b);
/// The SQL collation of that rule: `code = ?1 COLLATE NOCASE`.
inline constexpr const char* kSubjectCodeNoCase = "COLLATE NOCASE";

} // namespace algocore::storage
