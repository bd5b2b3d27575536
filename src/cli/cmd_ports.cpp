// `algoscope-cli ports [--json]`: the serial ports a device might be on, with stable names
// and USB identities, so the user can pick the right --port.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "algocore/acquisition/PortDiscovery.h"
#include "algoinput/JsonText.h"

namespace {

nlohmann::ordered_json port_json(const algocore::PortInfo& port) {
    nlohmann::ordered_json j;
    j["path"] = port.path;
    j["device_path"] = port.device_path;
    j["by_id_path"] = port.by_id_path.empty() ? nlohmann::ordered_json()
                                              : nlohmann::ordered_json(port.by_id_path);
    j["kind"] = port.kind;
    j["vid_pid"] =
        port.vid_pid().empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(port.vid_pid());
    j["manufacturer"] = port.manufacturer;
    j["product"] = port.product;
    j["serial_number"] = port.serial_number;
    j["driver"] = port.driver;
    j["description"] = port.description();
    return j;
}

} // namespace

void register_ports_command(CLI::App& app) {
    auto* cmd = app.add_subcommand("ports", "List serial ports (stable by-id names, USB VID:PID)");
    auto json = std::make_shared<bool>(false);
    cmd->add_flag("--json", *json, "Print a JSON array instead of a table");
    cmd->callback([json] {
        const algocore::PosixPortDiscovery discovery;
        const auto ports = discovery.list_ports();
        if (*json) {
            nlohmann::ordered_json all = nlohmann::ordered_json::array();
            for (const auto& port : ports)
                all.push_back(port_json(port));
            std::cout << algoinput::json_text(all, 2) << "\n";
            return;
        }
        if (ports.empty()) {
            std::cout << "no serial ports found (is the device plugged in and powered?)\n";
            return;
        }
        for (const auto& port : ports) {
            std::cout << port.path << "\n    " << port.description();
            if (!port.by_id_path.empty()) std::cout << " — " << port.device_path;
            std::cout << "\n";
        }
    });
}
