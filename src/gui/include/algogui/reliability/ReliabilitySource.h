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
#include "algocore/session/ReliabilitySession.h"

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

/// The answer: the readings asked for (kPa, with their origin, as the reliability session
/// takes them) and the sites to choose from.
struct ReliabilityAnswer {
    algocore::session::ReliabilityData data;
    std::vector<ReliabilitySite> sites;
    std::string error; ///< when nothing could be read (no database, unreadable file)
};

/// Called once per request, on any thread.
using ReliabilityAnswerHandler = std::function<void(ReliabilityAnswer)>;
/// Starts answering a request and returns at once.
using ReliabilitySource = std::function<void(const ReliabilityRequest&, ReliabilityAnswerHandler)>;

} // namespace algogui
