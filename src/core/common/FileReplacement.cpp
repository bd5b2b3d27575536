#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "algocore/FileReplacement.h"
#include "algocore/Uuid.h"

namespace algocore {

namespace fs = std::filesystem;

std::string refuse_linked_output(const std::string& path) {
    std::error_code ec;
    if (fs::is_symlink(fs::symlink_status(path, ec)))
        return path + " is a symbolic link; Algoscope does not write through links (give the " +
               "real path, or remove the link)";
    return {};
}

FileReplacement::FileReplacement(const std::string& path, unsigned mode) : path_(path) {
    if (error_ = refuse_linked_output(path); !error_.empty()) return;
    std::error_code ec;
    if (fs::is_directory(fs::symlink_status(path, ec))) {
        error_ = path + " is a folder; give a file name";
        return;
    }
    const fs::path target(path);
    part_ = (target.parent_path() / ("." + target.filename().string() + ".part-" + new_uuid()))
                .string();
    const int fd = ::open(part_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                          static_cast<mode_t>(mode));
    if (fd < 0 || ::fchmod(fd, static_cast<mode_t>(mode)) != 0) {
        error_ = "cannot create a file beside " + path + ": " + std::strerror(errno);
        if (fd >= 0) ::close(fd);
        part_.clear();
        return;
    }
    ::close(fd);
    out_.open(part_, std::ios::binary | std::ios::trunc);
    if (!out_) error_ = "cannot write beside " + path;
}

FileReplacement::~FileReplacement() {
    if (committed_ || part_.empty()) return;
    out_.close();
    std::error_code ec;
    fs::remove(part_, ec);
}

std::string FileReplacement::commit() {
    if (!error_.empty()) return error_;
    out_.flush();
    const bool written = static_cast<bool>(out_);
    out_.close();
    if (!written || out_.fail()) return "writing " + path_ + " failed (disk full?)";
    // The content must be on the disk before the name points at it.
    const int fd = ::open(part_.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        const std::string reason = std::strerror(errno);
        if (fd >= 0) ::close(fd);
        return "writing " + path_ + " failed: " + reason;
    }
    ::close(fd);
    std::error_code ec;
    fs::rename(part_, path_, ec);
    if (ec) return "cannot put the new " + path_ + " in place: " + ec.message();
    committed_ = true;
    return {};
}

} // namespace algocore
