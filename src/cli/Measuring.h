#pragma once
// What the measuring subcommands (ppt, hold, train) share: their common options, the
// workbench set-up (database checked writable before anything is measured, site, visit,
// device) and a frame source. The workflows themselves are algocore sessions; nothing here
// builds a record or judges a measurement.
#include <CLI/CLI.hpp>

#include <functional>
#include <iosfwd>
#include <string>

#include "algocore/session/Workbench.h"

namespace cli_measuring {

/// Exit codes of the measuring commands (also in their --help).
inline constexpr int kExitBadArgument = 2;
inline constexpr int kExitDevice = 3;
inline constexpr int kExitNotStored = 4;
inline constexpr int kExitTimedOut = 5;

/// The options every measuring command takes.
struct Common {
    std::string port;
    std::string driver = "auto";
    std::string db;
    std::string subject;
    std::string operator_name;
    std::string site;
    std::string side = "L";
    std::string calibrations; ///< calibration store root; empty = factory calibration
    double probe_cm2 = 1.0;
    double timeout_s = 600.0;
};

/// Registers the common options on cmd (site/side only when with_point).
void add_common_options(CLI::App* cmd, Common& common, bool with_point);

/// Thrown to end a command with a message and an exit code.
struct Failure {
    int code;
    std::string message;
};

/// Checks the common options (finite, in range, not empty); throws Failure.
void check_common(const Common& common, bool with_point);

/// Opens the database (writable, checked first), finds the site, begins the visit with the
/// operator's role; throws Failure. Returns the site (empty without with_point).
algocore::records::Site prepare(algocore::session::Workbench& wb, const Common& common,
                                const std::string& role, bool with_point);

/// Connects the device of --port; throws Failure (exit 3).
void connect_device(algocore::session::Workbench& wb, const Common& common);

/// Advances one frame: polls the device and waits a little when nothing arrived. Tests
/// replace it to feed scripted samples. Returns false when the source has ended.
using FrameSource = std::function<bool(algocore::session::Workbench&)>;
/// Connects the device once the database and visit are ready (empty: nothing to connect).
using Connect = std::function<void(algocore::session::Workbench&)>;
FrameSource device_frames();

/// Ends a command whose records could not all be committed: closes the database (what is
/// still unwritten goes to a rescue file) and throws Failure (exit 4) saying what was not
/// stored and where the rescue file is, with the command that imports it.
[[noreturn]] void fail_not_stored(algocore::session::Workbench& wb, const std::string& what);
/// Closes the database; fail_not_stored() when anything was left unwritten.
void close_or_fail(algocore::session::Workbench& wb);

/// Runs f; a Failure is printed as "algoscope-cli NAME: message" and becomes the exit code.
void run_guarded(const std::string& name, const std::function<void()>& f);

/// Bounded, escaped quotation of user input for error messages.
std::string quoted(const std::string& text);

} // namespace cli_measuring
