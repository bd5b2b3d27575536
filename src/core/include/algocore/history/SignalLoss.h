#pragma once
// What is said about a hold's time without signal (the device unplugged, samples lost), in
// one wording for the report, the History page and `algoscope-cli history`: how long, when
// (minutes:seconds into the hold), and whether the hold's duration and mean include it.
#include <string>
#include <vector>

#include "algocore/records/Records.h"

namespace algocore::history {

/// The stretches without signal in a stored trace (the judgement every plot makes,
/// live::GapDetector), each from the last sample before it, in seconds from the first sample.
std::vector<records::SignalLossRecord> signal_losses_in(const records::RawTrace& trace);

/// "0:20": minutes and seconds into a hold.
std::string minutes_seconds(double seconds);

/// "10.3 s at 0:20" or "11.8 s in 2 stretches (10.3 s at 0:20, 1.5 s at 1:10)".
std::string losses_text(const std::vector<records::SignalLossRecord>& losses);

/// The sentence a reader needs, or "" when the hold had a signal throughout:
/// "Signal lost 10.3 s at 0:20: the duration includes it; in band, mean and PTI are over the
/// 49.7 s with signal." A hold recorded before losses were measured has figures that bridge
/// any loss; found_in_trace (from its stored trace, when it was read) names such losses and
/// says the figures include them.
std::string signal_loss_sentence(const records::HoldMetrics& metrics,
                                 const std::vector<records::SignalLossRecord>& found_in_trace = {});

/// A short cell for a table of holds: "none", "10.3 s at 0:20", or "not measured" for a hold
/// recorded before losses were measured.
std::string signal_loss_cell(const records::HoldMetrics& metrics);

} // namespace algocore::history
