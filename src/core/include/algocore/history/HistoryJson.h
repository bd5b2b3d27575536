#pragma once
// A subject's history as JSON (algoscope-cli history --json): every session, every point's
// thresholds over the sessions with SD, MDC (and where it came from) and change verdicts, the
// left/right differences, every hold's dose and each point's trigger-point findings per visit.
// Pressures are kPa, named *_kpa.
#include <ostream>

#include "algocore/history/SubjectHistory.h"

namespace algocore::history {

/// Writes the history as one JSON document (two-space indent).
void write_history_json(const SubjectHistory& history, std::ostream& out);

} // namespace algocore::history
