#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string_view>
#include <system_error>

#include "algocore/acquisition/PortDiscovery.h"

namespace algocore {
namespace {

namespace fs = std::filesystem;

// How many directories above a tty's sysfs device the USB device (with idVendor) may sit:
// ttyUSB → usb-serial port → interface → device; ttyACM → interface → device.
constexpr int kMaxUsbAncestorHops = 4;

struct TtyFamily {
    std::string_view prefix;
    std::string_view kind;
};
constexpr std::array<TtyFamily, 4> kFamilies = {{
    {"ttyUSB", "usb-serial"},
    {"ttyACM", "usb-acm"},
    {"ttyAMA", "uart"},
    {"ttyS", "uart"},
}};

std::string read_attribute(const fs::path& file) {
    std::ifstream in(file);
    std::string line;
    if (!in || !std::getline(in, line)) return {};
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r' || line.back() == ' '))
        line.pop_back();
    return line;
}

std::optional<std::uint16_t> read_hex16(const fs::path& file) {
    const std::string text = read_attribute(file);
    if (text.empty() || text.size() > 4) return std::nullopt;
    unsigned value = 0;
    for (char c : text) {
        value <<= 4;
        if (c >= '0' && c <= '9')
            value |= static_cast<unsigned>(c - '0');
        else if (c >= 'a' && c <= 'f')
            value |= static_cast<unsigned>(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            value |= static_cast<unsigned>(c - 'A' + 10);
        else
            return std::nullopt;
    }
    return static_cast<std::uint16_t>(value);
}

// by-id links keyed by the device node they resolve to.
std::map<std::string, std::string> by_id_links(const std::string& by_id_dir) {
    std::map<std::string, std::string> out;
    std::error_code ec;
    for (fs::directory_iterator it(by_id_dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code link_ec;
        const fs::path target = fs::canonical(it->path(), link_ec);
        if (!link_ec) out.emplace(target.filename().string(), it->path().string());
    }
    return out;
}

// Fill USB and driver details from /sys/class/tty/<name>/device.
void describe_from_sysfs(const fs::path& tty_dir, PortInfo& info) {
    std::error_code ec;
    const fs::path device = fs::canonical(tty_dir / "device", ec);
    if (ec) return;
    const fs::path driver = fs::canonical(device / "driver", ec);
    if (!ec) info.driver = driver.filename().string();
    fs::path dir = device;
    for (int hop = 0; hop < kMaxUsbAncestorHops && !dir.empty(); ++hop) {
        if (fs::exists(dir / "idVendor", ec)) {
            info.usb_vid = read_hex16(dir / "idVendor");
            info.usb_pid = read_hex16(dir / "idProduct");
            info.manufacturer = read_attribute(dir / "manufacturer");
            info.product = read_attribute(dir / "product");
            info.serial_number = read_attribute(dir / "serial");
            return;
        }
        if (dir == dir.parent_path()) break;
        dir = dir.parent_path();
    }
}

// The kernel creates ttyS0..31 whether or not a UART exists; sysfs "type" 0 means none.
bool is_real_uart(const fs::path& tty_dir) {
    const std::string type = read_attribute(tty_dir / "type");
    return !type.empty() && type != "0";
}

} // namespace

std::string PortInfo::vid_pid() const {
    if (!usb_vid || !usb_pid) return {};
    char text[16];
    std::snprintf(text, sizeof text, "%04x:%04x", *usb_vid, *usb_pid);
    return text;
}

std::string PortInfo::description() const {
    std::string text = product;
    if (text.empty()) text = kind == "uart" ? "serial port" : kind;
    std::string details = manufacturer;
    const std::string ids = vid_pid();
    if (!ids.empty()) details += (details.empty() ? "" : ", ") + ids;
    if (details.empty() && !driver.empty()) details = driver;
    if (!details.empty()) text += " (" + details + ")";
    return text;
}

PosixPortDiscovery::PosixPortDiscovery(PosixPortRoots roots) : roots_(std::move(roots)) {}

std::vector<PortInfo> PosixPortDiscovery::list_ports() const {
    std::vector<PortInfo> ports;
    const auto stable_names = by_id_links(roots_.by_id_dir);
    std::error_code ec;
    for (fs::directory_iterator it(roots_.sys_class_tty, ec), end; !ec && it != end;
         it.increment(ec)) {
        const std::string name = it->path().filename().string();
        const auto family = std::find_if(kFamilies.begin(), kFamilies.end(), [&](const auto& f) {
            return name.size() > f.prefix.size() && name.compare(0, f.prefix.size(), f.prefix) == 0;
        });
        if (family == kFamilies.end()) continue;
        if (family->prefix == "ttyS" && !is_real_uart(it->path())) continue;
        const fs::path node = fs::path(roots_.dev_dir) / name;
        std::error_code exists_ec;
        if (!fs::exists(node, exists_ec)) continue;

        PortInfo info;
        info.device_path = node.string();
        info.kind = std::string(family->kind);
        const auto stable = stable_names.find(name);
        if (stable != stable_names.end()) info.by_id_path = stable->second;
        info.path = info.by_id_path.empty() ? info.device_path : info.by_id_path;
        describe_from_sysfs(it->path(), info);
        ports.push_back(std::move(info));
    }
    std::sort(ports.begin(), ports.end(),
              [](const PortInfo& a, const PortInfo& b) { return a.path < b.path; });
    return ports;
}

} // namespace algocore
