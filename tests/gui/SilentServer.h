#pragma once
// A server that never answers: a TCP port on 127.0.0.1 that accepts connections (the kernel
// completes them) and never says a word, as a PostgreSQL host that hangs mid-connect does.
// libpq waits there for its connect_timeout, so whoever calls it waits as long.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>

namespace algotest {

class SilentServer {
public:
    SilentServer() {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in at{};
        at.sin_family = AF_INET;
        at.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        at.sin_port = 0;
        socklen_t size = sizeof at;
        if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&at), sizeof at) != 0 ||
            ::listen(fd_, 64) != 0 ||
            ::getsockname(fd_, reinterpret_cast<sockaddr*>(&at), &size) != 0)
            return;
        port_ = ntohs(at.sin_port);
    }
    ~SilentServer() {
        if (fd_ >= 0) ::close(fd_);
    }
    SilentServer(const SilentServer&) = delete;
    SilentServer& operator=(const SilentServer&) = delete;

    /// 0 when no port could be opened.
    int port() const { return port_; }
    /// A shared-study address on it; libpq gives up after `timeout_s` (2 at least).
    std::string address(int timeout_s) const {
        return "postgresql://teacher@127.0.0.1:" + std::to_string(port_) +
               "/study?connect_timeout=" + std::to_string(timeout_s);
    }

private:
    int fd_ = -1;
    int port_ = 0;
};

} // namespace algotest
