#pragma once
// The shared study's part of `algoscope-cli subjects`: the subject registry on the server
// (`subjects --server URL [--json]`: one line or JSON object per subject record, with the
// station it was made on and whether its code clashes with another subject's) and
// `subjects merge --server URL KEEP OTHER` (two records of one person joined by an audit row).
#include <CLI/CLI.hpp>

namespace cli_shared_subjects {

/// Adds --server, --json and the `merge` subcommand to `subjects`; the listing runs when no
/// other subcommand was given.
void add_to(CLI::App& subjects);

} // namespace cli_shared_subjects
