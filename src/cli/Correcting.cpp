#include "Correcting.h"

#include <chrono>
#include <filesystem>

#include "Measuring.h"

namespace cli_correcting {

using cli_measuring::Failure;

void open_existing(algocore::session::Workbench& wb, const std::string& db) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(db, ec))
        throw Failure{kExitRefused, "no database at " + cli_measuring::quoted(db)};
    if (std::string problem = wb.open_database(db); !problem.empty())
        throw Failure{kExitNotStored, problem};
}

void wait_stored(algocore::session::Workbench& wb,
                 const algocore::session::CorrectionRequest& request) {
    if (!request.ok()) throw Failure{kExitRefused, request.error};
    auto* storage = wb.storage();
    for (const auto ticket : request.tickets) {
        if (storage->wait_committed(ticket, std::chrono::seconds(10))) continue;
        const auto status = storage->status();
        if (status.committed_through >= ticket && status.rejected_writes > 0)
            throw Failure{kExitRefused, "refused: " + status.last_rejection};
        cli_measuring::fail_not_stored(wb, "the correction was not committed: " + status.message);
    }
    cli_measuring::close_or_fail(wb);
}

std::string corrector(const std::string& by) {
    return by.empty() ? algocore::session::default_corrector() : by;
}

} // namespace cli_correcting
