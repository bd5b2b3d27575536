#include "algocore/FileMode.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace algocore {

int open_file_with_mode(const std::string& path, unsigned mode) {
    const int fd =
        ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, static_cast<mode_t>(mode));
    if (fd < 0) return -1;
    // The umask only narrows a new file's mode, and an existing file keeps its old one:
    // set the bits explicitly.
    if (::fchmod(fd, static_cast<mode_t>(mode)) != 0) {
        const int error = errno;
        ::close(fd);
        errno = error;
        return -1;
    }
    return fd;
}

std::string create_file_with_mode(const std::string& path, unsigned mode) {
    const int fd = open_file_with_mode(path, mode);
    if (fd < 0) return "cannot create " + path + ": " + std::strerror(errno);
    ::close(fd);
    return {};
}

unsigned folder_mode_for(unsigned file_mode) {
    unsigned mode = file_mode & 0777u;
    if (mode & 0400u) mode |= 0100u;
    if (mode & 0040u) mode |= 0010u;
    if (mode & 0004u) mode |= 0001u;
    return mode;
}

} // namespace algocore
