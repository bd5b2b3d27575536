#pragma once
// A subject's reaction-time test as it is stored with the session: every cue and the press
// that answered it, the median and interquartile range of the counted answers, who gave the
// cue and the timing uncertainty that follows from it (session::ReactionTimeSession runs the
// test; the Recorder builds this record).
#include <optional>
#include <string>
#include <vector>

#include "algocore/records/Records.h"

namespace algocore::records {

/// One line of a stored test: a cue and the press that answered it (either may be missing:
/// a false start has no cue, a miss no press). Times are on the cue's clock: the device's
/// for a device cue, the session clock for a host cue.
struct ReactionCueRecord {
    int number = 0;      ///< 1-based over the test's lines
    std::string outcome; ///< "practice", "counted", "anticipation", "false_start", "missed"
    std::optional<double> cue_t_s;
    std::optional<double> press_t_s;
    std::optional<double> reaction_ms; ///< press − cue
    std::string uuid = {};             ///< global identity, see RecordId
};

/// One reaction-time test of a session's subject.
struct ReactionTest {
    RecordId id = kNoRecord;
    RecordId session_id = kNoRecord;
    std::string tested_utc; ///< when the test ended (ISO 8601 UTC)
    std::string cue_source; ///< "device" or "host"
    int trials = 0;         ///< counted answers the test asked for
    int practice = 0;       ///< answers before them that did not count
    int n = 0;              ///< counted answers it got
    std::optional<double> median_ms;
    std::optional<double> iqr_ms;
    int anticipations = 0; ///< anticipations and false starts
    int misses = 0;
    int lost_cues = 0;     ///< device cues never confirmed (asked again)
    bool complete = false; ///< n reached trials
    double timing_uncertainty_ms = 0.0;
    std::string timing_note; ///< why the uncertainty is what it is, in words
    std::vector<ReactionCueRecord> cues;
    std::string uuid = {}; ///< global identity, see RecordId
};

} // namespace algocore::records
