#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "PrivatePlace.h"

namespace algocore::storage {

std::string user_tag() {
    return "uid" + std::to_string(::geteuid());
}

std::string ensure_private_folder(const std::string& folder) {
    if (::mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST)
        return "cannot create " + folder + ": " + std::strerror(errno);
    // Checked on the folder itself, never through a link: a name in the temporary folder may
    // have been prepared by another user before we came.
    struct stat st {};
    if (::lstat(folder.c_str(), &st) != 0)
        return "cannot check " + folder + ": " + std::strerror(errno);
    if (S_ISLNK(st.st_mode)) return folder + " is a symbolic link; not used";
    if (!S_ISDIR(st.st_mode)) return folder + " is not a folder; not used";
    if (st.st_uid != ::geteuid())
        return folder + " belongs to another user (uid " + std::to_string(st.st_uid) +
               "); not used";
    if ((st.st_mode & 0077) != 0) return folder + " is open to other users; not used";
    return {};
}

std::string make_unique_private_folder(const std::string& stem, std::string& error) {
    std::vector<char> name(stem.begin(), stem.end());
    for (char c : std::string("-XXXXXX"))
        name.push_back(c);
    name.push_back('\0');
    if (::mkdtemp(name.data()) == nullptr) {
        error = "cannot create a private folder " + stem + "-*: " + std::strerror(errno);
        return {};
    }
    return name.data();
}

FileCreation create_private_file(const std::string& path, std::string& error) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST) return FileCreation::NameTaken;
        error = "cannot create " + path + ": " + std::strerror(errno);
        return FileCreation::Failed;
    }
    // The umask may only narrow the mode; make it exactly owner read and write.
    const bool exact = ::fchmod(fd, 0600) == 0;
    if (!exact) error = "cannot make " + path + " private: " + std::strerror(errno);
    ::close(fd);
    return exact ? FileCreation::Created : FileCreation::Failed;
}

} // namespace algocore::storage
