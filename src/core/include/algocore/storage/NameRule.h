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

/// The one rule for a subject code, asked at entry (session::check_visit: the GUI's pickers and
/// every command that records) and by the report: a record name (check_record_name) written in
/// the characters subject_code_allows, its letters in one script (Latin, Greek or Cyrillic),
/// and a Greek or Cyrillic code with at least one letter that looks like no Latin one in
/// either case, so every code prints as it was typed and no two codes print alike. Names the
/// character refused with its code point: "the subject code 'Р001' has 'Р' (U+0420), a Cyrillic
/// letter that looks like the Latin 'P'; ...", "the subject code 'patiеnt-7' has 'е' (U+0435), a
/// Cyrillic letter that looks like the Latin 'e' among Latin letters; ...". Empty when the code
/// may be used ("иванова-03": и looks like no Latin letter).
std::string check_subject_code(const std::string& code);
/// Whether a subject code may hold the character: ASCII letters, digits, signs and space, the
/// accented Latin letters (Latin-1, Latin Extended-A), the Greek and the Cyrillic alphabets.
/// The report's font draws every one of them.
bool subject_code_allows(char32_t code_point);
/// The Latin letter a Greek or Cyrillic letter cannot be told from in print ("P" for the
/// Cyrillic U+0420), or null for any other character.
const char* latin_look_alike(char32_t code_point);

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
