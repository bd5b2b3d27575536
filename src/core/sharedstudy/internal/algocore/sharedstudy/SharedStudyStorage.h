#pragma once
// The whole shared study, read from its server behind the same Storage interface a database
// file is read through, so history, reports, reliability and export work unchanged with
// `--server URL` in place of `--db FILE`. It only reads: records are made on stations and
// reach the server by their push. The connection lives on this storage's own thread; every
// query runs there.
#include <memory>
#include <string>

#include "algocore/storage/Storage.h"

namespace algocore::sharedstudy {

/// The opened study, or why not (unreachable, no study, a schema this program does not read).
struct SharedStudyOpen {
    std::unique_ptr<storage::Storage> storage;
    std::string error;
};

/// Connects to the study at `address` (a libpq connection string or postgresql:// URI).
SharedStudyOpen open_shared_study(const std::string& address);

/// The same without waiting: it connects on its own thread at the first read, and a read that
/// cannot be answered (no server, no study) fails with the reason (the GUI's pages).
std::unique_ptr<storage::Storage> open_shared_study_on_first_read(const std::string& address);

} // namespace algocore::sharedstudy
