#pragma once
// SQL of the reaction_tests and reaction_cues tables, private to the storage.
#include <vector>

#include "algocore/storage/StoredRecords.h"

namespace SQLite {
class Database;
}

namespace algocore::storage {

/// Adds a test and its cues (inside the caller's transaction).
void insert(SQLite::Database& db, const ReactionTest& test);

namespace queries {
/// A session's tests, oldest first, with their cues; session_id 0 = every test.
std::vector<ReactionTest> reaction_tests(SQLite::Database& db, RecordId session_id);
/// The tests of a subject's sessions (without their cues), oldest first, for its history.
std::vector<ReactionTest> reaction_tests_of_subject(SQLite::Database& db, RecordId subject_id);
} // namespace queries

} // namespace algocore::storage
