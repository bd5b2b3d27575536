// The storage's state in words (status lines, the CLI's messages).
#include "algocore/storage/StorageStatus.h"

namespace algocore::storage {

const char* to_string(StorageState state) {
    switch (state) {
    case StorageState::Ok: return "ok";
    case StorageState::DiskFull: return "disk full";
    case StorageState::ReadOnly: return "read-only";
    case StorageState::Busy: return "busy";
    case StorageState::Failed: return "failed";
    case StorageState::Closed: return "closed";
    }
    return "?";
}
} // namespace algocore::storage
