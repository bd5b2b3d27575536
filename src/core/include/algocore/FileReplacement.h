#pragma once
// Writing an output file the user named (a JSON export) without ever leaving it half written:
// the content goes to a new file beside it, and only a complete file is renamed onto the name.
// A failure (full disk, a writer that throws) leaves what was there before untouched. The
// name itself is never followed when it is a symbolic link.
#include <fstream>
#include <string>

namespace algocore {

/// Empty when path may be written as an output; else why not (it is a symbolic link, which
/// is not followed: someone else's link could send health data into their folder).
std::string refuse_linked_output(const std::string& path);

/// One file written beside path ("<dir>/.<name>.part-<uuid>") and renamed onto path by
/// commit(); the destructor removes it when it was not committed.
class FileReplacement {
public:
    /// Creates the new file (exclusively, never through a link) with mode as its permissions;
    /// check error() before writing.
    FileReplacement(const std::string& path, unsigned mode);
    ~FileReplacement();
    FileReplacement(const FileReplacement&) = delete;
    FileReplacement& operator=(const FileReplacement&) = delete;

    const std::string& error() const { return error_; }
    std::ostream& stream() { return out_; }
    /// Flushes and syncs the new file, then renames it onto path. "" or why not (path keeps
    /// its old content then).
    std::string commit();

private:
    std::string path_;
    std::string part_;
    std::ofstream out_;
    std::string error_;
    bool committed_ = false;
};

} // namespace algocore
