#pragma once
// Places only this user can use, for files that hold measurements outside the database's own
// folder (rescue files in the temporary folder, where every local user can create names).
// POSIX here (PrivatePlacePosix.cpp); another system implements these four functions.
#include <string>

namespace algocore::storage {

/// A short tag of the user this process runs as ("uid1000"), for per-user names.
std::string user_tag();

/// Makes folder (mode 0700) when it is missing. "" when it is then a folder of this user that
/// nobody else can enter and not a symbolic link; else why it must not be used.
std::string ensure_private_folder(const std::string& folder);

/// A new folder with a unique name starting with stem, mode 0700, made by this call (so
/// nobody else can have prepared it); "" and error set when none could be made.
std::string make_unique_private_folder(const std::string& stem, std::string& error);

/// Result of creating a file exclusively.
enum class FileCreation { Created, NameTaken, Failed };
/// Creates path, which must not exist (not even as a symbolic link), with mode 0600.
/// Failed sets error.
FileCreation create_private_file(const std::string& path, std::string& error);

} // namespace algocore::storage
