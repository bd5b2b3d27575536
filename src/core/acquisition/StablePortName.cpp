#include "algocore/acquisition/StablePortName.h"

#include <filesystem>
#include <system_error>

namespace algocore {

namespace fs = std::filesystem;

std::string find_stable_port_name(const std::string& port_path, const std::string& by_id_dir) {
    std::error_code ec;
    const fs::path dir(by_id_dir);
    if (fs::path(port_path).parent_path() == dir) return port_path;
    const fs::path target = fs::canonical(port_path, ec);
    if (ec) return {};
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code link_ec;
        if (fs::canonical(it->path(), link_ec) == target && !link_ec) return it->path().string();
    }
    return {};
}

bool port_node_exists(const std::string& path) {
    std::error_code ec;
    return fs::exists(path, ec);
}

} // namespace algocore
