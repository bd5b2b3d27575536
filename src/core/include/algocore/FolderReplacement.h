#pragma once
// Writing an output folder the user named (a CSV export) without mixing it with anything:
// the files go to a new folder beside it, which replaces the name only when complete. A folder
// that already holds files is replaced whole, and only when asked to (--overwrite): files of
// another export left beside the new ones would be analysed as if they were this study's.
#include <string>

namespace algocore {

/// One folder filled beside path ("<parent>/.<name>.part-<uuid>") and moved to path by
/// commit(). A path that is a non-empty folder is replaced whole only when overwrite is set;
/// otherwise the constructor refuses it (error()), as it refuses a file or a link at path.
class FolderReplacement {
public:
    FolderReplacement(const std::string& path, unsigned folder_mode, bool overwrite);
    ~FolderReplacement();
    FolderReplacement(const FolderReplacement&) = delete;
    FolderReplacement& operator=(const FolderReplacement&) = delete;

    const std::string& error() const { return error_; }
    /// Where to write the folder's files until commit().
    const std::string& staging() const { return part_; }
    /// Moves the staged folder to path (the old folder, if any, is removed only after the new
    /// one is in place). "" or why not (path is as it was then).
    std::string commit();

private:
    std::string path_;
    std::string part_;
    std::string error_;
    bool committed_ = false;
};

} // namespace algocore
