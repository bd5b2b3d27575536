#pragma once
// Databases as older Algoscope versions left them, written out here (not taken from the
// storage code) so migration tests and benchmarks keep starting from what users have.
#include <string>

namespace algotest {

/// Writes path the way schema version 3 left a study: not marked as ours (application_id 0,
/// as every file before version 4), one subject "OLD-1" with one session and `trials` PPT trials
/// of `samples_per_trial` samples each, traces in the first format (ALT1, 30 bytes a sample).
void write_version3_database(const std::string& path, int trials, int samples_per_trial);

} // namespace algotest
