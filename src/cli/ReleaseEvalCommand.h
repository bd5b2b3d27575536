#pragma once
// algoscope-cli release-eval as a function, so tests can run it on a database they recorded.
#include <iosfwd>

#include "StudySource.h"
#include "algocore/analysis/ReleaseEvaluation.h"

namespace cli_release_eval {

struct Options {
    cli_study::StudySource study;
    double tolerance_s = algocore::analysis::kDefaultReleaseToleranceS;
    bool json = false;
};

/// Scores the release detector against the stored "release felt" marks of every hold:
/// per hold and overall, as text or JSON lines on out. Returns the exit status: 0, or 2 with
/// a sentence on err (bad argument, no database, unreadable study).
int run(const Options& options, std::ostream& out, std::ostream& err);

} // namespace cli_release_eval
