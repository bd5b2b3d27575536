#pragma once
// What a point's threshold is within one visit: the one home of that rule (docs/data-model.md,
// "A point's threshold in a visit"). The storage's threshold queries and every read of trials
// (history, report, exports, Treatment's thresholds, the shared study), and the Thresholds
// page's summary through PptSession, all go through it, so every screen shows one number.
//
// - A visit's trials at a point (one session, site, side and measure), in the order they were
//   recorded, form series: a series begins with a trial that has no rest before it (the first
//   trial of a series has none; every later one has its measured rest, short or not). A trial
//   aborted before its ramp (stored by versions before 2026-12: outcome "aborted", no rest,
//   no pressure) stays in the series it interrupted. A point whose trials carry no rest at all
//   (stored before schema 3, or made elsewhere) is one series, as it was counted then.
// - One series makes the point's threshold: the latest complete series, else (none complete)
//   the latest series with a counted trial. A series is complete with as many counted trials
//   as its preset asks for (dfns, fischer, tolerance); a custom preset's number is not stored,
//   so for it the most counted trials any series at the point reached stands in.
// - Every other series there (abandoned, or replaced by a later one) is superseded: kept,
//   stored and shown, never counted (read back with Trial::counted false; the stored column
//   keeps the protocol's decision): never pooled into the mean, never a comparison baseline.
#include <cstddef>
#include <vector>

#include "algocore/records/Records.h"

namespace algocore::protocols {

/// The series at one point of one session and the one that makes the threshold.
struct SeriesAtPoint {
    /// Each series' trials (indices into the list given), oldest series first.
    std::vector<std::vector<std::size_t>> series;
    int counting = -1; ///< index into series of the one that counts; -1 when none has a count
};

/// Splits one point's trials of one session (in recorded order) into series and chooses the
/// one that counts. Reads each trial's rest_s, counted, outcome, peak_kpa and preset.
SeriesAtPoint series_at_point(const std::vector<records::Trial>& trials);

/// Applies the rule to trials of any sessions and points (each point's trials in recorded
/// order, as storage reads them by id): a trial outside its point's counting series stops
/// counting (Trial::counted false).
void apply_threshold_rule(std::vector<records::Trial>& trials);

} // namespace algocore::protocols
