#pragma once
// Records a simulated station stores, for the shared-study tests and benchmarks: PPT series
// (trials with ramp traces) and holds, through the Storage interface as the recorder would.
#include <optional>
#include <string>
#include <vector>

#include "algocore/storage/Storage.h"

namespace algotest {

/// One session a station records.
struct RecordedSession {
    std::string subject_code;
    std::string operator_name;
    std::string started_utc;
    std::vector<std::string> sites = {"upper_trapezius"};
    int trials_per_site = 3; ///< on the left side
    int holds = 0;           ///< at the first site
    /// Each hold's stretches without signal; empty: the holds' losses were not measured.
    std::vector<algocore::records::SignalLossRecord> hold_signal_losses{};
    /// Each hold's "release felt" marks and prompts; nullopt: not recorded (before schema 11).
    std::optional<algocore::records::ReleaseMarks> hold_release_marks{};
    int samples_per_trace = 500;
    double ppt_kpa = 400.0; ///< the first trial's threshold; later ones vary around it
};

/// Stores a session with its trials and holds (and waits until they are committed);
/// returns the session's id.
algocore::records::RecordId record_session(algocore::storage::Storage& storage,
                                           const RecordedSession& session);

/// A ramp trace of `samples` samples at 1 kHz rising at rate_kpa_s.
algocore::records::RawTrace ramp_trace(int samples, double rate_kpa_s);

} // namespace algotest
