#pragma once
// Which trials at a point of this visit are in a superseded series: the threshold rule
// (protocols/ThresholdSeries.h) applied to PptSession's rows, as the storage applies it to
// the stored trials. The Thresholds page marks those rows "earlier series"; they never count.
#include <string>
#include <vector>

#include "algocore/session/PptSession.h"

namespace algocore::session {

/// Per row of one point (PptSession::rows(), in order): true when its series is not the one
/// that makes the point's threshold. preset_name: the preset the series ran under
/// (PptSession gives its current preset for every series at the point: were the preset
/// changed between two series at one point in one visit, the stored trials' own would differ).
std::vector<bool> superseded_rows(const std::vector<PptTrialRow>& rows,
                                  const std::string& preset_name);

} // namespace algocore::session
