#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "algocore/acquisition/PortDiscovery.h"
#include "algocore/acquisition/StablePortName.h"

namespace {

using namespace algocore;
namespace fs = std::filesystem;

void write_file(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text << "\n";
}

// A miniature /dev and /sys: an FTDI adapter (ttyUSB0, with a by-id link), a CDC-ACM board
// (ttyACM0, no by-id link), a real UART (ttyS0) and a placeholder UART (ttyS1, type 0).
class FakeSystem : public ::testing::Test {
protected:
    void SetUp() override {
        root = fs::temp_directory_path() / ("algoscope-ports-" + std::to_string(::getpid()));
        fs::remove_all(root);
        const fs::path dev = root / "dev";
        const fs::path sys = root / "sys";
        fs::create_directories(dev / "serial/by-id");
        for (const char* name : {"ttyUSB0", "ttyACM0", "ttyS0", "ttyS1", "tty0"})
            write_file(dev / name, "");
        fs::create_symlink("../../ttyUSB0", dev / "serial/by-id/usb-FTDI_FT232R_A10K-if00-port0");

        const fs::path ftdi = sys / "devices/usb1/1-1";
        write_file(ftdi / "idVendor", "0403");
        write_file(ftdi / "idProduct", "6001");
        write_file(ftdi / "manufacturer", "FTDI");
        write_file(ftdi / "product", "FT232R USB UART");
        write_file(ftdi / "serial", "A10K");
        fs::create_directories(ftdi / "1-1:1.0/ttyUSB0");
        fs::create_directories(sys / "bus/usb-serial/drivers/ftdi_sio");
        fs::create_symlink(sys / "bus/usb-serial/drivers/ftdi_sio",
                           ftdi / "1-1:1.0/ttyUSB0/driver");

        const fs::path acm = sys / "devices/usb1/1-2";
        write_file(acm / "idVendor", "2341");
        write_file(acm / "idProduct", "0043");
        write_file(acm / "product", "Arduino Uno");
        fs::create_directories(acm / "1-2:1.0");

        const fs::path tty = sys / "class/tty";
        fs::create_directories(tty / "ttyUSB0");
        fs::create_symlink(ftdi / "1-1:1.0/ttyUSB0", tty / "ttyUSB0/device");
        fs::create_directories(tty / "ttyACM0");
        fs::create_symlink(acm / "1-2:1.0", tty / "ttyACM0/device");
        write_file(tty / "ttyS0/type", "4");
        write_file(tty / "ttyS1/type", "0");
        fs::create_directories(tty / "tty0");

        roots.dev_dir = (dev).string();
        roots.by_id_dir = (dev / "serial/by-id").string();
        roots.sys_class_tty = (tty).string();
    }
    void TearDown() override { fs::remove_all(root); }

    fs::path root;
    PosixPortRoots roots;
};

TEST_F(FakeSystem, ListsUsbAcmAndRealUartsButNotPlaceholdersOrConsoles) {
    const auto ports = PosixPortDiscovery(roots).list_ports();
    std::vector<std::string> devices;
    for (const auto& p : ports)
        devices.push_back(fs::path(p.device_path).filename().string());
    std::sort(devices.begin(), devices.end());
    EXPECT_EQ(devices, (std::vector<std::string>{"ttyACM0", "ttyS0", "ttyUSB0"}));
}

TEST_F(FakeSystem, UsbAdapterIsNamedByItsByIdLinkWithVidPidAndDescription) {
    const auto ports = PosixPortDiscovery(roots).list_ports();
    const auto ftdi = std::find_if(ports.begin(), ports.end(), [](const PortInfo& p) {
        return p.device_path.ends_with("ttyUSB0");
    });
    ASSERT_NE(ftdi, ports.end());
    EXPECT_EQ(ftdi->path, roots.by_id_dir + "/usb-FTDI_FT232R_A10K-if00-port0");
    EXPECT_EQ(ftdi->vid_pid(), "0403:6001");
    EXPECT_EQ(ftdi->serial_number, "A10K");
    EXPECT_EQ(ftdi->driver, "ftdi_sio");
    EXPECT_EQ(ftdi->kind, "usb-serial");
    EXPECT_EQ(ftdi->description(), "FT232R USB UART (FTDI, 0403:6001)");
}

TEST_F(FakeSystem, AcmBoardWithoutByIdLinkKeepsItsDevicePath) {
    const auto ports = PosixPortDiscovery(roots).list_ports();
    const auto acm = std::find_if(ports.begin(), ports.end(), [](const PortInfo& p) {
        return p.device_path.ends_with("ttyACM0");
    });
    ASSERT_NE(acm, ports.end());
    EXPECT_EQ(acm->path, acm->device_path);
    EXPECT_EQ(acm->vid_pid(), "2341:0043");
    EXPECT_EQ(acm->description(), "Arduino Uno (2341:0043)");
}

TEST_F(FakeSystem, StableNameOfAKernelPathIsItsByIdLink) {
    EXPECT_EQ(find_stable_port_name(roots.dev_dir + "/ttyUSB0", roots.by_id_dir),
              roots.by_id_dir + "/usb-FTDI_FT232R_A10K-if00-port0");
    EXPECT_EQ(find_stable_port_name(roots.dev_dir + "/ttyACM0", roots.by_id_dir), "");
}

TEST(PortDiscovery, MissingSysfsGivesAnEmptyListNotAnError) {
    PosixPortRoots nowhere{"/nonexistent/dev", "/nonexistent/by-id", "/nonexistent/sys"};
    EXPECT_TRUE(PosixPortDiscovery(nowhere).list_ports().empty());
}

} // namespace
