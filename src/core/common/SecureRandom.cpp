#include "SecureRandom.h"

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

#if defined(__linux__)
#include <sys/random.h>
#elif defined(__APPLE__) || defined(__FreeBSD__) || defined(__OpenBSD__) || defined(__NetBSD__)
#include <cstdlib>
#else
#include <random>
#endif

namespace algocore {

void secure_random_bytes(std::uint8_t* buffer, std::size_t size) {
#if defined(__linux__)
    std::size_t done = 0;
    while (done < size) {
        const ssize_t got = ::getrandom(buffer + done, size - done, 0);
        if (got < 0) {
            if (errno == EINTR) continue;
            throw std::runtime_error(std::string("no secure random source: getrandom: ") +
                                     std::strerror(errno));
        }
        done += static_cast<std::size_t>(got);
    }
#elif defined(__APPLE__) || defined(__FreeBSD__) || defined(__OpenBSD__) || defined(__NetBSD__)
    ::arc4random_buf(buffer, size);
#else
    // MSVC's and MinGW-w64's random_device draw from the system's secure generator.
    std::random_device device;
    for (std::size_t i = 0; i < size; ++i)
        buffer[i] = static_cast<std::uint8_t>(device());
#endif
}

} // namespace algocore
