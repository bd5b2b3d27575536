#pragma once
// Where a reading command (history, report, reliability, export) finds the study: a database
// file (--db FILE) or the shared study's server (--server URL), one or the other. Both open
// behind the Storage interface, so the command prints the same formats from either.
#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "algocore/storage/Storage.h"

namespace cli_study {

/// The command's --db or --server.
struct StudySource {
    std::string db;
    std::string server;
    bool is_server() const { return !server.empty(); }
    /// How messages name it: the file, or "the shared study" (an address may be long).
    std::string name() const { return is_server() ? "the shared study" : db; }
};

/// Adds --db FILE and --server URL, which exclude each other (check_study_source says when
/// neither was given: CLI11 has no "one of").
void add_study_options(CLI::App* command, StudySource& source);
/// Empty, or what is wrong with the choice ("give --db FILE or --server URL").
std::string check_study_source(const StudySource& source);

/// An opened study, or why not.
struct OpenedStudy {
    std::unique_ptr<algocore::storage::Storage> storage;
    std::string error; ///< a sentence without the command's prefix
    std::string note;  ///< a file opened read-only with part of it unreadable: say so
};

/// Opens the study for reading only: a file is never changed, the server is only read.
OpenedStudy open_for_reading(const StudySource& source);

} // namespace cli_study
