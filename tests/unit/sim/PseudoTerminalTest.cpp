#include "algosim/PseudoTerminal.h"

#include <gtest/gtest.h>

#include <array>
#include <cerrno>
#include <fcntl.h>
#include <filesystem>
#include <poll.h>
#include <string>
#include <termios.h>
#include <unistd.h>
#include <vector>

namespace {

using algosim::PortIoStatus;
using algosim::PseudoTerminal;

// The host side: open the slave like a serial port, in raw mode.
int open_host_side(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK);
    if (fd >= 0) {
        termios attributes{};
        ::tcgetattr(fd, &attributes);
        ::cfmakeraw(&attributes);
        ::tcsetattr(fd, TCSANOW, &attributes);
    }
    return fd;
}

std::vector<std::uint8_t> read_host(int fd, std::size_t wanted, int max_polls = 50) {
    std::vector<std::uint8_t> got;
    std::array<std::uint8_t, 256> buffer{};
    for (int polls = 0; polls < max_polls && got.size() < wanted; ++polls) {
        pollfd entry{fd, POLLIN, 0};
        if (::poll(&entry, 1, 20) <= 0) continue;
        const ssize_t n = ::read(fd, buffer.data(), buffer.size());
        if (n <= 0) break;
        got.insert(got.end(), buffer.begin(), buffer.begin() + n);
    }
    return got;
}

TEST(PseudoTerminal, BytesWrittenByTheDeviceReachTheHostUnchanged) {
    auto opened = PseudoTerminal::open();
    ASSERT_TRUE(opened.port) << opened.error;
    const int host = open_host_side(opened.port->device_path());
    ASSERT_GE(host, 0);
    // Includes 0x00, CR, LF and 0xFF: raw mode must not translate or swallow any of them.
    const std::vector<std::uint8_t> sent{0x00, 0x0D, 0x0A, 0xFF, 0x03, 0x11, 0x13, 0x7F};
    const auto written = opened.port->write(sent);
    ASSERT_EQ(written.status, PortIoStatus::Ok);
    EXPECT_EQ(written.bytes, sent.size());
    EXPECT_EQ(read_host(host, sent.size()), sent);
    ::close(host);
}

TEST(PseudoTerminal, BytesWrittenByTheHostReachTheDeviceWithoutEcho) {
    auto opened = PseudoTerminal::open();
    ASSERT_TRUE(opened.port) << opened.error;
    const int host = open_host_side(opened.port->device_path());
    ASSERT_GE(host, 0);
    const std::array<std::uint8_t, 4> sent{0x00, 0x0D, 0x41, 0xFE};
    ASSERT_EQ(::write(host, sent.data(), sent.size()), 4);
    ASSERT_TRUE(opened.port->wait_readable(std::chrono::milliseconds(500)));
    std::array<std::uint8_t, 16> buffer{};
    const auto got = opened.port->read(buffer);
    ASSERT_EQ(got.status, PortIoStatus::Ok);
    ASSERT_EQ(got.bytes, sent.size());
    EXPECT_TRUE(std::equal(sent.begin(), sent.end(), buffer.begin()));
    // Nothing must come back to the host (no echo).
    EXPECT_TRUE(read_host(host, 1, 3).empty());
    ::close(host);
}

TEST(PseudoTerminal, ReadWithNothingPendingDoesNotBlock) {
    auto opened = PseudoTerminal::open();
    ASSERT_TRUE(opened.port) << opened.error;
    std::array<std::uint8_t, 16> buffer{};
    EXPECT_EQ(opened.port->read(buffer).status, PortIoStatus::WouldBlock);
    EXPECT_FALSE(opened.port->wait_readable(std::chrono::milliseconds(0)));
}

TEST(PseudoTerminal, WritesBackUpWhenTheHostDoesNotRead) {
    auto opened = PseudoTerminal::open();
    ASSERT_TRUE(opened.port) << opened.error;
    std::vector<std::uint8_t> block(4096, 0x55);
    std::size_t accepted = 0;
    PortIoStatus last = PortIoStatus::Ok;
    for (int i = 0; i < 1000 && last == PortIoStatus::Ok; ++i) {
        const auto result = opened.port->write(block);
        last = result.status;
        accepted += result.bytes;
    }
    EXPECT_EQ(last, PortIoStatus::WouldBlock);
    EXPECT_GT(accepted, 0u);
    EXPECT_LT(accepted, 1000u * block.size());
}

TEST(PseudoTerminal, LinkPointsAtTheSlaveAndIsRemovedOnClose) {
    const auto link = std::filesystem::temp_directory_path() /
                      ("algosim-link-test-" + std::to_string(::getpid()));
    auto opened = PseudoTerminal::open(link.string());
    ASSERT_TRUE(opened.port) << opened.error;
    EXPECT_EQ(opened.port->device_path(), link.string());
    EXPECT_EQ(std::filesystem::read_symlink(link).string(), opened.port->os_device_path());
    opened.port->close();
    EXPECT_FALSE(opened.port->is_open());
    EXPECT_FALSE(std::filesystem::is_symlink(link));
}

TEST(PseudoTerminal, RefusesToReplaceARegularFileWithTheLink) {
    const auto path = std::filesystem::temp_directory_path() /
                      ("algosim-regular-file-" + std::to_string(::getpid()));
    {
        FILE* file = std::fopen(path.c_str(), "w");
        ASSERT_NE(file, nullptr);
        std::fclose(file);
    }
    auto opened = PseudoTerminal::open(path.string());
    EXPECT_FALSE(opened.port);
    EXPECT_NE(opened.error.find("not a symlink"), std::string::npos) << opened.error;
    std::filesystem::remove(path);
}

TEST(PseudoTerminal, HostSeesTheDeviceVanishWhenClosed) {
    auto opened = PseudoTerminal::open();
    ASSERT_TRUE(opened.port) << opened.error;
    const int host = open_host_side(opened.port->device_path());
    ASSERT_GE(host, 0);
    opened.port->close();
    pollfd entry{host, POLLIN, 0};
    ASSERT_EQ(::poll(&entry, 1, 500), 1);
    EXPECT_NE(entry.revents & (POLLHUP | POLLERR), 0);
    std::array<std::uint8_t, 8> buffer{};
    const ssize_t n = ::read(host, buffer.data(), buffer.size());
    EXPECT_TRUE(n == 0 || (n < 0 && errno == EIO));
    ::close(host);
    EXPECT_EQ(opened.port->write(buffer).status, PortIoStatus::Closed);
}

} // namespace
