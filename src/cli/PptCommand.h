#pragma once
// algoscope-cli ppt as a function, so tests can drive it with scripted frames and compare what
// it stores with what the Thresholds page stores.
#include <iosfwd>
#include <string>

#include "Measuring.h"

namespace cli_ppt {

struct Options {
    cli_measuring::Common common;
    std::string preset = "dfns";
    int trials = 0;   ///< 0 = the preset's
    bool json = true; ///< the output is always JSON lines (--json is accepted)
};

/// Runs a series at the point on wb: opens the database and begins the visit, then connect
/// (the device; none when frames are scripted), then measures; prints one JSON line per
/// committed trial and a summary line to out, notes to err. Throws cli_measuring::Failure.
void run(const Options& options, algocore::session::Workbench& wb,
         const cli_measuring::FrameSource& frames, const cli_measuring::Connect& connect,
         std::ostream& out, std::ostream& err);

} // namespace cli_ppt
