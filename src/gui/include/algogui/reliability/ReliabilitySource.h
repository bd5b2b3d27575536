#pragma once
// Where the Reliability page gets its data: it asks for tidy rows (site, side, raters) and is
// answered later, from any thread, so storage never blocks the GUI thread. The lead can wire
// any back end (a worker over SQLite today, a targeted query later) behind this one function.
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "algocore/analysis/ReliabilityTable.h"
#include "algocore/analysis/StudyReliabilityRows.h"

namespace algogui {

/// What the page asks for. An empty site_key asks only for the list of sites.
struct ReliabilityRequest {
    algocore::analysis::StudyReliabilityQuery query;
};

/// A site the source has data for: key and display name.
struct ReliabilitySite {
    std::string key;
    std::string name;
};

/// The answer: rows (kPa), the sites to choose from, and where the data came from.
struct ReliabilityAnswer {
    std::vector<algocore::analysis::TidyRow> rows;
    std::vector<ReliabilitySite> sites;
    std::string source; ///< e.g. the database file; goes into the MDC provenance
    std::string error;  ///< when no rows could be had
};

/// Called once per request, on any thread.
using ReliabilityAnswerHandler = std::function<void(ReliabilityAnswer)>;
/// Starts answering a request and returns at once.
using ReliabilitySource = std::function<void(const ReliabilityRequest&, ReliabilityAnswerHandler)>;

} // namespace algogui
