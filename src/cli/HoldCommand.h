#pragma once
// algoscope-cli hold as a function, so tests can drive it with scripted frames and compare
// what it stores with what the Treatment page stores.
#include <iosfwd>
#include <string>

#include "Measuring.h"

namespace cli_hold {

struct Options {
    cli_measuring::Common common;
    std::string band;
    std::string prescription;
    bool relative_to_ppt = false;
    double duration_s = 0.0;
    double limit_kpa = 0.0;
    int pain = -1;
    bool json = true; ///< the output is always JSON lines (--json is accepted)
};

/// Runs the prescribed hold (or set) at the point on wb: opens the database and begins the
/// visit, reads the point's thresholds, connects (none when frames are scripted), holds;
/// prints one JSON line per stored hold to out, prompts to err. Throws cli_measuring::Failure.
void run(const Options& options, algocore::session::Workbench& wb,
         const cli_measuring::FrameSource& frames, const cli_measuring::Connect& connect,
         std::ostream& out, std::ostream& err);

} // namespace cli_hold
