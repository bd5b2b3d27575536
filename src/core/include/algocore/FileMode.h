#pragma once
// Files that hold measurements (captures, exports, the database) are health data: they are
// created readable by their owner only, whatever the umask, unless the user asks otherwise.
#include <string>

namespace algocore {

/// Permission bits of files that hold measurements: owner read and write (0600).
inline constexpr unsigned kOwnerOnlyFileMode = 0600;

/// Creates `path` (or truncates an existing file) with exactly `mode` as its permission
/// bits and returns an open write-only descriptor; -1 with errno set on failure.
int open_file_with_mode(const std::string& path, unsigned mode);

/// open_file_with_mode() and close: the file then exists, empty, with `mode`. Empty string
/// on success, else the reason ("cannot create PATH: Permission denied").
std::string create_file_with_mode(const std::string& path, unsigned mode);

/// Folder permission bits that go with a file mode: search (x) wherever read is allowed,
/// so 0600 files live in 0700 folders and 0644 files in 0755 ones.
unsigned folder_mode_for(unsigned file_mode);

} // namespace algocore
