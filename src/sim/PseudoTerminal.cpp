#include "algosim/PseudoTerminal.h"

#include <cerrno>
#include <climits>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

namespace algosim {
namespace {

std::string os_error(const char* what) {
    return std::string(what) + ": " + std::strerror(errno);
}

// Point link_path at target atomically (symlink to a temporary name, then rename over), so a
// host polling the link never sees it missing while the simulator reconnects.
std::string make_link(const std::string& link_path, const std::string& target) {
    struct stat existing {};
    if (::lstat(link_path.c_str(), &existing) == 0 && !S_ISLNK(existing.st_mode)) {
        return "--link " + link_path + ": a file that is not a symlink already exists there";
    }
    const std::string temporary = link_path + ".tmp" + std::to_string(::getpid());
    ::unlink(temporary.c_str());
    if (::symlink(target.c_str(), temporary.c_str()) != 0) {
        return os_error(("cannot create symlink " + link_path).c_str());
    }
    if (::rename(temporary.c_str(), link_path.c_str()) != 0) {
        const std::string message = os_error(("cannot create symlink " + link_path).c_str());
        ::unlink(temporary.c_str());
        return message;
    }
    return {};
}

// Remove the link only if it still points at our slave: a newer simulator may own it now.
void remove_link_if_ours(const std::string& link_path, const std::string& target) {
    char buffer[PATH_MAX] = {};
    const ssize_t length = ::readlink(link_path.c_str(), buffer, sizeof buffer - 1);
    if (length > 0 && target == std::string(buffer, static_cast<std::size_t>(length))) {
        ::unlink(link_path.c_str());
    }
}

} // namespace

OpenPortResult open_virtual_serial_port(const std::string& link_path) {
    return PseudoTerminal::open(link_path);
}

OpenPortResult PseudoTerminal::open(const std::string& link_path) {
    OpenPortResult result;
    const int master = ::posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0) {
        result.error = os_error("posix_openpt");
        return result;
    }
    char name[128] = {};
    if (::grantpt(master) != 0 || ::unlockpt(master) != 0 ||
        ::ptsname_r(master, name, sizeof name) != 0) {
        result.error = os_error("cannot unlock the pseudo-terminal");
        ::close(master);
        return result;
    }
    // Keep one slave descriptor open ourselves: without it the master reads EIO whenever no
    // host has the port open, and bytes written before the host opens would be lost. With it
    // the pty buffers like a UART FIFO and fills up when the host does not read.
    const int slave = ::open(name, O_RDWR | O_NOCTTY | O_NONBLOCK);
    if (slave < 0) {
        result.error = os_error("cannot open the pseudo-terminal slave");
        ::close(master);
        return result;
    }
    // Raw mode: no echo, no line editing, no CR/LF translation, 8 data bits.
    termios attributes{};
    if (::tcgetattr(slave, &attributes) != 0) {
        result.error = os_error("tcgetattr");
        ::close(slave);
        ::close(master);
        return result;
    }
    ::cfmakeraw(&attributes);
    attributes.c_cc[VMIN] = 1;
    attributes.c_cc[VTIME] = 0;
    if (::tcsetattr(slave, TCSANOW, &attributes) != 0) {
        result.error = os_error("tcsetattr");
        ::close(slave);
        ::close(master);
        return result;
    }
    const int flags = ::fcntl(master, F_GETFL);
    if (flags < 0 || ::fcntl(master, F_SETFL, flags | O_NONBLOCK) != 0) {
        result.error = os_error("cannot make the pseudo-terminal non-blocking");
        ::close(slave);
        ::close(master);
        return result;
    }
    if (!link_path.empty()) {
        result.error = make_link(link_path, name);
        if (!result.error.empty()) {
            ::close(slave);
            ::close(master);
            return result;
        }
    }
    result.port.reset(new PseudoTerminal(master, slave, name, link_path));
    return result;
}

PseudoTerminal::PseudoTerminal(int master_fd, int slave_keepalive_fd, std::string slave_path,
                               std::string link_path)
    : master_fd_(master_fd), slave_keepalive_fd_(slave_keepalive_fd),
      slave_path_(std::move(slave_path)), link_path_(std::move(link_path)) {}

PseudoTerminal::~PseudoTerminal() {
    close();
}

std::string PseudoTerminal::device_path() const {
    return link_path_.empty() ? slave_path_ : link_path_;
}

PortIoResult PseudoTerminal::read(std::span<std::uint8_t> into) {
    if (master_fd_ < 0) return {PortIoStatus::Closed, 0, "closed"};
    if (into.empty()) return {PortIoStatus::Ok, 0, {}};
    const ssize_t n = ::read(master_fd_, into.data(), into.size());
    if (n > 0) return {PortIoStatus::Ok, static_cast<std::size_t>(n), {}};
    if (n == 0 || errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
        return {PortIoStatus::WouldBlock, 0, {}};
    }
    return {PortIoStatus::Error, 0, os_error("pty read")};
}

PortIoResult PseudoTerminal::write(std::span<const std::uint8_t> bytes) {
    if (master_fd_ < 0) return {PortIoStatus::Closed, 0, "closed"};
    if (bytes.empty()) return {PortIoStatus::Ok, 0, {}};
    const ssize_t n = ::write(master_fd_, bytes.data(), bytes.size());
    if (n >= 0) return {PortIoStatus::Ok, static_cast<std::size_t>(n), {}};
    if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
        return {PortIoStatus::WouldBlock, 0, {}};
    }
    return {PortIoStatus::Error, 0, os_error("pty write")};
}

bool PseudoTerminal::wait_readable(std::chrono::milliseconds timeout) {
    if (master_fd_ < 0) return false;
    pollfd entry{master_fd_, POLLIN, 0};
    const int ready = ::poll(&entry, 1, static_cast<int>(timeout.count()));
    return ready > 0 && (entry.revents & POLLIN) != 0;
}

void PseudoTerminal::close() {
    if (master_fd_ < 0) return;
    if (!link_path_.empty()) remove_link_if_ours(link_path_, slave_path_);
    ::close(slave_keepalive_fd_);
    ::close(master_fd_);
    slave_keepalive_fd_ = -1;
    master_fd_ = -1;
}

} // namespace algosim
