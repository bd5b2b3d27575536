#pragma once
// algoscope-cli rt as a function, so tests can drive it on the simulator and compare what it
// prints with what it stored.
#include <cstdint>
#include <iosfwd>
#include <optional>

#include "Measuring.h"

namespace cli_rt {

struct Options {
    cli_measuring::Common common;
    int trials = 10; ///< counted answers
    /// Seed of the random cue intervals (--seed); none: a new one from the clock per test.
    std::optional<std::uint64_t> seed;
    bool json = true; ///< the output is always JSON lines (--json is accepted)
};

/// Runs a reaction-time test of the subject on wb (algocore's ReactionTimeSession): opens the
/// database and begins the visit, connects, waits for the device to say whether it gives
/// cues, runs the test; prints one JSON line per cue and a last line with the result once it
/// is committed. Throws cli_measuring::Failure.
void run(const Options& options, algocore::session::Workbench& wb,
         const cli_measuring::FrameSource& frames, const cli_measuring::Connect& connect,
         std::ostream& out, std::ostream& err);

} // namespace cli_rt
