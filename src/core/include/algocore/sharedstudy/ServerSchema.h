#pragma once
// The shared study's schema on the server: created or migrated by `algoscope-cli server init`,
// versioned (a study newer than this program is refused), all in the schema `algoscope` of
// one database, with the group roles stations and readers are made members of.
#include <string>

#include "algocore/sharedstudy/ServerConnection.h"

namespace algocore::sharedstudy {

/// The schema version this program writes and reads.
inline constexpr int kServerSchemaVersion = 10;

/// Group roles made by `server init`: members of the first push their own records (and publish
/// their own class progress), members of the second only read.
inline constexpr const char* kStationGroupRole = "algoscope_station";
inline constexpr const char* kReaderGroupRole = "algoscope_reader";
/// Members make classes, hand out their exercises and read every station's live progress.
inline constexpr const char* kTeacherGroupRole = "algoscope_teacher";

/// Who the study is: made once by `server init`, checked by every station that pushes.
struct StudyIdentity {
    std::string uuid;
    std::string name;
    int schema_version = 0;
};

/// The study on the server, or why it cannot be used (none, newer, older schema).
struct StudyCheck {
    StudyIdentity study;
    ServerError error;
};

/// What `server init` did.
struct StudyInit {
    StudyIdentity study;
    int from_version = 0; ///< 0: the study was created
    ServerError error;
};

/// Creates the study (named study_name) or migrates it to kServerSchemaVersion, in one
/// transaction; creates the group roles when missing (needs CREATEROLE for that).
StudyInit init_study(ServerConnection& server, const std::string& study_name);

/// Reads the study's identity; refuses a database without a study and a schema version this
/// program does not write (newer: update Algoscope; older: run `server init`).
StudyCheck check_study(ServerConnection& server);

} // namespace algocore::sharedstudy
