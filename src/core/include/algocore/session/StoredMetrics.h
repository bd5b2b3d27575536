#pragma once
// A hold's dose as it is stored: the recorder stores it so, and a view describes a finished
// hold in the stored record's words (history::signal_loss_sentence) before it is saved.
#include "algocore/protocols/DoseMetrics.h"
#include "algocore/records/Records.h"

namespace algocore::session {

/// The dose of a hold as its stored record has it (its stretches without signal included).
records::HoldMetrics stored_metrics(const protocols::DoseMetrics& dose);

} // namespace algocore::session
