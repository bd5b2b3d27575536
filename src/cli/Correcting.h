#pragma once
// What the correcting subcommands (trials, subjects) share: the database opened for
// recording (never created by a correction), and waiting until each correction is committed
// or refused. The corrections themselves are algocore's session::Corrections.
#include <iosfwd>
#include <string>

#include "algocore/session/Workbench.h"

namespace cli_correcting {

/// Exit codes: 2 bad argument or a refused correction, 4 not stored.
inline constexpr int kExitRefused = 2;
inline constexpr int kExitNotStored = 4;

/// Opens an existing database for recording; throws cli_measuring::Failure.
void open_existing(algocore::session::Workbench& wb, const std::string& db);

/// Waits for every ticket of the request: throws Failure(2) with the refusal when the
/// storage refused one, Failure(4) when it could not be written.
void wait_stored(algocore::session::Workbench& wb,
                 const algocore::session::CorrectionRequest& request);

/// The corrector's name: --by when given, else the login name.
std::string corrector(const std::string& by);

} // namespace cli_correcting
