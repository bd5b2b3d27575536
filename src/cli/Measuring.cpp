#include "Measuring.h"

#include <chrono>
#include <cmath>
#include <iostream>
#include <thread>

#include "algocal/ProbeArea.h"
#include "algocore/records/Records.h"

namespace cli_measuring {

namespace {
constexpr std::size_t kQuoteLimit = 200;
} // namespace

std::string quoted(const std::string& text) {
    std::string out = "'";
    for (std::size_t i = 0; i < text.size() && i < kQuoteLimit; ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c == 0x7f) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02x", c);
            out += hex;
        } else {
            out += static_cast<char>(c);
        }
    }
    if (text.size() > kQuoteLimit) out += "...";
    return out + "'";
}

void add_common_options(CLI::App* cmd, Common& c, bool with_point) {
    cmd->add_option("--port", c.port, "Serial port of the algometer")->required();
    cmd->add_option("--driver", c.driver, "Device dialect (default auto)");
    cmd->add_option("--db", c.db, "Database file (created if missing)")->required();
    cmd->add_option("--subject", c.subject, "Pseudonymous subject code")->required();
    cmd->add_option("--operator", c.operator_name, "Who measures (stored with the session)");
    if (with_point) {
        cmd->add_option("--site", c.site, "Site key or name (upper_trapezius, ...)")->required();
        cmd->add_option("--side", c.side, "L, R (or M for midline sites)")->required();
    }
    cmd->add_option("--probe-cm2,--probe-area", c.probe_cm2,
                    "Probe area, cm² (" + algocal::probe_area_range_text() + ", default 1)");
    cmd->add_option("--calibrations", c.calibrations,
                    "Calibration store; the device's active record is applied (default: factory)");
    cmd->add_option("--timeout", c.timeout_s, "Give up after this many seconds (default 600)");
}

void check_common(const Common& c, bool with_point) {
    if (c.subject.find_first_not_of(" \t") == std::string::npos)
        throw Failure{kExitBadArgument, "--subject must not be empty"};
    if (!algocal::probe_area_in_range(c.probe_cm2))
        throw Failure{kExitBadArgument, "--probe-cm2 must be " + algocal::probe_area_range_text()};
    if (!std::isfinite(c.timeout_s) || c.timeout_s <= 0.0)
        throw Failure{kExitBadArgument, "--timeout must be a number of seconds above 0"};
    if (with_point) {
        algocore::records::BodySide side{};
        if (!algocore::records::parse_side(c.side, side))
            throw Failure{kExitBadArgument, "--side must be L, R or M, not " + quoted(c.side)};
    }
}

algocore::records::Site prepare(algocore::session::Workbench& wb, const Common& c,
                                const std::string& role, bool with_point) {
    // Before any measuring: a database that cannot be written is said now, not after a trial.
    if (std::string problem = wb.open_database(c.db); !problem.empty())
        throw Failure{kExitNotStored, problem};
    algocore::records::Site site;
    if (with_point) {
        bool found = false;
        std::string known;
        for (const auto& s : wb.sites()) {
            known += (known.empty() ? "" : ", ") + s.key;
            std::string a = s.name, b = c.site;
            for (auto& ch : a)
                ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            for (auto& ch : b)
                ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            if (s.key == c.site || a == b) {
                site = s;
                found = true;
            }
        }
        if (!found)
            throw Failure{kExitBadArgument,
                          "unknown site " + quoted(c.site) + "; known sites: " + known};
    }
    wb.set_probe_area_cm2(c.probe_cm2);
    algocore::session::Visit visit;
    visit.subject_code = c.subject;
    visit.operator_name = c.operator_name;
    visit.operator_role = role;
    visit.probe_cm2 = c.probe_cm2;
    if (std::string problem = wb.begin_visit(visit); !problem.empty())
        throw Failure{kExitBadArgument, problem};
    return site;
}

void fail_not_stored(algocore::session::Workbench& wb, const std::string& what) {
    if (wb.close_database() == 0)
        throw Failure{kExitNotStored, what + "; it was committed while the database closed"};
    throw Failure{kExitNotStored, what + "; " + wb.unwritten_message()};
}

void close_or_fail(algocore::session::Workbench& wb) {
    if (wb.close_database() == 0) return;
    throw Failure{kExitNotStored, wb.unwritten_message()};
}

void connect_device(algocore::session::Workbench& wb, const Common& c) {
    algocore::AcquisitionConfig config;
    config.port = c.port;
    config.driver = c.driver;
    std::string error;
    if (!wb.connect(std::move(config), &error)) throw Failure{kExitDevice, error};
}

FrameSource device_frames() {
    return [](algocore::session::Workbench& wb) {
        const auto& frame = wb.poll();
        for (const auto& notice : wb.take_notices())
            std::cerr << "algoscope-cli: " << notice.text << "\n";
        for (const auto& event : wb.take_link_events()) {
            if (event.kind == algocore::LinkEvent::Kind::Disconnected)
                std::cerr << "algoscope-cli: device disconnected: " << event.message << "\n";
        }
        if (frame.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
        return true;
    };
}

void run_guarded(const std::string& name, const std::function<void()>& f) {
    try {
        f();
    } catch (const Failure& failure) {
        std::cerr << "algoscope-cli " << name << ": " << failure.message << "\n";
        throw CLI::RuntimeError(failure.code);
    }
}

} // namespace cli_measuring
