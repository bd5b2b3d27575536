#pragma once
// Where a rescue file was put, as the user must be told it.
#include <string>

namespace algocore::storage {

/// True when path is in the temporary folder, which is often emptied at restart: a rescue
/// file there must be imported soon.
bool in_temporary_folder(const std::string& path);

} // namespace algocore::storage
