#pragma once
// algoscope-cli train as functions, so tests can drive it with scripted frames and compare
// what it stores with what the Training page stores.
#include <cstdint>
#include <iosfwd>
#include <string>

#include "Measuring.h"

namespace cli_train {

struct Options {
    std::string port;
    std::string driver = "auto";
    std::string db;
    std::string teacher;
    std::string student;
    std::string name;
    std::string kind = "hold";
    std::string band;
    std::string stage; ///< full, band_only, summary_after, none
    int faded = 0;     ///< faded schedule with this many attempts per stage
    double duration_s = 10.0;
    int attempts = 1;
    std::int64_t template_id = 0;
    double timeout_s = 600.0;
    std::string server;     ///< the shared study's server (with class_name)
    std::string class_name; ///< run the class's current exercise and publish progress
    std::string station;    ///< the station's name in the study, at its first push
};

/// Records an expert template on wb (database opened here): from the expert's first contact
/// for --duration seconds, kept from first to last contact by the TrainingSession; prints one
/// JSON line. Throws cli_measuring::Failure.
void record(const Options& options, algocore::session::Workbench& wb,
            const cli_measuring::FrameSource& frames, const cli_measuring::Connect& connect,
            std::ostream& out);

/// Runs the student's attempts against the stored template (each armed with the probe
/// lifted, begun at first contact); prints one JSON line of scores per attempt. With a class,
/// the class's current exercise is read from the server instead (the station is pushed first,
/// which registers it), the station's progress is published while it runs, and the scores are
/// pushed after.
void attempts(const Options& options, algocore::session::Workbench& wb,
              const cli_measuring::FrameSource& frames, const cli_measuring::Connect& connect,
              std::ostream& out);

} // namespace cli_train
