#include <filesystem>

#include "algocore/FileReplacement.h"
#include "algocore/FolderReplacement.h"
#include "algocore/Uuid.h"

namespace algocore {

namespace fs = std::filesystem;

namespace {

// "out/" and "out" are the same folder; its parent is where the staged folder goes.
fs::path without_trailing_separator(const std::string& path) {
    fs::path p = fs::path(path).lexically_normal();
    if (p.has_parent_path() && p.filename().empty()) p = p.parent_path();
    return p;
}

} // namespace

FolderReplacement::FolderReplacement(const std::string& path, unsigned folder_mode,
                                     bool overwrite) {
    const fs::path target = without_trailing_separator(path);
    path_ = target.string();
    if (error_ = refuse_linked_output(path_); !error_.empty()) return;
    std::error_code ec;
    const fs::file_status status = fs::symlink_status(target, ec);
    if (fs::exists(status)) {
        if (!fs::is_directory(status)) {
            error_ = path_ + " is a file, not a folder; give a new or empty folder";
            return;
        }
        if (!overwrite && !fs::is_empty(target, ec)) {
            error_ = path_ +
                     " is not empty; files of another export there would be mixed with this "
                     "one. Give a new or empty folder, or --overwrite to replace it whole";
            return;
        }
    }
    const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
    const fs::path part = parent / ("." + target.filename().string() + ".part-" + new_uuid());
    if (!fs::create_directory(part, ec) || ec) {
        error_ = "cannot create a folder beside " + path_ + ": " +
                 (ec ? ec.message() : std::string("it exists"));
        return;
    }
    part_ = part.string();
    fs::permissions(part, static_cast<fs::perms>(folder_mode), fs::perm_options::replace, ec);
}

FolderReplacement::~FolderReplacement() {
    if (committed_ || part_.empty()) return;
    std::error_code ec;
    fs::remove_all(part_, ec);
}

std::string FolderReplacement::commit() {
    if (!error_.empty()) return error_;
    std::error_code ec;
    const fs::path target(path_);
    fs::path old;
    if (fs::exists(fs::symlink_status(target, ec))) {
        // An empty folder is replaced by rename itself; a full one is moved aside first and
        // removed once the new one is in place.
        if (!fs::is_empty(target, ec)) {
            old = target.parent_path() / ("." + target.filename().string() + ".old-" + new_uuid());
            fs::rename(target, old, ec);
            if (ec) return "cannot move the old " + path_ + " aside: " + ec.message();
        }
    }
    fs::rename(part_, target, ec);
    if (ec) {
        const std::string reason = ec.message();
        if (!old.empty()) fs::rename(old, target, ec);
        return "cannot put the new " + path_ + " in place: " + reason;
    }
    committed_ = true;
    if (!old.empty()) fs::remove_all(old, ec);
    return {};
}

} // namespace algocore
