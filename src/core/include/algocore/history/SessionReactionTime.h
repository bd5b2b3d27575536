#pragma once
// The one rule for which reaction time a session's thresholds are adjusted with: the median of
// the subject's latest complete reaction-time test stored with that session or an earlier one
// (a reaction time measured at an earlier visit still describes the subject; one measured
// later is not used for an earlier visit). Incomplete tests and tests without a median are
// never used. The Thresholds page, `ppt --json`, history, the report and the exports ask here.
#include <optional>
#include <vector>

#include "algocore/history/HistoryEntries.h"
#include "algocore/records/ReactionRecords.h"
#include "algocore/records/Records.h"

namespace algocore::history {

/// The test that applies to session_id (kNoRecord: a session being recorded now, after every
/// stored one) among tests of the subject's sessions; sessions gives their order. Null when
/// none applies.
const records::ReactionTest* reaction_test_for(const std::vector<records::ReactionTest>& tests,
                                               const std::vector<records::Session>& sessions,
                                               records::RecordId session_id);

/// The median of reaction_test_for(), or nullopt.
std::optional<double> reaction_ms_for(const std::vector<records::ReactionTest>& tests,
                                      const std::vector<records::Session>& sessions,
                                      records::RecordId session_id);

/// A point's RT-adjusted estimate in one visit: the mean of its counted trials' estimates
/// (those that have one), as History and the report show it; nullopt when none has one.
std::optional<double> mean_rt_adjusted_kpa(const PointVisit& visit);

} // namespace algocore::history
