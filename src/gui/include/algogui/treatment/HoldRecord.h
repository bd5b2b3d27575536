#pragma once
// A finished hold as the storage records it: band, outcome, dose, step-ups, probe area and
// calibration taken from the hold engine, the prescription as JSON. The caller adds where
// (session, site, side) and the pain rating.
#include <QString>

#include "algocore/protocols/HoldEngine.h"
#include "algocore/storage/Records.h"

namespace algogui {

/// "complete", "stopped" or "over_limit" (the words storage and export use).
QString hold_outcome_key(algocore::protocols::HoldState state);

/// The record of a finished hold (session, site, side and rating left for the caller).
algocore::storage::Hold hold_record(const algocore::protocols::HoldEngine& hold,
                                    const algocore::protocols::Prescription& prescription);

} // namespace algogui
