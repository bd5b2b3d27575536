#pragma once
// The live view's rules live in algocore (algocore/live: signal state, band state, hold timer,
// gaps in the trace); these are the names the GUI's widgets use for them.
#include "algocore/live/LiveSession.h"

namespace algogui {

using algocore::live::GapDetector;
using algocore::live::LinkState;
using algocore::live::LiveCue;
using algocore::live::LiveSession;
using algocore::live::LiveSignal;
using algocore::live::LiveTargets;
using algocore::live::SignalState;
using algocore::live::TraceHistory;

} // namespace algogui
