#pragma once
// The SQL of each version of the study's schema on the server, each step in one place.
namespace algocore::sharedstudy {

/// Makes the group roles when they are missing (outside the migration's transaction).
extern const char* const kServerGroupRoles;

/// The statements that take the schema from to_version - 1 to to_version; nullptr past the
/// last version.
const char* server_migration_sql(int to_version);

} // namespace algocore::sharedstudy
